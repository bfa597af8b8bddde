package extract

import (
	"strings"

	"github.com/diplograph/diplograph/extract/syntax"
	"github.com/diplograph/diplograph/relation"
)

// This file is the parse stage and argument finding on it: the sentence is
// tagged and parsed (package syntax) after its actors are known, and a
// verb trigger's slots are filled from its predicate's subject, object and
// prepositional arguments rather than from the nearest actor.

// Agent kinds of head nouns (@agent_state and @agent_org of
// data/words.txt).
const (
	agentState = 1 // acts for a state or organization that modifies it
	agentOrg   = 2 // acts for an organization only ("fighters")
)

// agentKind gives the agent kind of head noun w, or 0.
func agentKind(w string) int {
	switch {
	case words.agentState[w]:
		return agentState
	case words.agentOrg[w]:
		return agentOrg
	}
	return 0
}

// agentFor reports whether head noun w stands for actor a modifying it:
// state agents for states and organizations, organization agents only for
// organizations; an actor inside a hyphenated modifier ("Chadian-backed
// rebels") never.
func (d *doc) agentFor(w string, a actor) bool {
	k := agentKind(w)
	if k == 0 || d.hyphenModifier(a) {
		return false
	}
	return k == agentState || !isStateCode(a.code)
}

// hyphenModifier reports an adjective actor inside a hyphenated word
// ("Chadian-backed", "U.S.-led"): it modifies, it never stands for the
// state.
func (d *doc) hyphenModifier(a actor) bool {
	return a.adj && strings.Contains(d.toks[a.t0].raw, "-")
}

// parseSentence tags and parses the current sentence; the actors found so
// far are kept inside single noun phrases.
func (d *doc) parseSentence() {
	d.parse = nil
	live := false
	for _, a := range d.actors {
		if a.code != "" && !a.place {
			live = true
			break
		}
	}
	if !live {
		// no actor, no relation: the parse is not needed
		return
	}
	trigger := false
	presence := d.x.ps.classes["@presence"]
	for _, t := range d.toks {
		// a pattern's first word, a military presence head or an event
		// verb or noun (remembered for anaphora)
		if len(d.x.ps.byFirst[t.w]) > 0 || presence[t.w] || words.eventVerb[t.w] != "" || words.eventNoun[t.w] != "" {
			trigger = true
			break
		}
	}
	if !trigger {
		return // no pattern can fire
	}
	d.words = d.words[:0]
	for _, t := range d.toks {
		d.words = append(d.words, t.raw)
	}
	d.tags = d.x.tagger.TagInto(d.tags[:0], d.words)
	d.verbTags()
	d.names = d.names[:0]
	for _, a := range d.actors {
		if a.shadow || a.t1 <= a.t0 || a.code == "" && !a.place {
			continue
		}
		d.names = append(d.names, syntax.Span{Start: a.t0, End: a.t1})
	}
	d.parse = syntax.ParseTagged(d.words, d.tags, syntax.Options{Names: d.names})
	if d.x.traceParse != nil {
		d.x.traceParse(d.parse.Describe())
	}
}

// predicate returns the parse's predicate for a verb trigger at t0.
func (d *doc) predicate(t0 int) (syntax.Predicate, syntax.VG, bool) {
	if d.parse == nil {
		return syntax.Predicate{}, syntax.VG{}, false
	}
	pr, ok := d.parse.PredicateAt(t0)
	if !ok {
		return pr, syntax.VG{}, false
	}
	return pr, d.parse.VGs[pr.VG], true
}

// live reports whether actor ai can fill a slot (places only when place).
func (d *doc) live(ai int, place bool) bool {
	a := d.actors[ai]
	return a.code != "" && (!a.place || place)
}

