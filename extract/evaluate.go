package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/extract/syntax"
	"github.com/diplograph/diplograph/relation"
)

// Evaluations: relations said without a verb that names them.
//
//   - Accusations without an accusing verb. A speaker who says that
//     another actor is defying, violating or failing ("The United States
//     said Iran is defying the Security Council"), who calls it or its
//     conduct something bad ("called Chinese subsidies 'unbearable'",
//     "called the launch 'provocative'"), who speaks of its aggression or
//     coercion ("in the face of coercion by China"), who says it is "part
//     of the problem" or "a threat to" something, or who reports a hostile
//     act of it ("Nairobi said Kampala had armed the rebels") accuses it.
//   - Warnings of consequences: "Y will pay a price", "any attack by Y
//     would be met with force", "Beijing could retaliate with tariffs on
//     German vehicles".
//   - Protests: "expressed displeasure at Y's remarks", "summoned Y's
//     ambassador".
//   - Denials: "denied Y's accusations"; "denies the allegations" rejects
//     whoever accused the speaker earlier in the article.
//
// The words are in data/evaluations.txt (see its header and
// data/README.md); the loader is at the end of this file.

// The word classes used by name.
var (
	misdeedVerbs  = evalWords.class("misdeed")
	badWords      = evalWords.class("bad")
	blameNouns    = evalWords.class("blame")
	describeVerbs = evalWords.class("describe")
	describeStops = evalWords.class("describe-stop")
	copulaAux     = evalWords.class("copula-aux")
	copulaVerbs   = evalWords.class("copula")
	hostileVerbs  = evalWords.class("hostile")
	abetVerbs     = evalWords.class("abet")
	clientWords   = evalWords.class("client")
)

var accusation = &pattern{typ: relation.Accused, verb: true, words: [][]string{{"said"}},
	frames: []frame{{text: "evaluation"}}}

// badPredicate is the subject construction of a word of @bad ("X said
// Y's law was illegal").
var badPredicate = &evalExpr{cons: consSubject, pat: &pattern{typ: relation.Accused, verb: true,
	words: [][]string{{"@bad"}}, frames: []frame{{text: consSubject}}}}

// reportedAct is the pattern of "X said Y had armed the rebels".
var reportedAct = &pattern{typ: relation.Accused, verb: true, words: [][]string{{"said"}, nil, {"@hostile"}},
	frames: []frame{{text: "reported act"}}}

// evaluations finds the evaluative relations of the current sentence. sp
// is the sentence's speaker found by word order (speaker), or nil.
func (d *doc) evaluations(sp group) {
	n := len(d.toks)
	spAt := -1
	if len(sp) > 0 {
		spAt = d.actors[sp[0]].t0
	}
	for i := 0; i < n; i++ {
		w := d.toks[i].w
		switch {
		case describeVerbs.has(w) && d.at[i] < 0:
			d.describedBad(i)
		case blameNouns.has(w) && d.at[i] < 0 && len(sp) > 0:
			var tg group
			if i+2 < n && d.toks[i+1].w == "by" {
				tg = d.prepGroup(i+1, "by", 1, false)
			} else {
				tg = d.nounSubject(i)
			}
			if len(tg) > 0 && !d.actors[tg[0]].pron {
				d.emitAccusation(sp, tg, i, spAt)
			}
		case len(sp) > 0 && (misdeedVerbs.has(w) || badWords.has(w)) && d.at[i] < 0 && i > 1:
			tg := d.misdeedSubject(i)
			if len(tg) > 0 {
				d.emitAccusation(sp, tg, i, spAt)
			}
		}
	}
	if d.parse == nil {
		return
	}
	d.reportedActs()
	d.adjacentReportedActs(sp)
	var cands []*evalExpr
	for i := 0; i < n; i++ {
		if badWords.has(d.toks[i].w) && d.at[i] < 0 {
			d.saidOfSubject(badPredicate, i, i+1, sp)
		}
		cands = evalWords.startingWith(cands, d.toks[i].w)
		for _, e := range cands {
			end := d.matchExpr(e, i)
			if end < 0 {
				continue
			}
			switch e.cons {
			case consSubject:
				d.saidOfSubject(e, i, end, sp)
			case consReply:
				d.reply(e, i, end, sp)
			case consOblique:
				d.reaction(e, i, end)
			case consObject:
				d.actOnObject(e, i, end)
			}
		}
	}
}

