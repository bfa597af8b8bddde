package extract

import (
	"strings"

	"github.com/diplograph/diplograph/relation"
)

// groupNames are informal groupings of states that have no code of their
// own in the guideline: a mention stands for each member state.
var groupNames = map[string][]string{
	"Quad":    {"USA", "JPN", "AUS", "IND"},
	"AUKUS":   {"AUS", "GBR", "USA"},
	"Aukus":   {"AUS", "GBR", "USA"},
	"E3":      {"GBR", "FRA", "DEU"},
	"E-3":     {"GBR", "FRA", "DEU"},
	"Koreas":  {"KOR", "PRK"},
	"Benelux": {"BEL", "NLD", "LUX"},
}

// pairNouns are the heads of "the two countries", "both leaders": a
// reference to the two parties of the last meeting or agreement.
var pairNouns = map[string]bool{"countries": true, "nations": true, "sides": true, "leaders": true, "presidents": true,
	"ministers": true, "governments": true, "neighbors": true, "neighbours": true, "states": true, "men": true,
	"allies": true, "capitals": true, "delegations": true, "premiers": true}

// groupActors adds the actors of informal groups ("Quad leaders") and of
// "the two countries" / "both leaders" (the two parties of the last
// meeting or agreement between two states of the article).
func (d *doc) groupActors() {
	for i := 0; i < len(d.toks); i++ {
		if d.at[i] >= 0 {
			continue
		}
		t := d.toks[i]
		if codes, ok := groupNames[t.raw]; ok {
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
		if j < len(d.toks) && (d.toks[j].w == "prime" || d.toks[j].w == "foreign" || d.toks[j].w == "defense" || d.toks[j].w == "defence") {
			j++
		}
		if j >= len(d.toks) || !pairNouns[d.toks[j].w] || d.at[j] >= 0 {
			continue
		}
		if t.w == "two" && (i == 0 || d.toks[i-1].w != "the") {
			continue
		}
		if bare && !personPairNouns[d.toks[j].w] {
			continue
		}
		a, b := "", ""
		if personPairNouns[d.toks[j].w] {
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

var personPairNouns = map[string]bool{"leaders": true, "presidents": true, "ministers": true, "premiers": true, "men": true}

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

// proposalNouns name a step proposed by someone: "backed the call".
var proposalNouns = map[string]bool{"call": true, "calls": true, "proposal": true, "proposals": true, "request": true,
	"initiative": true, "plan": true, "idea": true, "move": true, "demand": true, "demands": true, "offer": true,
	"resolution": true, "bid": true, "push": true, "appeal": true, "motion": true, "draft": true, "suggestion": true}

// lastSubject returns the subject of the previous sentence as the target
// of a verb whose object is a proposal noun with no actor ("Greece also
// supported the call"): the proposal is the previous subject's.
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
		if proposalNouns[w] {
			found = j+1 >= len(d.toks) || !(d.toks[j+1].w == "by" || d.toks[j+1].w == "of" || d.toks[j+1].w == "from")
			break
		}
		if !(determiners[w] || w == "new" || w == "latest" || w == "joint" || w == "u.s." || strings.HasSuffix(w, "ed")) {
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
			if w := d.toks[j].w; w == "said" || w == "says" || w == "\"" {
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

// itCopula lists the words after which a sentence-initial "it" is most
// often expletive ("It is time", "It would be").
var itCopula = map[string]bool{"is": true, "was": true, "'s": true, "would": true, "will": true, "may": true, "might": true,
	"could": true, "seems": true, "seemed": true, "appears": true, "remains": true, "has": true, "had": true, "should": true,
	"must": true, "can": true, "also": true}

// subjectPronouns resolves a sentence-initial "they" or "it" to the subject
// of the previous sentence: "The G7 met in Quebec. They called on China
// ...". "It" needs a single state or organization as that subject.
func (d *doc) subjectPronouns() {
	if len(d.prevSubj) == 0 || len(d.toks) < 2 {
		return
	}
	i := 0
	switch d.toks[0].w {
	case "but", "and", "yet", "meanwhile", "still", "now":
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
		if len(d.prevSubj) != 1 || d.prevSubj[0].person || itCopula[d.toks[i+1].w] {
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

// offerNouns are proposals that one actor makes to another.
var offerNouns = map[string]bool{"offer": true, "offers": true, "proposal": true, "proposals": true, "demand": true,
	"demands": true, "request": true, "requests": true, "ultimatum": true, "initiative": true, "overtures": true, "overture": true}

// possessiveOthers resolves "its" or "their" before a proposal noun to
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
		if k+1 < len(d.toks) && (d.toks[k].w == "latest" || d.toks[k].w == "new" || d.toks[k].w == "peace" || d.toks[k].w == "ceasefire") {
			k++
		}
		if !offerNouns[d.toks[k].w] {
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