// argActors returns the actors a parse group stands for: for each
// coordinated noun phrase, the actor it names, or, when its head is an
// agent noun ("troops", "officials", "ministers"), the state modifying it
// (adjective, name or possessive) or named in its "of"/"from" complement.
// obj admits a name modifying another head ("backed the U.S. proposal").
func (d *doc) argActors(g int, place, obj bool) group {
	if g < 0 || d.parse == nil {
		return nil
	}
	pg := d.parse.Groups[g]
	var out group
	add := func(ai int) {
		for _, x := range out {
			if x == ai {
				return
			}
		}
		out = append(out, ai)
	}
	lastHead := ""
	if n := len(pg.NPs); n > 0 {
		lastHead = d.toks[d.parse.NPs[pg.NPs[n-1]].Head].w
	}
	for _, x := range pg.NPs {
		np := d.parse.NPs[x]
		head := d.toks[np.Head].w
		if ai := d.at[np.Head]; ai >= 0 && d.live(ai, place) {
			a := d.actors[ai]
			if !a.adj || d.agentFor(lastHead, a) && np.End-np.Start <= 2 ||
				np.End-np.Start == 2 && d.toks[np.Start].w == "the" && !d.hyphenModifier(a) {
				// (also "the Sudanese", "the British": the guide's
				// demonym standing for the state)
				// the noun phrase is the actor, or an adjective
				// coordinated with an agent phrase ("Indian and
				// Pakistani troops")
				add(ai)
				continue
			}
		}
		agent := agentKind(head) != 0
		found := false
		for k := np.Start; k < np.Head; k++ {
			ai := d.at[k]
			if ai < 0 || !d.live(ai, false) {
				continue
			}
			a := d.actors[ai]
			if d.agentFor(head, a) || obj && !d.hyphenModifier(a) && !(a.adj && agentKind(head) == agentOrg) {
				// (an object's state modifier counts, but not for
				// "Colombian rebels")
				add(ai)
				found = true
			}
			k = a.t1 - 1
		}
		if !found && np.Appos >= 0 && !(d.at[np.Head] >= 0 && d.actors[d.at[np.Head]].place) {
			// (not after a place: "Brussels, Belgium" is where, not who)
			// "their Gulf neighbor, Qatar"
			for _, ai := range d.argActors(np.Appos, place, obj) {
				add(ai)
				found = true
			}
		}
		if !found && obj {
			// "condemned the launch": the agent of the last launch
			if ai, ok := d.anaphoricAct(x); ok {
				add(ai)
				continue
			}
		}
		if found || !agent && !d.quantity(np) && !obj {
			continue
		}
		for _, c := range np.Comps {
			pp := d.parse.PPs[c]
			if !agent && !d.quantity(np) && pp.Word != "of" {
				continue // an object's "of" names whose thing it is
			}
			for _, ai := range d.argActors(pp.Group, false, obj) {
				add(ai)
			}
		}
	}
	return out
}

// oblique returns the group of the predicate's first prepositional
// argument with preposition prep at or after token from, or -1.
func (d *doc) oblique(pr syntax.Predicate, prep string, from int) int {
	for _, o := range pr.Obliques {
		if o.Prep == prep && d.parse.PPs[o.PP].Prep >= from {
			return o.Group
		}
	}
	return -1
}

// synSubject gives a verb trigger's source from the parse: the subject's
// actors, and for a passive the "by" agent's (the subject is then the
// target). used is false when the parse found no subject, so the caller
// falls back to the word-order rules.
func (d *doc) synSubject(pr syntax.Predicate, passive bool, t1 int) (subj, agent group, used bool) {
	if pr.Subject < 0 {
		return nil, nil, false
	}
	// a passive subject is the patient, found like an object ("the
	// Nigerian plan ... is backed by Togo")
	subj = d.argActors(pr.Subject, false, passive)
	if len(subj) == 0 {
		subj = d.matrixSubject(pr)
	}
	if !passive {
		return subj, nil, true
	}
	if pr.Agent >= 0 {
		agent = d.argActors(pr.Agent, false, false)
	} else {
		agent = d.prepGroup(t1, "by", 3, false)
	}
	return subj, agent, true
}

// synSlotSubject fills a verb trigger's subject slot from the parse: the
// subject's actors and, in the passive, the agent's. A passive whose
// subject is an event noun with no actor takes the noun's parties from
// another verb ("they are holding talks mediated by Turkish officials":
// the parties of the talks), never the trigger's own agent.
func (d *doc) synSlotSubject(pr syntax.Predicate, passive bool, t1 int) (subj, agent group) {
	subj, agent, _ = d.synSubject(pr, passive, t1)
	if len(subj) > 0 || !passive || pr.Subject < 0 {
		return subj, agent
	}
	subj = d.supportSubject(d.parse.Groups[pr.Subject].End - 1)
	for _, a := range subj {
		for _, b := range agent {
			if d.actors[a].code == d.actors[b].code {
				return nil, agent
			}
		}
	}
	return subj, agent
}

// reciprocal reports whether group g is "each other" or "one another".
func (d *doc) reciprocal(g int) bool {
	pg := d.parse.Groups[g]
	if len(pg.NPs) != 1 {
		return false
	}
	np := d.parse.NPs[pg.NPs[0]]
	if np.End-np.Start != 2 {
		return false
	}
	a, b := d.toks[np.Start].w, d.toks[np.Start+1].w
	return a == "each" && b == "other" || a == "one" && b == "another"
}