// misdeedSubject returns the subject of a misdeed verb or bad predicate at
// token i ("Iran is 'flagrantly' defying", "Kabul was failing", "the EU is
// one of the most hostile"), or nil.
func (d *doc) misdeedSubject(i int) group {
	w := d.toks[i].w
	j := i - 1
	aux := false
	if badWords.has(w) {
		// a predicate: "X is dangerous", "X is the aggressor", "X is one
		// of the most hostile ..."
		for k := 0; j > 0 && k < 7 && d.at[j] < 0; k++ {
			tw := d.toks[j].w
			if tw == "," || tw == "that" || tw == "which" || tw == "who" || tw == "and" && k > 4 || tw == "not" || tw == "no" {
				return nil
			}
			if tw == "is" || tw == "was" || tw == "are" || tw == "were" {
				aux = true
				j--
				break
			}
			j--
		}
		if !aux {
			return nil
		}
	} else if !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") {
		return nil
	}
	for k := 0; j >= 0 && k < 4 && d.at[j] < 0; k++ {
		tw := d.toks[j].w
		if !copulaAux.has(tw) && !strings.HasSuffix(tw, "ly") {
			return nil
		}
		if tw == "not" || tw == "never" {
			return nil
		}
		j--
	}
	if j < 0 || d.at[j] < 0 || j == i-1 && badWords.has(w) {
		return nil
	}
	ai := d.at[j]
	a := d.actors[ai]
	if a.code == "" || a.place || a.adj || a.pron {
		return nil
	}
	if p := a.t0 - 1; p >= 0 && d.prepBefore(a.t0) && d.toks[p].w != "between" && d.toks[p].w != "and" {
		return nil
	}
	return d.extendLeft(group{ai}, a.t0)
}

// describedBad handles "called Y 'unbearable'", "branded Y's move a
// threat", "decrying Y's move as an 'interference'", "called the launch
// 'provocative' and a clear violation of U.N. rules" (the launch's agent,
// by event anaphora).
func (d *doc) describedBad(v int) {
	tg := d.objectGroup(v + 1)
	from := -1
	if len(tg) > 0 {
		from = d.actors[tg[0]].t1
	} else if d.parse != nil {
		// the parse object: an act and its owner ("Chinese subsidies",
		// "Russian troop deployments in eastern Ukraine", "the launch")
		pr, ok := d.parse.PredicateAt(v)
		if !ok || d.parse.VGs[pr.VG].Negated {
			return
		}
		g := pr.Object
		if g < 0 && len(pr.Obliques) > 0 && pr.Obliques[0].Prep == "to" && d.parse.PPs[pr.Obliques[0].PP].Prep == d.parse.VGs[pr.VG].End {
			g = pr.Obliques[0].Group // "referring to X as"
		}
		if g < 0 {
			return
		}
		tg = d.evalTargets(g, relation.Accused)
		from = d.afterNounPPs(d.parse.Groups[g].End)
	}
	if len(tg) == 0 || !d.badDescription(from) {
		return
	}
	src := d.leftGroup(v)
	if len(src) == 0 {
		return
	}
	d.emitAccusation(src, tg, v, -1)
}

// badDescription reports whether a bad word or an accusing expression
// ("a threat to", "a violation of") follows within ten tokens of from,
// before a word that ends the description.
func (d *doc) badDescription(from int) bool {
	n := len(d.toks)
	var cands []*evalExpr
	for k := from; k < n && k < from+10; k++ {
		w := d.toks[k].w
		if badWords.has(w) {
			return true
		}
		cands = evalWords.startingWith(cands, w)
		for _, e := range cands {
			if e.cons == consSubject && e.pat.typ == relation.Accused && d.matchExpr(e, k) >= 0 {
				return true
			}
		}
		if describeStops.has(w) {
			return false
		}
	}
	return false
}

// afterNounPPs returns the token after the prepositional phrases that
// follow a noun phrase ending at end ("deployments [in eastern Ukraine]
// as an invasion").
func (d *doc) afterNounPPs(end int) int {
	for _, pi := range d.parse.NounPPs(end-1, 3) {
		end = d.parse.Groups[d.parse.PPs[pi].Group].End
	}
	return end
}

func (d *doc) emitAccusation(src, tg group, t, spAt int) {
	var s group
	for _, si := range src {
		a := d.actors[si]
		if spAt >= 0 && a.t0 > d.actors[tg[0]].t0 && a.t0 < t {
			continue
		}
		s = append(s, si)
	}
	if len(s) == 0 {
		return
	}
	d.emit(accusation, accusation.frames[0], t, t+1, s, tg, nil, d.actors[tg[0]].t1)
}

// evalTargets returns the states and organizations that parse group g
// names, or whose act it names: a name or pronoun ("Russia", "they"), the
// owner of an act ("North Korea's development", "Chinese subsidies", "any
// attack by Iran"), or, for a definite act noun with no owner, the agent
// of the last such act in the article ("the launch"; discourse.go). typ
// is the type of the relation being built, which decides whether event
// anaphora applies.
func (d *doc) evalTargets(g int, typ string) group {
	if g < 0 {
		return nil
	}
	old := d.curType
	d.curType = typ
	tg := d.argActors(g, false, true)
	d.curType = old
	if pg := d.parse.Groups[g]; len(pg.NPs) > 1 {
		// a bare adjective coordinated with a modified noun: "German
		// and Italian vehicles"
		for _, x := range pg.NPs {
			np := d.parse.NPs[x]
			ai := d.at[np.Head]
			if ai < 0 || !d.actors[ai].adj || !d.live(ai, false) || d.actors[ai].t0 != np.Start || d.actors[ai].t1 != np.End || slices.Contains(tg, ai) {
				continue
			}
			tg = append(tg, ai)
		}
	}
	if len(tg) == 0 {
		// "any attack by Iran"
		for _, pi := range d.parse.NounPPs(d.parse.Groups[g].End-1, 2) {
			if pp := d.parse.PPs[pi]; pp.Word == "by" {
				tg = d.argActors(pp.Group, false, false)
				break
			}
		}
	}
	return tg
}

