package extract

import (
	"strings"

	"github.com/diplograph/diplograph/relation"
)

// groupActors adds the actors of informal groups ("Quad leaders", @group
// of data/words.txt) and of "the two countries" / "both leaders"
// (@pair_noun: the two parties of the last meeting or agreement between
// two states of the article).
func (d *doc) groupActors() {
	for i := 0; i < len(d.toks); i++ {
		if d.at[i] >= 0 {
			continue
		}
		t := d.toks[i]
		if codes, ok := words.group[t.raw]; ok {
			if i > 0 && d.toks[i-1].w == "-" {
				continue
			}
			d.addGroup(i, i+1, codes)
			continue
		}
		bare := t.w == "the" // "the prime ministers": officials only
		if t.w != "two" && t.w != "both" && !bare {
			continue
		}
		j := i + 1
		if j < len(d.toks) && words.pairNounModifier[d.toks[j].w] {
			j++
		}
		if j >= len(d.toks) || !words.pairNoun[d.toks[j].w] || d.at[j] >= 0 {
			continue
		}
		if t.w == "two" && (i == 0 || d.toks[i-1].w != "the") {
			continue
		}
		if bare && !words.personPairNoun[d.toks[j].w] {
			continue
		}
		a, b := "", ""
		if words.personPairNoun[d.toks[j].w] {
			a, b = d.lastPersonPair(i)
		}
		if a == "" && !bare {
			a, b = d.lastPair()
		}
		if a == "" {
			continue
		}
		d.addGroup(i, j+1, []string{a, b})
		i = j
	}
}

// lastPersonPair returns the states of the officials named in the current
// sentence before token t, or else in the previous sentence, when they act
// for exactly two states.
func (d *doc) lastPersonPair(t int) (string, string) {
	var codes []string
	add := func(c string) {
		if c == "" {
			return
		}
		for _, x := range codes {
			if x == c {
				return
			}
		}
		codes = append(codes, c)
	}
	for _, a := range d.actors {
		if !a.pron && !a.place && !a.adj && !a.shadow && a.code != "" && a.t1 <= t {
			add(a.code)
		}
	}
	if len(codes) == 0 {
		for _, p := range d.prevPers {
			add(p.code)
		}
	}
	if len(codes) == 2 && isStateCode(codes[0]) && isStateCode(codes[1]) {
		return codes[0], codes[1]
	}
	return "", ""
}

// lastPair returns the two states of the last meeting or agreement of the
// article, if any.
func (d *doc) lastPair() (string, string) {
	for k := len(d.rels) - 1; k >= 0 && k >= len(d.rels)-12; k-- {
		r := d.rels[k]
		if r.Negated || !relation.Symmetric(r.Type) {
			continue
		}
		if isStateCode(r.SourceActor) && isStateCode(r.TargetActor) {
			return r.SourceActor, r.TargetActor
		}
	}
	return "", ""
}