// quantity reports a noun phrase that measures what its "of" complement
// names ("$20.7 billion worth of U.S. exports", "dozens of Chinese
// vessels"): its head is a number or "worth".
func (d *doc) quantity(np syntax.NP) bool {
	return d.tags[np.Head] == "CD" || words.quantityHead[d.toks[np.Head].w]
}

// matrixSubject resolves a pronoun subject of a complement clause to the
// subject of the verb that introduces it: "Mogadishu announced it was
// cutting ties" (it = Mogadishu), "Beijing has hinted that it could
// retaliate". "he" and "she" need a person, "it" a state or organization.
func (d *doc) matrixSubject(pr syntax.Predicate) group {
	pg := d.parse.Groups[pr.Subject]
	if len(pg.NPs) != 1 || pg.End-pg.Start != 1 {
		return nil
	}
	w := d.toks[pg.Start].w
	if w != "it" && w != "they" && w != "he" && w != "she" {
		return nil
	}
	m := d.parse.Matrix(pr.VG)
	if m < 0 {
		return nil
	}
	mp := d.parse.Predicates[m]
	if mp.Subject < 0 || mp.Subject == pr.Subject {
		return nil
	}
	var out group
	for _, ai := range d.argActors(mp.Subject, false, false) {
		a := d.actors[ai]
		if (w == "he" || w == "she") != a.person {
			continue
		}
		out = append(out, ai)
	}
	if w != "they" && len(d.expand(out)) != 1 {
		return nil
	}
	return out
}

// supportSubject finds the agent of an event noun that is the object of a
// support verb ("Canada announced new sanctions on X", "Iran lodged a
// protest with Y", "the two sides held talks"): the verb's subject, or its
// "by" agent in the passive. Verbs that report on someone else's event
// ("condemned the sanctions") are not support verbs, so the list is
// closed (@support_verb of data/words.txt).
func (d *doc) supportSubject(t0 int) group {
	if d.parse == nil {
		return nil
	}
	x := d.parse.NPAt(t0)
	if x < 0 {
		return nil
	}
	g := d.parse.NPs[x].Group
	// "opened a second round of peace talks": the event noun in the "of"
	// complement of a measure noun that is the object
	if pi := d.parse.NPs[x].PP; pi >= 0 {
		if pp := d.parse.PPs[pi]; pp.Word == "of" && pp.Prep > 0 {
			if h := d.parse.NPAt(pp.Prep - 1); h >= 0 && words.measureNoun[d.toks[d.parse.NPs[h].Head].w] {
				g = d.parse.NPs[h].Group
			}
		}
	}
	for _, pr := range d.parse.Predicates {
		vg := d.parse.VGs[pr.VG]
		if !words.supportVerb[d.toks[vg.Head].w] {
			continue
		}
		passive := d.parse.PassiveVoice(pr.VG)
		// the event noun is the object, or the subject of the passive
		// ("sanctions were imposed by Canada")
		in := pr.Object == g || pr.Object2 == g || pr.GapObject == g || passive && pr.Subject == g
		for _, o := range pr.Obliques {
			if o.Group == g && (o.Prep == "in" || o.Prep == "into") {
				in = true // "engaged in talks", "entered into negotiations"
			}
		}
		if !in {
			continue
		}
		if passive {
			if pr.Agent >= 0 {
				return d.argActors(pr.Agent, false, false)
			}
			return nil
		}
		subj, _, used := d.synSubject(pr, false, vg.End)
		if used {
			return subj
		}
		return nil
	}
	return nil
}