// clauseVG returns the verb group of the clause that token i belongs to:
// the one containing i, or the nearest one before it, not across a
// semicolon or colon; -1 if none.
func (d *doc) clauseVG(i int) int {
	for j := i; j >= 0; j-- {
		if pr, ok := d.parse.PredicateAt(j); ok {
			return pr.VG
		}
		if w := d.toks[j].w; w == ";" || w == ":" {
			return -1
		}
	}
	return -1
}

// reporter returns the speaker of the clause whose verb group is v, and
// the token of the verb of speech: the subject of the verb of @speech or
// @accusing that introduces the clause ("X said [Y is ...]"), directly or
// one level up ("X said [it believed [Y ...]]"). It returns nil, -1 when
// the clause is not reported speech.
func (d *doc) reporter(v int) (group, int) {
	m := d.speechMatrix(v)
	if m < 0 {
		return nil, -1
	}
	vg := d.parse.VGs[m]
	subj, _, _ := d.synSubject(d.parse.Predicates[m], false, vg.End)
	return subj, vg.Head
}

// speechMatrix returns the verb group of speech that introduces the
// clause of verb group v (see reporter), or -1.
func (d *doc) speechMatrix(v int) int {
	for k := 0; k < 2 && v >= 0; k++ {
		m := d.matrix(v)
		if m < 0 {
			return -1
		}
		vg := d.parse.VGs[m]
		if w := d.toks[vg.Head].w; speechVerbs.has(w) || accusingVerbs.has(w) {
			if vg.Negated {
				return -1
			}
			return m
		}
		v = m
	}
	return -1
}

// matrix is syntax.Parse.Matrix, also across the object of the verb that
// introduces the clause ("told Pyongyang [that a new test would ...]").
func (d *doc) matrix(v int) int {
	if m := d.parse.Matrix(v); m >= 0 {
		return m
	}
	pr := d.parse.Predicates[v]
	if pr.Subject < 0 {
		return -1
	}
	j := d.parse.Groups[pr.Subject].Start
	if j > 0 && d.toks[j-1].w == "that" {
		j--
	}
	for m, mp := range d.parse.Predicates {
		if mp.Object >= 0 && d.parse.Groups[mp.Object].End == j && m != v {
			return m
		}
	}
	return -1
}

// quoteSpeaker returns sp, the speaker found by word order, for an
// expression at [t0, t1) that the parse does not attach to a verb of
// speech: when the expression is quoted, or the speaker follows it after
// a comma or a quote (`"Russia is the aggressor," Britain said`, `...,
// said Britain`). Otherwise nil.
func (d *doc) quoteSpeaker(sp group, t0, t1 int) group {
	if len(sp) == 0 {
		return nil
	}
	if a := d.actors[sp[0]]; a.t0 >= t1 {
		j := a.t0 - 1
		if j >= 0 && d.toks[j].w == "the" {
			j--
		}
		if j > 0 && speechVerbs.has(d.toks[j].w) {
			j-- // inverted: ", said Britain"
		}
		if j >= t1 && (d.toks[j].w == "," || d.toks[j].w == "\"") {
			return sp
		}
		return nil
	}
	quotes := 0
	for j := 0; j < t0; j++ {
		if w := d.toks[j].w; w == "\"" {
			quotes++
		}
	}
	if quotes%2 == 1 {
		return sp
	}
	return nil
}