func isStateCode(c string) bool {
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// addGroup adds one actor per member over tokens [t0, t1): the first is
// indexed, the others shadow it (reached through members).
func (d *doc) addGroup(t0, t1 int, codes []string) {
	first := len(d.actors)
	var members []int
	for k := range codes[1:] {
		members = append(members, first+1+k)
	}
	d.addActor(actor{t0: t0, t1: t1, code: codes[0], ent: d.countryEntity(codes[0]), members: members})
	for _, c := range codes[1:] {
		d.actors = append(d.actors, actor{t0: t0, t1: t1, code: c, ent: d.countryEntity(c), shadow: true})
	}
}

// expand adds the shadow members of group actors to g.
func (d *doc) expand(g group) group {
	n := 0
	for _, ai := range g {
		n += len(d.actors[ai].members)
	}
	if n == 0 {
		return g
	}
	out := make(group, 0, len(g)+n)
	out = append(out, g...)
	for _, ai := range g {
		out = append(out, d.actors[ai].members...)
	}
	return out
}

// lastSubject returns the subject of the previous sentence as the target
// of a verb whose object is a proposal noun with no actor ("Greece also
// supported the call"): the proposal is the previous subject's. The
// proposal nouns are @proposal_noun of data/words.txt.
func (d *doc) lastSubject(t1 int) group {
	if len(d.prevSubj) == 0 {
		return nil
	}
	found := false
	for j := t1; j < len(d.toks) && j < t1+4; j++ {
		w := d.toks[j].w
		if d.at[j] >= 0 {
			return nil
		}
		if words.proposalNoun[w] {
			found = j+1 >= len(d.toks) || !(d.toks[j+1].w == "by" || d.toks[j+1].w == "of" || d.toks[j+1].w == "from")
			break
		}
		if !(words.determiner[w] || words.proposalModifier[w] || strings.HasSuffix(w, "ed")) {
			return nil
		}
	}
	if !found {
		return nil
	}
	var g group
	for _, a := range d.prevSubj {
		d.actors = append(d.actors, a)
		g = append(g, len(d.actors)-1)
	}
	return g
}

// noteSubject records the subject of the current sentence (the first
// actor not inside a prepositional phrase, with the actors coordinated
// with it or joined by "along with") for the next sentence.
func (d *doc) noteSubject() {
	d.prevSubj = d.prevSubj[:0]
	for j := 0; j < len(d.toks); j++ {
		ai := d.at[j]
		if ai < 0 {
			if w := d.toks[j].w; words.reportingVerb[w] || w == "\"" {
				return
			}
			continue
		}
		a := d.actors[ai]
		if a.code == "" || a.place || a.adj || d.prepBefore(a.t0) {
			j = a.t1 - 1
			continue
		}
		g := d.expand(d.extendRight(group{ai}, a.t1, false))
		end := d.actors[g[len(g)-1]].t1
		k := end
		if k < len(d.toks) && d.toks[k].w == "," {
			k++
		}
		if k+1 < len(d.toks) && d.toks[k].w == "along" && d.toks[k+1].w == "with" {
			g = append(g, d.expand(d.actorAt(k+2))...)
		}
		for _, gi := range g {
			c := d.actors[gi]
			c.t0, c.t1, c.shadow, c.members = 0, 0, true, nil
			d.prevSubj = append(d.prevSubj, c)
		}
		return
	}
}

// subjectPronouns resolves a sentence-initial "they" or "it" to the subject
// of the previous sentence: "The G7 met in Quebec. They called on China
// ...". "It" needs a single state or organization as that subject, and
// is left alone before a word of @expletive_it_cue ("It is time").
func (d *doc) subjectPronouns() {
	if len(d.prevSubj) == 0 || len(d.toks) < 2 {
		return
	}
	i := 0
	if words.sentenceOpener[d.toks[0].w] {
		i = 1
		if d.toks[i].w == "," {
			i++
		}
	}
	if i+1 >= len(d.toks) || d.at[i] >= 0 {
		return
	}
	switch d.toks[i].w {
	case "they":
	case "it":
		if len(d.prevSubj) != 1 || d.prevSubj[0].person || words.expletiveItCue[d.toks[i+1].w] {
			return
		}
	default:
		return
	}
	first := d.prevSubj[0]
	first.t0, first.t1, first.shadow, first.pron = i, i+1, false, true
	var members []int
	for _, a := range d.prevSubj[1:] {
		a.t0, a.t1, a.shadow, a.pron = i, i+1, true, true
		d.actors = append(d.actors, a)
		members = append(members, len(d.actors)-1)
	}
	first.members = members
	d.addActor(first)
}

// possessiveOthers resolves "its" or "their" before an offer noun
// (@offer_noun of data/words.txt: proposals one actor makes to another) to
// another actor than the clause subject: in "the US warned Iran, as Tehran
// rejected its offer", "its" is the US. The owner is the first actor of
// the sentence outside a prepositional phrase with another code than the
// subject, else the previous sentence's subject; "its own offer" is the
// subject's.
func (d *doc) possessiveOthers() {
	for i := 1; i+1 < len(d.toks); i++ {
		w := d.toks[i].w
		if (w != "its" && w != "their") || d.at[i] >= 0 {
			continue
		}
		k := i + 1
		if k+1 < len(d.toks) && words.offerModifier[d.toks[k].w] {
			k++
		}
		if !words.offerNoun[d.toks[k].w] {
			continue
		}
		s := d.leftGroup(i)
		if len(s) == 0 {
			continue
		}
		subj := d.actors[s[len(s)-1]]
		if subj.t1 < i-3 {
			continue // the verb must follow its subject closely
		}
		var own *actor
		for j := 0; j < subj.t0; j++ {
			ai := d.at[j]
			if ai < 0 {
				continue
			}
			a := d.actors[ai]
			j = a.t1 - 1
			if a.code == "" || a.place || a.adj || a.code == subj.code || d.prepBefore(a.t0) {
				continue
			}
			own = &a
			break
		}
		if own == nil && len(d.prevSubj) == 1 && d.prevSubj[0].code != subj.code {
			own = &d.prevSubj[0]
		}
		if own == nil {
			continue
		}
		c := *own
		c.t0, c.t1, c.shadow, c.pron, c.members = i, i+1, false, true, nil
		d.addActor(c)
	}
}