// prepArg returns the parse group after preposition prep that belongs to
// the trigger at [t0, t1): for a verb, its prepositional argument; for a
// noun, a prepositional phrase right after its noun phrase ("talks with
// X", "a meeting between A and B"). It is -1 when the parse has none.
func (d *doc) prepArg(syn bool, pr syntax.Predicate, t0, t1 int, prep string) int {
	if d.parse == nil {
		return -1
	}
	if syn {
		return d.oblique(pr, prep, t1)
	}
	for _, pi := range d.parse.NounPPs(t1-1, 3) {
		if pp := d.parse.PPs[pi]; pp.Word == prep {
			return pp.Group
		}
	}
	x := d.parse.NPAt(t1 - 1)
	if x < 0 {
		return -1
	}
	g := d.parse.NPs[x].Group
	// a clause about the noun carries its argument
	for _, cp := range d.parse.Predicates {
		cvg := d.parse.VGs[cp.VG]
		passiveSupport := cp.Subject == g && d.parse.PassiveVoice(cp.VG) && words.supportVerb[d.toks[cvg.Head].w]
		// "a trip that took him to X" (relative clause), "the weapons
		// Iran sent to Russia" (object gap), "sanctions were imposed by
		// Canada on Russia" (passive support verb)
		if cp.Subject == g && cp.How == syntax.SubjRelative || cp.GapObject == g || passiveSupport {
			if og := d.oblique(cp, prep, d.parse.VGs[cp.VG].End); og >= 0 {
				return og
			}
		}
	}
	// "the secretary's first meeting of the day was with X": the noun is
	// the subject of a form of "be" whose prepositional argument it takes
	if prep != "with" && prep != "between" {
		return -1
	}
	for _, cp := range d.parse.Predicates {
		vg := d.parse.VGs[cp.VG]
		if cp.Subject != g || vg.Head != vg.End-1 || !copula(d.toks[vg.Head].w) {
			continue
		}
		return d.oblique(cp, prep, vg.End)
	}
	return -1
}

// copula reports the forms of "be".
func copula(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being":
		return true
	}
	return false
}

// adjunctSubject gives the agent of an event noun heading an adjunct
// phrase ("following talks in Pakistan", "during talks at the airport",
// "after a meeting with X"): the subject of the clause the phrase belongs
// to.
func (d *doc) adjunctSubject(t0 int) group {
	if d.parse == nil {
		return nil
	}
	x := d.parse.NPAt(t0)
	if x < 0 {
		return nil
	}
	if d.parse.NPs[x].PP < 0 {
		// "following talks in Pakistan, General Franks denied": the
		// participle "following" works as a preposition
		g := d.parse.NPs[x].Group
		for _, pr := range d.parse.Predicates {
			vg := d.parse.VGs[pr.VG]
			if pr.Object == g && vg.Participle && d.toks[vg.Head].w == "following" && pr.How == syntax.SubjParticiple {
				return d.argActors(pr.Subject, false, false)
			}
		}
		return nil
	}
	pp := d.parse.PPs[d.parse.NPs[x].PP]
	switch pp.Word {
	case "during", "following", "after", "before", "at", "ahead", "since", "amid", "in", "despite":
	default:
		return nil
	}
	if pp.Word == "in" && d.toks[d.parse.NPs[x].Start].w != "the" && d.toks[d.parse.NPs[x].Start].w != "a" {
		return nil
	}
	v := d.parse.ClauseVerb(pp.Prep)
	if v < 0 {
		return nil
	}
	pr := d.parse.Predicates[v]
	vg := d.parse.VGs[v]
	subj, ag, used := d.synSubject(pr, vg.Passive, vg.End)
	if !used {
		return nil
	}
	if vg.Passive {
		return ag
	}
	return subj
}

// addressedNoun finds a request or warning named by a noun whose source
// follows it ("calls by the United States, France and Russia", "warnings
// from Japan") or owns it ("Pyongyang's request") and whose addressee is
// the subject of the clause around it:
// the verb taking the noun as object ("Armenian and Azerbaijani forces had
// ignored calls by X"), or the clause of an adjunct ("North Korea launched
// a rocket despite warnings from Japan"). It reports whether a relation
// was found.
func (d *doc) addressedNoun(p *pattern, t0, t1 int) bool {
	if p.verb || p.pred || p.typ != relation.Requested && p.typ != relation.Warned || d.parse == nil || len(p.frames) == 0 {
		return false
	}
	x := d.parse.NPAt(t1 - 1)
	if x < 0 {
		return false
	}
	var src group
	for _, pi := range d.parse.NounPPs(t1-1, 3) {
		if pp := d.parse.PPs[pi]; pp.Word == "by" || pp.Word == "from" {
			src = d.argActors(pp.Group, false, false)
			break
		}
	}
	if len(src) == 0 {
		src = d.nounSubject(t0) // "rejected Pyongyang's request"
	}
	if len(src) == 0 {
		return false
	}
	g := d.parse.NPs[x].Group
	var tgt group
	for _, pr := range d.parse.Predicates {
		if pr.Object == g && !d.parse.VGs[pr.VG].Passive {
			tgt, _, _ = d.synSubject(pr, false, d.parse.VGs[pr.VG].End)
			break
		}
	}
	if len(tgt) == 0 {
		tgt = d.adjunctSubject(t1 - 1)
	}
	if len(tgt) == 0 {
		return false
	}
	// modality from the noun phrase on: "rejected Pyongyang's request"
	// rejects the request, it does not deny it was made
	return d.emit(p, p.frames[0], t0, t1, src, tgt, nil, d.parse.NPs[x].Start)
}