// saidOfSubject handles the subject construction: a speaker says the
// expression at [t0, t1) of the clause subject ("X said Y is part of the
// problem", "Y will pay a price", "any attack by Y would be met with
// force"). The clause's verb must be the expression's own or a copula.
func (d *doc) saidOfSubject(e *evalExpr, t0, t1 int, sp group) {
	v := d.clauseVG(t1 - 1)
	if v < 0 {
		return
	}
	vg := d.parse.VGs[v]
	pr := d.parse.Predicates[v]
	if vg.Negated || pr.Subject < 0 || vg.Passive && vg.End <= t0 {
		return
	}
	if vg.End <= t0 {
		// a predicate after a copula, close to it: "Y's law was illegal",
		// "is a threat to"; not "X called Y's act a violation of" (a
		// description) nor "Y's economy was in dangerous territory"
		if !copulaVerbs.has(d.toks[vg.Head].w) || t0-vg.End > 4 {
			return
		}
		for k := vg.End; k < t0; k++ {
			if d.parse.PPAt(k) >= 0 || d.toks[k].w == "," || d.at[k] >= 0 {
				return
			}
		}
	}
	tg := d.evalTargets(pr.Subject, e.pat.typ)
	if len(tg) == 0 && e.pat.typ == relation.Warned {
		// "Washington told Pyongyang that a new test would bring
		// consequences": the addressee of the speech
		if m := d.speechMatrix(v); m >= 0 && d.parse.Predicates[m].Object >= 0 {
			tg = d.argActors(d.parse.Predicates[m].Object, false, false)
		}
	}
	if len(tg) == 0 {
		return
	}
	src, sv := d.reporter(v)
	if sv < 0 {
		src = d.quoteSpeaker(sp, t0, t1)
	}
	if len(src) == 0 {
		return
	}
	from := d.parse.Groups[pr.Subject].Start
	if sv >= 0 && sv < from {
		from = sv + 1
	}
	if e.pat.typ == relation.Accused && d.hypothetical(from, t0) {
		return
	}
	d.emitSaid(e.pat, src, tg, sv, t0, t1)
}

// hypothetical reports whether a conditional word stands in [from, to).
func (d *doc) hypothetical(from, to int) bool {
	for j := max(from, 0); j < to; j++ {
		switch d.toks[j].w {
		case "if", "unless", "whether":
			return true
		}
	}
	return false
}

// emitSaid records a relation said by src at the verb of speech sv (-1 if
// none) about the expression at [t0, t1). The relation is the speech act:
// its date and modality are the speech verb's when it precedes the
// expression; otherwise the expression's, with the speaker's words not
// read as negating it.
func (d *doc) emitSaid(p *pattern, src, tg group, sv, t0, t1 int) {
	var s group
	for _, si := range src {
		if a := d.actors[si]; a.t0 >= t0 && a.t0 < t1 {
			continue
		}
		s = append(s, si)
	}
	if len(s) == 0 {
		return
	}
	if sv >= 0 && sv < t0 {
		end := -1 // the speaker's end, when close before the verb
		for _, si := range s {
			if a := d.actors[si]; a.t1 <= sv && a.t1 > sv-6 && a.t1 > end {
				end = a.t1
			}
		}
		d.emit(p, p.frames[0], sv, sv+1, s, tg, nil, end)
		return
	}
	d.emit(p, p.frames[0], t0, t1, s, tg, nil, t0)
}

// reply handles the reply construction: the subject says what it will do
// in answer ("Beijing could retaliate with tariffs on German and Italian
// vehicles", "would respond to any attack by Iran"). The targets are the
// actors of its against/on/to arguments, also inside its "with"
// argument, up to the end of the clause.
func (d *doc) reply(e *evalExpr, t0, t1 int, sp group) {
	pr, ok := d.parse.PredicateAt(t1 - 1)
	if !ok {
		return
	}
	vg := d.parse.VGs[pr.VG]
	if vg.Negated {
		return
	}
	src, _, _ := d.synSubject(pr, false, vg.End)
	if len(src) == 0 || !vg.Infinitive && !d.ownVoice(pr.VG, src, sp) {
		return
	}
	var tg group
	for j := t1; j < len(d.toks); j++ {
		w := d.toks[j].w
		if clauseEnd(w) {
			break
		}
		pi := d.parse.PPAt(j)
		if pi < 0 {
			continue
		}
		pp := d.parse.PPs[pi]
		switch pp.Word {
		case "against", "on", "to":
			tg = append(tg, d.evalTargets(pp.Group, relation.Accused)...)
		}
		j = d.parse.Groups[pp.Group].End - 1
	}
	if len(tg) == 0 {
		return
	}
	d.emit(e.pat, e.pat.frames[0], t0, t1, src, tg, nil, t0)
}

// ownVoice reports whether the clause of verb group v is said by the
// actors of src themselves: the verb introducing it has the same subject
// ("Beijing has hinted that it could retaliate"), or the sentence's
// speaker sp is them (`"We will respond firmly," Seoul said`). A threat
// is the actor's own; that another may retaliate is a forecast.
func (d *doc) ownVoice(v int, src, sp group) bool {
	same := func(g group) bool {
		g = d.expand(g)
		if len(g) == 0 {
			return false
		}
		for _, x := range g {
			found := false
			for _, y := range d.expand(src) {
				found = found || d.actors[x].code == d.actors[y].code
			}
			if !found {
				return false
			}
		}
		return true
	}
	if m := d.matrix(v); m >= 0 {
		mp := d.parse.Predicates[m]
		subj, _, _ := d.synSubject(mp, false, d.parse.VGs[m].End)
		return same(subj)
	}
	return same(sp)
}

