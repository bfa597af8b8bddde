package extract

import (
	"strings"

	"github.com/diplograph/diplograph/relation"
)

// relations finds the relations of the current sentence.
func (d *doc) relations() {
	if len(d.actors) == 0 {
		return
	}
	live := 0
	for _, a := range d.actors {
		if a.code != "" {
			live++
		}
	}
	if live < 1 {
		return
	}
	for i := 0; i < len(d.toks); i++ {
		pats := d.x.ps.byFirst[d.toks[i].w]
		if len(pats) == 0 {
			continue
		}
		if j := d.at[i]; j >= 0 && d.actors[j].code != "" {
			continue // inside an actor name ("Defense Department")
		}
		for _, p := range pats {
			end, ok := d.matchTrigger(p, i)
			if !ok {
				continue
			}
			if p.verb && i > 0 && words.determiner[d.toks[i-1].w] {
				continue // "the attack": a noun, not a verb
			}
			if d.x.traceTrigger != nil {
				d.x.traceTrigger(d.a.Text[d.osent[0]:d.osent[1]], p.typ+" "+p.triggerText())
			}
			if d.applyPattern(p, i, end) || d.addressedNoun(p, i, end) {
				break
			}
		}
	}
}

// matchTrigger matches the trigger words of p at token i and returns the
// end (exclusive) of the match.
func (d *doc) matchTrigger(p *pattern, i int) (int, bool) {
	j := i + 1
	for wi := 1; wi < len(p.words); wi++ {
		w := p.words[wi]
		if w == nil {
			continue
		}
		gap := 0
		if p.words[wi-1] == nil {
			gap = 3
		}
		found := false
		for k := j; k <= j+gap && k < len(d.toks); k++ {
			if d.at[k] >= 0 && d.actors[d.at[k]].code != "" && !d.actors[d.at[k]].adj {
				// an actor inside a gap is allowed only as a modifier
				if gap == 0 {
					break
				}
			}
			if contains(w, d.toks[k].w) {
				j = k + 1
				found = true
				break
			}
			if d.toks[k].w == "," || d.toks[k].w == ";" || d.toks[k].w == "." {
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return j, true
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// group is a set of actors (indices into d.actors) filling one slot.
type group []int

// applyPattern tries the frames of p for the trigger at tokens [t0, t1)
// and records the relations of the first frame that gives any.
func (d *doc) applyPattern(p *pattern, t0, t1 int) bool {
	pr, vg, syn := d.predicate(t0)
	syn = syn && p.verb && !p.pred
	if p.verb && !p.pred && !syn && d.parse != nil && d.tags[t0] == "NNS" {
		if x := d.parse.NPAt(t0); x >= 0 && d.parse.NPs[x].Head == t0 && d.parse.NPs[x].Start < t0 {
			// a verb trigger read as the plural head of a noun phrase
			// with modifiers is a noun: "cut off gas supplies to
			// Ukraine" is no supply
			return false
		}
	}
	passive := false
	switch {
	case syn:
		passive = d.parse.PassiveVoice(pr.VG)
	case p.verb:
		passive = d.isPassive(t0, t1)
	}
	// the parse gives the object only for a one-word verb trigger; a
	// trigger with particles or nouns ("call on", "impose ~ sanctions")
	// has its object after the trigger's end
	synObj := syn && t1 <= vg.End
	// a verb of an infinitival clause reports no event of its own ("urged
	// Afghanistan to hold ... and cooperate with Pakistan")
	d.nonfinite = syn && vg.Infinitive
	d.curType = p.typ
	defer func() { d.nonfinite, d.curType = false, "" }()
	// verbs look further right for their prepositions than nouns, whose
	// prepositional phrases follow them directly
	win := 6
	if !p.verb {
		win = 2
		if p.pred {
			win = 4
		}
	}
	for _, fr := range p.frames {
		var srcs, tgts group
		var pairs group
		keep := false
		need := ""
		for _, sl := range fr.slots {
			switch sl.kind {
			case slotKeep:
				keep = true
			case slotNeed:
				need = sl.class
			}
		}
		ok := true
		subjEnd := -1
		cursor := t1
		advance := func(g group) {
			if e := d.actors[g[len(g)-1]].t1; e > cursor {
				cursor = e
			}
		}
		for _, sl := range fr.slots {
			switch sl.kind {
			case slotSubj:
				// the subject's actors g and, for a passive, the "by"
				// agent's ag: from the parse for a verb in a parsed verb
				// group (no relation when the parse has no subject: the
				// nearest actor to the left is how relative and
				// participial clauses went wrong), else by word order
				var g, ag group
				vpS := false // a coordinated verb's subject: modality looks from the trigger
				if syn {
					g, ag = d.synSlotSubject(pr, passive && !keep, t1)
				} else {
					if p.verb || p.pred {
						g = d.leftGroup(t0)
						if d.adjunct(t0) {
							g = d.mainSubject(t0)
						} else if vg := d.vpSubject(t0, g); vg != nil {
							g, vpS = vg, true
						}
					} else {
						g = d.nounSubject(t0)
						if len(g) == 0 && d.adjunct(t0) {
							g = d.leftGroup(t0)
						}
						if len(g) == 0 {
							g = d.supportSubject(t0)
						}
						if len(g) == 0 && (p.typ == relation.MetWith || p.typ == relation.AgreedWith) {
							// "during talks with X, Y said"; but "cut
							// ties after an attack" is not the
							// subject's attack
							g = d.adjunctSubject(t0)
						}
					}
					if passive && !keep {
						if rg := d.relativeAntecedent(t0); rg != nil {
							g = rg // "the U.S. proposal, which is supported by X"
						}
						ag = d.prepGroup(t1, "by", 3, false)
					}
				}
				if len(g) == 0 || passive && !keep && len(ag) == 0 {
					ok = false
					break
				}
				subjEnd = d.actors[g[0]].t1
				if passive && !keep {
					// the subject is the target, the agent the source
					srcs = ag
					advance(ag)
					if hasSlot(fr, slotObj) {
						tgts = g
					}
					continue
				}
				srcs = g
				if vpS || syn && subjEnd > t0 {
					subjEnd = t0 - 1
				}
			case slotSubjGroup:
				if syn && pr.Subject >= 0 && !passive {
					g := d.argActors(pr.Subject, false, false)
					if len(d.expand(g)) < 2 {
						ok = false
						break
					}
					pairs = g
					subjEnd = t0 - 1
					continue
				}
				var g group
				vp := false
				if p.verb || p.pred {
					g = d.leftGroup(t0)
					if vg := d.vpSubject(t0, g); vg != nil {
						g, vp = vg, true
					}
				} else {
					g = d.nounSubject(t0)
					if len(d.expand(g)) < 2 {
						// "a joint Iranian, British, French, and
						// German declaration"
						if og := d.nounOwners(t0); len(d.expand(og)) >= 2 {
							g, vp = og, true
						}
					}
					if len(g) == 0 {
						g = d.supportSubject(t0)
						vp = len(g) > 0
					}
				}
				if len(d.expand(g)) < 2 || passive || (!vp && t0-d.actors[g[0]].t1 > 4) {
					ok = false
					break
				}
				pairs = g
				subjEnd = d.actors[g[0]].t1
				if vp {
					subjEnd = t0 - 1
				}
			case slotObj:
				if passive && !keep {
					continue // filled from the subject
				}
				if synObj && pr.Object >= 0 && d.reciprocal(pr.Object) {
					// "both sides accused each other": every ordered
					// pair of the subject's actors
					if len(d.expand(srcs)) < 2 {
						ok = false
						break
					}
					tgts = srcs
					continue
				}
				if synObj && pr.Object >= 0 {
					g := d.argActors(pr.Object, false, true)
					if len(g) == 0 && p.typ == relation.MetWith {
						// "attended the summit in Brazil": the host
						g = d.eventHost(pr)
					}
					if len(g) == 0 {
						ok = false
						break
					}
					tgts = g
					advance(g)
					continue
				}
				g := d.objectGroup(t1)
				if len(g) == 0 {
					ok = false
					break
				}
				tgts = g
				advance(g)
			case slotPrepObj:
				if sl.prep == "last" {
					g := d.lastSubject(t1)
					if len(g) == 0 {
						ok = false
						break
					}
					tgts = g
					continue
				}
				if og := d.prepArg(syn, pr, t0, t1, sl.prep); og >= 0 {
					g := d.argActors(og, sl.place, true)
					if len(g) == 0 && p.typ == relation.MetWith && sl.prep == "with" && syn {
						// "met with officials in Beijing": the host
						g = d.hostOf(pr, og)
					}
					if len(g) == 0 {
						ok = false
						break
					}
					tgts = g
					advance(g)
					continue
				}
				w := win
				if !p.verb && cursor < len(d.toks) && d.toks[cursor].w == "of" && sl.prep != "of" {
					w = 7 // "transfer of arms to Russia"
				}
				g := d.prepGroup(cursor, sl.prep, w, sl.place)
				if len(g) == 0 {
					ok = false
					break
				}
				tgts = g
				advance(g)
			case slotClauseObj:
				g := d.clauseActor(cursor)
				if len(g) == 0 {
					ok = false
					break
				}
				tgts = g
				advance(g)
			case slotPrepSubj:
				var g group
				if og := d.prepArg(syn, pr, t0, t1, sl.prep); og >= 0 {
					g = d.argActors(og, false, false)
				} else {
					g = d.prepGroup(cursor, sl.prep, win, false)
				}
				if len(g) == 0 {
					ok = false
					break
				}
				srcs = g
				advance(g)
			case slotPrepGroup:
				var g group
				if og := d.prepArg(syn, pr, t0, t1, sl.prep); og >= 0 {
					g = d.argActors(og, false, false)
				} else {
					g = d.prepGroup(cursor, sl.prep, win, false)
				}
				if len(d.expand(g)) < 2 {
					ok = false
					break
				}
				pairs = g
				advance(g)
			}
			if !ok {
				break
			}
		}
		if !ok {
			continue
		}
		if passive && !keep && len(tgts) == 0 && len(pairs) == 0 {
			continue
		}
		if need != "" && !d.hasClass(need, t0, t1, append(append(group{}, srcs...), pairs...), tgts) {
			continue
		}
		if d.emit(p, fr, t0, t1, srcs, tgts, pairs, subjEnd) {
			return true
		}
	}
	return false
}

func hasSlot(fr frame, k slotKind) bool {
	for _, s := range fr.slots {
		if s.kind == k {
			return true
		}
	}
	return false
}

// isPassive reports whether the verb at [t0, t1) is a passive participle:
// a be-form before it, or "by" right after it.
func (d *doc) isPassive(t0, t1 int) bool {
	w := d.toks[t0].w
	part := strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || d.x.ps.parts[w]
	if !part {
		return false
	}
	for j := t0 - 1; j >= 0 && j >= t0-3; j-- {
		tw := d.toks[j].w
		if words.beForm[tw] {
			return true
		}
		if !strings.HasSuffix(tw, "ly") && tw != "not" && tw != "also" && tw != "already" && tw != "reportedly" && tw != "being" {
			break
		}
	}
	if t1 < len(d.toks) && d.toks[t1].w == "by" {
		// reduced relative: "the army, routed by Isis forces"
		if t0 > 0 && (d.toks[t0-1].w == "," || d.at[t0-1] >= 0) && len(d.prepGroup(t1, "by", 1, false)) > 0 {
			return true
		}
	}
	return false
}

// leftGroup finds the subject left of token t: the nearest actor not inside
// a prepositional phrase, with the actors coordinated with it. The group
// lists the nearest actor first.
func (d *doc) leftGroup(t int) group {
	limit := t - 25
	if limit < 0 {
		limit = 0
	}
	for j := t - 1; j >= limit; j-- {
		if words.subjectStop[d.toks[j].w] {
			return nil
		}
		ai := d.at[j]
		if ai < 0 {
			continue
		}
		a := d.actors[ai]
		if a.code == "" {
			continue
		}
		j = a.t0
		if a.place || a.adj {
			continue
		}
		g := d.extendLeft(group{ai}, a.t0)
		first := d.actors[g[len(g)-1]]
		if d.prepBefore(a.t0) || d.prepBefore(first.t0) {
			j = first.t0
			continue
		}
		return g
	}
	return nil
}

// vpSubject returns the subject of a coordinated verb phrase ("Tokyo and
// Washington shared concerns over X and agreed to ..."): for a verb right
// after "and" whose nearest actor g is not adjacent, the first actor of the
// clause that is not inside a prepositional phrase, with its coordinated
// actors. It returns nil when the rule does not apply.
func (d *doc) vpSubject(t0 int, g group) group {
	if t0 < 2 || d.toks[t0-1].w != "and" {
		return nil
	}
	if len(g) > 0 && d.actors[g[0]].t1 >= t0-1 {
		return nil
	}
	start := 0
	for j := t0 - 1; j >= 0; j-- {
		if w := d.toks[j].w; w == ";" || w == ":" || w == "\"" {
			start = j + 1
			break
		}
	}
	for j := start; j < t0-1; j++ {
		ai := d.at[j]
		if ai < 0 {
			if w := d.toks[j].w; w == "that" || w == "which" || w == "who" || w == "said" || w == "says" {
				return nil
			}
			continue
		}
		a := d.actors[ai]
		if a.code == "" || a.place || a.adj || d.prepBefore(a.t0) {
			j = a.t1 - 1
			continue
		}
		return d.extendRight(group{ai}, a.t1, false)
	}
	return nil
}

// adjunct reports whether the trigger at t heads an adjunct whose subject
// is the main clause's: "after meeting X", "during a visit to X".
func (d *doc) adjunct(t int) bool {
	j := t - 1
	if j >= 0 && (d.toks[j].w == "a" || d.toks[j].w == "an" || d.toks[j].w == "his" || d.toks[j].w == "her" || d.toks[j].w == "their" || d.toks[j].w == "its") {
		j--
		if j >= 0 && (d.toks[j].w == "recent" || d.toks[j].w == "two-day" || d.toks[j].w == "three-day" || d.toks[j].w == "state" || d.toks[j].w == "official") {
			j--
		}
	} else if !strings.HasSuffix(d.toks[t].w, "ing") {
		return false
	}
	return j >= 0 && words.adjunctOpener[d.toks[j].w]
}

// mainSubject returns the first actor of the sentence before t that is
// not inside a prepositional phrase: the subject of the main clause.
func (d *doc) mainSubject(t int) group {
	for j := 0; j < t; j++ {
		ai := d.at[j]
		if ai < 0 {
			continue
		}
		a := d.actors[ai]
		if a.code == "" || a.place || a.adj || d.prepBefore(a.t0) {
			j = a.t1 - 1
			continue
		}
		return group{ai}
	}
	return nil
}

// Words that may stand between a noun trigger and the actor owning it
// ("Russia's full-scale invasion", "U.S. military aid").
func nounGap(w string) bool {
	if w == "'s" || w == "'" || w == "-" || w == "\"" || w == "new" || w == "fresh" || w == "further" || w == "more" || w == "military" ||
		w == "economic" || w == "financial" || w == "humanitarian" || w == "direct" || w == "bilateral" || w == "nuclear" ||
		w == "full-scale" || w == "latest" || w == "recent" || w == "first" || w == "official" || w == "high-level" ||
		w == "continued" || w == "planned" || w == "proposed" || w == "illegal" || w == "unprovoked" || w == "brutal" ||
		w == "upcoming" || w == "two-day" || w == "three-day" || w == "state" || w == "formal" || w == "strong" ||
		w == "unwavering" || w == "ongoing" || w == "sweeping" || w == "punitive" || w == "retaliatory" || w == "phone" || w == "telephone" {
		return true
	}
	return isNum(strings.TrimSuffix(w, "%")) || strings.HasSuffix(w, "%")
}

// nounSubject finds the actor owning a noun trigger: a possessive,
// adjective or name right before it, with its coordinated actors.
func (d *doc) nounSubject(t int) group {
	for j := t - 1; j >= 0 && j >= t-4; j-- {
		ai := d.at[j]
		if ai < 0 {
			if nounGap(d.toks[j].w) {
				continue
			}
			if w := d.toks[j].w; w == "its" || w == "their" || w == "his" || w == "her" || w == "our" {
				// "X sanctioned Y over its supply of drones": after a
				// preposition following the clause's object, the
				// object
				if g := d.possessorObject(j); len(g) > 0 {
					return g
				}
				// "X affirmed its support for Y": the owner is the
				// clause subject.
				return d.leftGroup(j)
			}
			return nil
		}
		a := d.actors[ai]
		if a.code == "" || a.place {
			return nil
		}
		return d.extendLeft(group{ai}, a.t0)
	}
	return nil
}

// prepBefore reports whether the actor starting at t0 follows a
// preposition ("in Iraq", "with the US").
func (d *doc) prepBefore(t0 int) bool {
	j := t0 - 1
	for j >= 0 && (words.determiner[d.toks[j].w] && d.toks[j].w != "'s") {
		j--
	}
	if j < 0 {
		return false
	}
	return words.blockPrep[d.toks[j].w]
}

// extendLeft adds actors coordinated to the left ("Britain and the US").
func (d *doc) extendLeft(g group, t0 int) group {
	if len(g) == 1 && len(d.actors[g[0]].members) > 0 && d.actors[g[0]].t1-d.actors[g[0]].t0 > 1 {
		return g // "the two leaders" is a whole group
	}
	for {
		j := t0 - 1
		for j >= 0 && d.at[j] < 0 && words.coordinationModifier[d.toks[j].w] {
			j--
		}
		if j >= 0 && d.toks[j].w == "the" {
			j--
		}
		if j < 0 || !(d.toks[j].w == "and" || d.toks[j].w == "," || d.toks[j].w == "or" || d.hyphenJoin(j)) {
			return g
		}
		j--
		if j >= 0 && d.toks[j].w == "," {
			j--
		}
		if j < 0 || d.at[j] < 0 {
			return g
		}
		ai := d.at[j]
		a := d.actors[ai]
		if a.code == "" || a.place {
			return g
		}
		g = append(g, ai)
		t0 = a.t0
	}
}

// hyphenJoin reports whether token j is a hyphen written without spaces
// between two words ("U.S.-Ukraine").
func (d *doc) hyphenJoin(j int) bool {
	return d.toks[j].w == "-" && j > 0 && j+1 < len(d.toks) && d.toks[j-1].e == d.toks[j].s && d.toks[j].e == d.toks[j+1].s
}

// extendRight adds actors coordinated to the right.
func (d *doc) extendRight(g group, t1 int, place bool) group {
	for {
		j := t1
		sawSep := false
		for j < len(d.toks) && (d.toks[j].w == "," || d.toks[j].w == "and" || d.toks[j].w == "or") {
			sawSep = true
			j++
		}
		if j < len(d.toks) && d.toks[j].w == "the" {
			j++
		}
		if !sawSep || j >= len(d.toks) || d.at[j] < 0 {
			return g
		}
		ai := d.at[j]
		a := d.actors[ai]
		if a.code == "" || (a.place && !place) {
			return g
		}
		g = append(g, ai)
		t1 = a.t1
	}
}

// objectGroup finds the direct object after token t1.
func (d *doc) objectGroup(t1 int) group {
	for j := t1; j < len(d.toks) && j < t1+4; j++ {
		if ai := d.at[j]; ai >= 0 && d.actors[ai].code != "" {
			if d.actors[ai].place {
				return nil
			}
			return d.extendRight(group{ai}, d.actors[ai].t1, false)
		}
		w := d.toks[j].w
		if !words.objectSkip[w] && !strings.HasSuffix(w, "ly") {
			return nil
		}
	}
	return nil
}

// prepGroup finds the actors after the preposition prep within win tokens
// after t1. place admits places of a state.
func (d *doc) prepGroup(t1 int, prep string, win int, place bool) group {
	for j := t1; j < len(d.toks) && j < t1+win; j++ {
		w := d.toks[j].w
		if w == ";" || w == "\"" || (j > t1 && (w == "that" || w == "which" || w == "who" || w == "because" || w == "but" || w == "while")) {
			return nil
		}
		if w != prep {
			continue
		}
		for k := j + 1; k < len(d.toks) && k <= j+6; k++ {
			if ai := d.at[k]; ai >= 0 && d.actors[ai].code != "" {
				a := d.actors[ai]
				if a.place && !place {
					return nil
				}
				return d.extendRight(group{ai}, a.t1, place)
			}
			kw := d.toks[k].w
			if kw == "of" && k > 0 && d.toks[k-1].w == "worth" {
				continue
			}
			if words.blockPrep[kw] || words.objectStop[kw] || kw == "from" || kw == "of" && prep != "of" {
				break
			}
		}
	}
	return nil
}

// clauseActor finds the target of a claim whose content is a that-clause
// ("raised assertions that militias receive weapons from Iran"): the one
// state or organization named in the clause, which starts within three
// tokens after t1 and ends at the sentence end, a semicolon or a quote.
// Two or more different actors in the clause make it ambiguous: none.
func (d *doc) clauseActor(t1 int) group {
	start := -1
	for j := t1; j < len(d.toks) && j < t1+3; j++ {
		if d.toks[j].w == "that" {
			start = j + 1
			break
		}
	}
	if start < 0 {
		return nil
	}
	var found group
	for k := start; k < len(d.toks) && k < start+25; k++ {
		w := d.toks[k].w
		if w == ";" || w == "\"" {
			break
		}
		ai := d.at[k]
		if ai < 0 || d.actors[ai].code == "" || d.actors[ai].place {
			continue
		}
		if len(found) > 0 && d.actors[found[0]].code != d.actors[ai].code {
			return nil
		}
		if len(found) == 0 {
			found = group{ai}
		}
	}
	return found
}

// hasClass reports whether a word of class cls occurs around the trigger:
// from the subject to a few words after the object.
func (d *doc) hasClass(cls string, t0, t1 int, srcs, tgts group) bool {
	c := d.x.ps.classes[cls]
	from := t0 - 8
	for _, ai := range srcs {
		// a few words before the subject too ("a joint Iranian ...
		// declaration")
		if d.actors[ai].t0-3 < from {
			from = d.actors[ai].t0 - 3
		}
	}
	if from < 0 {
		from = 0
	}
	to := t1 + 6
	for _, ai := range tgts {
		if d.actors[ai].t0 > to {
			to = d.actors[ai].t0
		}
	}
	if to > len(d.toks) {
		to = len(d.toks)
	}
	for j := from; j < to; j++ {
		if c[d.toks[j].w] {
			return true
		}
	}
	return false
}

// emit records the relations of one frame match. It reports whether a
// relation (even a dropped hypothetical) was found.
func (d *doc) emit(p *pattern, fr frame, t0, t1 int, srcs, tgts, pairs group, subjEnd int) bool {
	type pr struct{ s, t int }
	var ps []pr
	srcs, tgts, pairs = d.expand(srcs), d.expand(tgts), d.expand(pairs)
	if len(pairs) > 0 {
		for i := 0; i < len(pairs); i++ {
			for j := i + 1; j < len(pairs); j++ {
				ps = append(ps, pr{pairs[i], pairs[j]})
				if !relation.Symmetric(p.typ) {
					// a directed act done by each to the other ("Indian
					// and Pakistani troops exchanged fire", "clashed")
					ps = append(ps, pr{pairs[j], pairs[i]})
				}
			}
		}
		for _, s := range srcs {
			for _, t := range pairs {
				ps = append(ps, pr{s, t})
			}
		}
	} else {
		for _, s := range srcs {
			for _, t := range tgts {
				ps = append(ps, pr{s, t})
			}
		}
	}
	if len(ps) == 0 {
		return false
	}
	neg, mod, cue := d.modality(p, t0, t1, subjEnd)
	if d.nonfinite && mod == Asserted {
		mod = Planned
	}
	if t0 >= 2 && d.toks[t0-1].w == "from" && words.prohibition[d.toks[t0-2].w] {
		neg = true // "were excluded from visiting Japan"
	}
	if d.hearsay(t0) && mod != Hypothetical {
		mod = Hypothetical // "reports that Venezuelan aircraft bombed"
	}
	if mod == Hypothetical && !d.x.opts.KeepHypothetical {
		return true
	}
	typ := p.typ
	if (typ == relation.Sanctioned || typ == relation.Attacked) && mod == Planned && cue != "" && !neg {
		// announcing a sanction or an attack to come is a threat now
		typ, mod = relation.Warned, Asserted
	}
	date, prec, bg := d.eventDate(t0, t1)
	found := false
	var meeting *Entity
	for _, x := range ps {
		sa, ta := d.actors[x.s], d.actors[x.t]
		if sa.code == "" || ta.code == "" || sa.code == ta.code {
			continue
		}
		if !validActor(sa.code) || !validActor(ta.code) {
			continue
		}
		found = true
		src, tgt := sa, ta
		if relation.Symmetric(typ) && tgt.code < src.code {
			src, tgt = tgt, src
		}
		key := typ + "|" + src.code + "|" + tgt.code
		if d.relKey == nil {
			d.relKey = map[string]bool{}
		}
		skey := key
		if neg {
			skey += "|neg"
		}
		if d.relKey[skey] {
			continue
		}
		d.relKey[skey] = true
		rel := Relation{
			Type: typ, Source: src.ent, Target: tgt.ent, SourceActor: src.code, TargetActor: tgt.code,
			Negated: neg, Modality: mod, Date: date, DatePrecision: prec, Background: bg,
			Sentence: d.a.Text[d.osent[0]:d.osent[1]], Span: d.osent,
			Confidence: confidence(p, mod, src, tgt),
			Trigger:    p.typ + " " + p.triggerText() + " :: " + fr.text,
		}
		if typ == relation.MetWith && !neg {
			if meeting == nil {
				meeting = d.meeting(t0, t1, date)
			}
			rel.Meeting = meeting.ID
			addParticipant(meeting, src.code)
			addParticipant(meeting, tgt.code)
		}
		if relation.Symmetric(typ) {
			if k, ok := d.symSeen[key]; ok {
				old := d.rels[k]
				if old.Negated && !neg || old.Modality != Asserted && mod == Asserted && !neg {
					d.rels[k] = rel
				}
				continue
			}
			d.symSeen[key] = len(d.rels)
		}
		d.rels = append(d.rels, rel)
		d.noteAccuser(rel)
	}
	return found
}

// noteAccuser records rel, a relation just added to d.rels, in
// d.accusers when it is the first non-negated ACCUSED relation of its
// source against its target. ACCUSED is not symmetric, so such a relation
// is never replaced afterwards.
func (d *doc) noteAccuser(rel Relation) {
	if rel.Type != relation.Accused || rel.Negated || relation.Symmetric(rel.Type) {
		return
	}
	for _, r := range d.accusers[rel.TargetActor] {
		if r.SourceActor == rel.SourceActor {
			return
		}
	}
	if d.accusers == nil {
		d.accusers = map[string][]Relation{}
	}
	d.accusers[rel.TargetActor] = append(d.accusers[rel.TargetActor], rel)
}

// validActor reports whether code is a state or organization code.
func validActor(code string) bool {
	if strings.HasPrefix(code, "ORG:") {
		return len(code) > 4
	}
	return code != ""
}

func confidence(p *pattern, mod string, s, t actor) float64 {
	c := 0.8
	if !p.verb {
		c -= 0.1
	}
	if mod != Asserted {
		c -= 0.2
	}
	if s.pron || t.pron {
		c -= 0.1
	}
	if s.adj || t.adj {
		c -= 0.1
	}
	return c
}

// relativeAntecedent returns the owner of the antecedent of a passive
// relative clause ("the U.S. proposal of a ceasefire that is supported by
// X"): the nearest actor within six tokens before "that" or "which",
// also inside a prepositional phrase. It returns nil when the verb at t0
// does not open such a clause.
func (d *doc) relativeAntecedent(t0 int) group {
	j := t0 - 1
	for j >= 0 && (words.beForm[d.toks[j].w] || strings.HasSuffix(d.toks[j].w, "ly") || d.toks[j].w == "also" || d.toks[j].w == "being") {
		j--
	}
	if j < 1 || j == t0-1 || (d.toks[j].w != "that" && d.toks[j].w != "which") {
		return nil
	}
	for k := j - 1; k >= 0 && k >= j-6; k-- {
		w := d.toks[k].w
		if w == "," && k == j-1 {
			continue
		}
		if w == "," || w == ";" || w == "\"" || w == "said" {
			return nil
		}
		ai := d.at[k]
		if ai < 0 {
			continue
		}
		a := d.actors[ai]
		if a.code == "" || a.place || a.pron {
			return nil
		}
		return group{ai}
	}
	return nil
}