// verbTags corrects a tagging slip the parse cannot survive: a word that
// the patterns know only as a verb trigger ("met", "urged"), tagged as a
// noun right after a name or pronoun and before a preposition, determiner,
// name or pronoun ("Blinken met/NN with officials"), is a past tense.
func (d *doc) verbTags() {
	for i := 1; i+1 < len(d.tags); i++ {
		if t := d.tags[i]; t != "NN" && t != "NNS" {
			continue
		}
		prev, next := d.tags[i-1], d.tags[i+1]
		if !(strings.HasPrefix(prev, "NNP") || prev == "PRP") || !(next == "IN" || next == "DT" || next == "TO" || strings.HasPrefix(next, "NNP") || next == "PRP") {
			continue
		}
		// the word before must end a name that is not a modifier ("the
		// Nigerian plan" stays a noun)
		ai := d.at[i-1]
		if ai < 0 || d.actors[ai].adj {
			continue
		}
		if a := d.actors[ai]; a.t0 > 0 && (d.toks[a.t0-1].w == "the" || d.toks[a.t0-1].w == "a" || d.toks[a.t0-1].w == "an") {
			continue
		}
		pats := d.x.ps.byFirst[d.toks[i].w]
		if len(pats) == 0 {
			continue
		}
		verbOnly := true
		for _, p := range pats {
			if !p.verb {
				verbOnly = false
				break
			}
		}
		if verbOnly && d.at[i] < 0 {
			d.tags[i] = "VBD"
		}
	}
}

// nounOwners returns the actors modifying an event noun across a
// coordination of modifiers: "a joint Iranian, British, French, and German
// declaration" (the chunker sees a list of noun phrases whose last one
// holds the noun).
func (d *doc) nounOwners(t0 int) group {
	if d.parse == nil {
		return nil
	}
	x := d.parse.NPAt(t0)
	if x < 0 {
		return nil
	}
	var out group
	for _, y := range d.parse.Groups[d.parse.NPs[x].Group].NPs {
		np := d.parse.NPs[y]
		if y != x && d.at[np.Head] < 0 {
			return nil // a conjunct with its own head noun: not a list of modifiers
		}
		for k := np.Start; k < np.End && k < t0; k++ {
			if ai := d.at[k]; ai >= 0 && d.live(ai, false) && !d.actors[ai].pron {
				out = append(out, ai)
				k = d.actors[ai].t1 - 1
			}
		}
	}
	return out
}

// hearsay reports whether the trigger at t0 is the verb of a clause that
// complements a hearsay noun ("reports that X bombed Y", "allegations that
// Syria ..."): such events are not asserted.
func (d *doc) hearsay(t0 int) bool {
	if d.parse == nil {
		return false
	}
	pr, ok := d.parse.PredicateAt(t0)
	if !ok || pr.Subject < 0 {
		return false
	}
	j := d.parse.Groups[pr.Subject].Start - 1
	if j < 1 || d.toks[j].w != "that" {
		return false
	}
	return words.hearsayNoun[d.toks[j-1].w]
}

// possessorObject resolves a possessive pronoun at token j inside a
// prepositional argument that follows the clause's object: "The EU
// imposed sanctions on Iran over its supply of drones" (its = Iran), "X
// accused Y of violating its airspace" is not such a case (no
// preposition before "its"). It returns the object's actors, or nil.
func (d *doc) possessorObject(j int) group {
	if d.parse == nil || j < 1 || d.parse.PPAt(j-1) < 0 {
		return nil
	}
	pi := d.parse.PPAt(j - 1)
	for _, pr := range d.parse.Predicates {
		found := false
		var before []syntax.Oblique
		for _, o := range pr.Obliques {
			if o.PP == pi {
				found = true
				break
			}
			before = append(before, o)
		}
		if !found {
			continue
		}
		if d.toks[d.parse.PPs[pi].Prep].w == "to" {
			return nil
		}
		// the object, or the last prepositional argument before ("on Iran")
		var cands []int
		if pr.Object >= 0 {
			cands = append(cands, pr.Object)
		}
		for _, o := range before {
			cands = append(cands, o.Group)
		}
		for k := len(cands) - 1; k >= 0; k-- {
			if g := d.argActors(cands[k], false, false); len(g) == 1 {
				return g
			}
		}
		return nil
	}
	return nil
}