// clauseEnd reports words that end the clause of a reply or a reaction.
func clauseEnd(w string) bool {
	switch w {
	case ".", ";", ":", ",", "\"", "if", "unless", "because", "after", "while", "but", "that", "which", "who", "when", "as":
		return true
	}
	return false
}

// reaction handles the oblique construction: the subject expresses
// displeasure or concern at what its prepositional argument names
// ("South Korean officials expressed displeasure at Mr. Takano's
// comment"). The first argument with a preposition of e.arg within the
// clause decides.
func (d *doc) reaction(e *evalExpr, t0, t1 int) {
	pr, ok := d.parse.PredicateAt(t0)
	if !ok {
		return
	}
	vg := d.parse.VGs[pr.VG]
	if vg.Negated || vg.Passive {
		return
	}
	src, _, _ := d.synSubject(pr, false, vg.End)
	if len(src) == 0 {
		src = d.adjacentSubject(vg.Start)
	}
	if len(src) == 0 {
		return
	}
	for j := t1; j < len(d.toks) && j < t1+12; j++ {
		if w := d.toks[j].w; clauseEnd(w) {
			return
		}
		pi := d.parse.PPAt(j)
		if pi < 0 {
			continue
		}
		pp := d.parse.PPs[pi]
		if !e.arg.has(pp.Word) {
			j = d.parse.Groups[pp.Group].End - 1
			continue
		}
		tg := d.evalTargets(pp.Group, e.pat.typ)
		if len(tg) > 0 {
			d.emit(e.pat, e.pat.frames[0], t0, t1, src, tg, nil, t0)
		}
		return
	}
}

// actOnObject handles the object construction: the subject acts on a
// thing whose owner is the target ("summoned the Japanese ambassador",
// "denied Pakistan's accusations", "rejected baseless allegations by
// Pakistani army spokesman"). In the passive the subject is the thing and
// the source is the "by" agent or, for a summons, the "to" argument ("a
// Japanese diplomat was summoned to the South Korean Foreign Ministry").
// A denied charge with no owner rejects those who accused the subject
// earlier in the article ("Beijing denies the allegations").
func (d *doc) actOnObject(e *evalExpr, t0, t1 int) {
	pr, ok := d.parse.PredicateAt(t1 - 1)
	if !ok {
		return
	}
	vg := d.parse.VGs[pr.VG]
	if vg.Negated || vg.Head != t1-1 {
		return
	}
	var src group
	thing := pr.Object
	if vg.Passive {
		thing = pr.Subject
		// the names of a ministry or a date may share the noun phrase:
		// "to the South Korean Foreign Ministry Thursday"
		if pr.Agent >= 0 {
			src = d.argActors(pr.Agent, false, true)
		} else if g := d.oblique(pr, "to", vg.End); g >= 0 {
			src = d.argActors(g, false, true)
		}
	} else if src, _, _ = d.synSubject(pr, false, vg.End); len(src) == 0 {
		src = d.adjacentSubject(vg.Start)
	}
	if len(src) == 0 {
		return
	}
	var tg group
	switch {
	case thing >= 0 && d.headIn(thing, e.arg):
		tg = d.evalTargets(thing, e.pat.typ)
		if len(tg) == 0 && e.pat.typ == relation.Rejected && !vg.Passive {
			tg = d.accusersOf(src, d.parse.Groups[thing].Start)
		}
	case thing < 0 && !vg.Passive:
		// the tagger read the head as a verb: "denied U.S. claims that"
		tg = d.ownerBefore(t1, e.arg)
	}
	if len(tg) == 0 {
		return
	}
	d.emit(e.pat, e.pat.frames[0], t0, t1, src, tg, nil, t0)
}

// adjacentSubject returns the actor right before token t (adverbs aside)
// with the actors coordinated with it, for a verb the parse gave no
// subject ("Sudan denies" with "Sudan" read as an adjective), or nil.
func (d *doc) adjacentSubject(t int) group {
	j := t - 1
	for j >= 0 && d.at[j] < 0 && strings.HasSuffix(d.toks[j].w, "ly") {
		j--
	}
	if j < 0 || d.at[j] < 0 {
		return nil
	}
	a := d.actors[d.at[j]]
	if a.code == "" || a.place || d.prepBefore(a.t0) {
		return nil
	}
	return d.extendLeft(group{d.at[j]}, a.t0)
}

// ownerBefore finds by word order an object whose head is a word of s
// within four tokens after t, and returns the actors before the head
// ("[U.S.] claims"), or nil.
func (d *doc) ownerBefore(t int, s *wordSet) group {
	var g group
	for k := t; k < len(d.toks) && k < t+4; k++ {
		if ai := d.at[k]; ai >= 0 {
			a := d.actors[ai]
			if a.code == "" || a.place {
				return nil
			}
			g = append(g, ai)
			k = a.t1 - 1
			continue
		}
		w := d.toks[k].w
		if s.has(w) {
			return g
		}
		if !words.determiner[w] && d.tags[k] != "JJ" {
			return nil
		}
	}
	return nil
}

// headIn reports whether a noun phrase of group g has its head in s.
func (d *doc) headIn(g int, s *wordSet) bool {
	for _, x := range d.parse.Groups[g].NPs {
		if s.has(d.toks[d.parse.NPs[x].Head].w) {
			return true
		}
	}
	return false
}

// accusersOf returns, as shadow actors at token t, the actors that
// accused the one state or organization of src earlier in the article
// (non-negated ACCUSED relations with it as target). It returns nil when
// src names several, or nobody or more than two accused it.
func (d *doc) accusersOf(src group, t int) group {
	src = d.expand(src)
	if len(src) == 0 {
		return nil
	}
	code := d.actors[src[0]].code
	for _, si := range src[1:] {
		if d.actors[si].code != code {
			return nil
		}
	}
	accusers := d.accusers[code] // in the order of d.rels, one per source
	if len(accusers) > 2 {
		return nil // too many to tell whose charge is denied
	}
	var g group
	for _, r := range accusers {
		d.actors = append(d.actors, actor{t0: t, t1: t + 1, code: r.SourceActor, ent: r.Source, shadow: true, pron: true})
		g = append(g, len(d.actors)-1)
	}
	return g
}

// reportedActs handles "X said/claimed (that) Y had armed/attacked/
// violated ...": a clause reported by a verb of speech whose subject Y,
// another actor than the speaker, does a hostile act (@hostile), or
// backs, arms or funds a client of @client ("Chad is backing rebels").
// In the passive the "by" agent does the act ("X said its troops were
// attacked by Y"). Negated, modal and conditional clauses are not
// accusations.
func (d *doc) reportedActs() {
	for _, pr := range d.parse.Predicates {
		vg := d.parse.VGs[pr.VG]
		w := d.toks[vg.Head].w
		hostile := hostileVerbs.has(w)
		if !hostile && (!abetVerbs.has(w) || vg.Passive || pr.Object < 0 || !d.groupHas(pr.Object, clientWords)) {
			continue
		}
		if vg.Negated || vg.Infinitive || vg.Participle || d.modal(vg) {
			continue
		}
		var tg group
		if vg.Passive {
			if pr.Agent < 0 {
				continue
			}
			tg = d.argActors(pr.Agent, false, false)
		} else if pr.Subject >= 0 {
			tg = d.argActors(pr.Subject, false, false)
		}
		if len(tg) == 0 {
			continue
		}
		src, sv := d.reporter(pr.VG)
		if sv < 0 || len(src) == 0 || d.hypothetical(sv+1, vg.Start) {
			continue
		}
		d.emitSaid(reportedAct, src, tg, sv, vg.Start, vg.End)
	}
}

// adjacentReportedActs is reportedActs by word order, for clauses the
// tagger does not read as one ("said Qatar supports \"terrorist ...
// groups\""): a verb of speech, an actor, auxiliaries or adverbs, and a
// hostile verb or a verb of @abet with a word of @client within the next
// four tokens.
func (d *doc) adjacentReportedActs(sp group) {
	n := len(d.toks)
	for v := 0; v+2 < n; v++ {
		w := d.toks[v].w
		if d.at[v] >= 0 || !speechVerbs.has(w) && !accusingVerbs.has(w) {
			continue
		}
		k := v + 1
		if d.toks[k].w == "that" {
			k++
		}
		tg := d.actorAt(k)
		if len(tg) == 0 || d.actors[tg[0]].pron {
			continue
		}
		j := d.actors[tg[len(tg)-1]].t1
		for skip := 0; j < n && skip < 3 && d.at[j] < 0 && (copulaAux.has(d.toks[j].w) || strings.HasSuffix(d.toks[j].w, "ly")); skip++ {
			j++
		}
		if j >= n || d.at[j] >= 0 {
			continue
		}
		h := d.toks[j].w
		switch {
		case hostileVerbs.has(h) && (strings.HasSuffix(h, "ed") || strings.HasSuffix(h, "s") || strings.HasSuffix(h, "ing")):
		case abetVerbs.has(h) && d.clientAfter(j+1, 4):
		default:
			continue
		}
		src := sp
		if pr, ok := d.parse.PredicateAt(v); ok {
			if subj, _, used := d.synSubject(pr, false, v+1); used && len(subj) > 0 {
				src = subj
			}
		}
		if len(src) == 0 {
			continue
		}
		d.emitSaid(reportedAct, src, tg, v, j, j+1)
	}
}

// clientAfter reports whether a word of @client stands within win tokens
// from t, not past the clause.
func (d *doc) clientAfter(t, win int) bool {
	for k := t; k < len(d.toks) && k < t+win; k++ {
		w := d.toks[k].w
		if clientWords.has(w) {
			// not the owner of another noun: "the rebels' demands"
			return k+1 >= len(d.toks) || d.toks[k+1].w != "'s" && d.toks[k+1].w != "'"
		}
		if w == "," || w == ";" || w == "." {
			return false
		}
	}
	return false
}

// groupHas reports whether the head or a premodifier of a noun phrase of
// group g is in s ("the rebels", "the rebel Union of Resistance Forces",
// "terrorist and sectarian groups"; not "the rebels' demands").
func (d *doc) groupHas(g int, s *wordSet) bool {
	for _, x := range d.parse.Groups[g].NPs {
		np := d.parse.NPs[x]
		for k := max(np.Start, np.Poss.End); k <= np.Head; k++ {
			if s.has(d.toks[k].w) {
				return true
			}
		}
	}
	return false
}

// modal reports whether a verb group has a modal ("could attack").
func (d *doc) modal(vg syntax.VG) bool {
	for k := vg.Start; k < vg.End; k++ {
		if d.tags[k] == "MD" {
			return true
		}
	}
	return false
}

// The rest of this file reads data/evaluations.txt, the word knowledge of
// evaluate.go and speech.go: word classes and the expressions of
// evaluative and implicit relations with their type and construction.

//go:embed data/evaluations.txt
var evaluationsData []byte

// evalWords is the content of data/evaluations.txt.
var evalWords = mustLoadEvaluations(evaluationsData)

// Constructions of an expression: where its source and target are.
const (
	consSubject = "subject" // the speaker says it of the clause subject
	consReply   = "reply"   // the subject's own answer to its against/on/to argument
	consOblique = "oblique" // the subject reacts to its prepositional argument
	consObject  = "object"  // the subject acts on the owner of its object
)

// wordSet is a set of lower-case words and word beginnings.
type wordSet struct {
	words    map[string]bool
	prefixes []string
}

// add adds a word, or a beginning when tok ends in "*".
func (s *wordSet) add(tok string) {
	if p, ok := strings.CutSuffix(tok, "*"); ok {
		s.prefixes = append(s.prefixes, p)
		return
	}
	if s.words == nil {
		s.words = map[string]bool{}
	}
	s.words[tok] = true
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	if s == nil {
		return false
	}
	if s.words[w] {
		return true
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

func (s *wordSet) empty() bool { return s == nil || len(s.words) == 0 && len(s.prefixes) == 0 }

// evalExpr is one expression line of evaluations.txt.
type evalExpr struct {
	cons string
	// toks are the expression's tokens; nil is a gap of up to three words.
	toks []*wordSet
	// arg restricts the argument after ">": the preposition (oblique) or
	// the object's head noun (object); nil when there is no restriction.
	arg *wordSet
	// pat carries the type and the trigger text to emit.
	pat *pattern
}

// evalLexicon is the parsed evaluations.txt.
type evalLexicon struct {
	classes map[string]*wordSet
	exprs   []*evalExpr
	// first indexes exprs by the words their first token is (file
	// order), prefixed lists the exprs whose first token also matches
	// word beginnings ("threat*"): a token is tried only against the
	// expressions that can start there.
	first    map[string][]int
	prefixed []int
}

// index fills first and prefixed; classes may be filled after an
// expression uses them, so it runs once the whole file is read.
func (lx *evalLexicon) index() {
	lx.first = map[string][]int{}
	lx.prefixed = nil
	for j, e := range lx.exprs {
		s := e.toks[0]
		for w := range s.words {
			lx.first[w] = append(lx.first[w], j)
		}
		if len(s.prefixes) > 0 {
			lx.prefixed = append(lx.prefixed, j)
		}
	}
}

// startingWith appends to dst[:0] the expressions whose first token
// matches w, in file order.
func (lx *evalLexicon) startingWith(dst []*evalExpr, w string) []*evalExpr {
	dst = dst[:0]
	exact := lx.first[w]
	for _, j := range lx.prefixed {
		s := lx.exprs[j].toks[0]
		if s.words[w] || !s.has(w) {
			continue // exact matches are in first already
		}
		for len(exact) > 0 && exact[0] < j {
			dst = append(dst, lx.exprs[exact[0]])
			exact = exact[1:]
		}
		dst = append(dst, lx.exprs[j])
	}
	for _, j := range exact {
		dst = append(dst, lx.exprs[j])
	}
	return dst
}

// class returns the word class name. The classes the code relies on are
// checked when the file is loaded, so a missing one is a programming
// error.
func (lx *evalLexicon) class(name string) *wordSet {
	s, ok := lx.classes[name]
	if !ok {
		panic("extract: evaluations.txt defines no class @" + name)
	}
	return s
}

// evalClasses are the classes that evaluate.go and speech.go use by name.
var evalClasses = []string{"speech", "speech-gap", "accusing", "misdeed", "bad", "blame", "describe",
	"describe-stop", "copula-aux", "copula", "hostile", "abet", "client"}

func mustLoadEvaluations(data []byte) *evalLexicon {
	lx, err := loadEvaluations(data)
	if err != nil {
		panic(err)
	}
	return lx
}

// loadEvaluations parses the format described at the top of
// data/evaluations.txt.
func loadEvaluations(data []byte) (*evalLexicon, error) {
	lx := &evalLexicon{classes: map[string]*wordSet{}}
	used := map[string]int{} // class → first line using it
	classOf := func(name string, n int) *wordSet {
		s := lx.classes[name]
		if s == nil {
			s = &wordSet{}
			lx.classes[name] = s
		}
		if _, ok := used[name]; !ok {
			used[name] = n
		}
		return s
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(strings.ToLower(line))
		if len(f) == 0 {
			continue
		}
		errf := func(format string, a ...any) error {
			return fmt.Errorf("extract: evaluations.txt:%d: %s", n, fmt.Sprintf(format, a...))
		}
		if name, ok := strings.CutPrefix(f[0], "@"); ok {
			if name == "" || len(f) < 2 {
				return nil, errf("a class needs a name and words")
			}
			s := lx.classes[name]
			if s == nil {
				s = &wordSet{}
				lx.classes[name] = s
			}
			for _, w := range f[1:] {
				s.add(w)
			}
			continue
		}
		typ := strings.ToUpper(f[0])
		if !relation.Valid(typ) {
			return nil, errf("unknown relation type %q", f[0])
		}
		if len(f) < 3 {
			return nil, errf("an expression needs a type, a construction and words")
		}
		e := &evalExpr{cons: f[1]}
		switch e.cons {
		case consSubject, consReply, consOblique, consObject:
		default:
			return nil, errf("unknown construction %q", f[1])
		}
		var words [][]string
		toks := f[2:]
		for k, tok := range toks {
			if tok == ">" {
				if k+2 != len(toks) {
					return nil, errf("\">\" takes one token")
				}
				if e.cons != consOblique && e.cons != consObject {
					return nil, errf("\">\" is for the constructions oblique and object")
				}
				if name, ok := strings.CutPrefix(toks[k+1], "@"); ok {
					e.arg = classOf(name, n)
				} else {
					e.arg = &wordSet{}
					for _, w := range strings.Split(toks[k+1], "/") {
						e.arg.add(w)
					}
				}
				break
			}
			if tok == "~" {
				if k == 0 || toks[k-1] == "~" {
					return nil, errf("a gap must follow a word")
				}
				e.toks = append(e.toks, nil)
				words = append(words, nil)
				continue
			}
			words = append(words, strings.Split(tok, "/"))
			if name, ok := strings.CutPrefix(tok, "@"); ok {
				e.toks = append(e.toks, classOf(name, n))
				continue
			}
			s := &wordSet{}
			for _, w := range strings.Split(tok, "/") {
				if w == "" {
					return nil, errf("empty alternative in %q", tok)
				}
				s.add(w)
			}
			e.toks = append(e.toks, s)
		}
		if len(e.toks) == 0 || e.toks[len(e.toks)-1] == nil {
			return nil, errf("an expression must end with a word")
		}
		e.pat = &pattern{typ: typ, verb: true, words: words, frames: []frame{{text: e.cons}},
			file: "evaluations.txt", line: n}
		lx.exprs = append(lx.exprs, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	lx.index()
	for name, n := range used {
		if lx.classes[name].empty() {
			return nil, fmt.Errorf("extract: evaluations.txt:%d: class @%s has no words", n, name)
		}
	}
	for _, name := range evalClasses {
		if lx.classes[name].empty() {
			return nil, fmt.Errorf("extract: evaluations.txt: class @%s is missing", name)
		}
	}
	return lx, nil
}

// matchExpr returns the end of expression e matched at token i, or -1. A
// gap skips up to three words that are not actors, negations or
// punctuation.
func (d *doc) matchExpr(e *evalExpr, i int) int {
	return d.matchFrom(e.toks, i)
}

func (d *doc) matchFrom(toks []*wordSet, i int) int {
	if len(toks) == 0 {
		return i
	}
	if toks[0] == nil {
		for skip := 0; skip <= 3; skip++ {
			if end := d.matchFrom(toks[1:], i+skip); end >= 0 {
				return end
			}
			if i+skip >= len(d.toks) || !d.gapWord(i+skip) {
				return -1
			}
		}
		return -1
	}
	if i >= len(d.toks) || !toks[0].has(d.toks[i].w) {
		return -1
	}
	return d.matchFrom(toks[1:], i+1)
}

// gapWord reports whether token i may be skipped by a gap.
func (d *doc) gapWord(i int) bool {
	if d.at[i] >= 0 {
		return false
	}
	switch w := d.toks[i].w; w {
	case "not", "n't", "never", "no", "without", ",", ";", ".", ":", "if", "unless":
		return false
	default:
		return !strings.HasSuffix(w, "n't")
	}
}
