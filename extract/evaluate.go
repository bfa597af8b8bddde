package extract

import (
	"strings"

	"github.com/diplograph/diplograph/relation"
)

// Evaluations: accusations made without an accusing verb. A speaker who
// says that another actor is defying, violating or failing ("The United
// States said Iran is defying the Security Council"), who calls it or its
// conduct something bad ("called Chinese subsidies 'unbearable'"), or who
// speaks of its aggression or coercion ("in the face of coercion by
// China") accuses it.

// misdeedStems start the verbs of a reported misdeed ("is defying", "has
// violated", "was failing").
var misdeedStems = []string{"defy", "defie", "violat", "fail", "ignor", "undermin", "destabili", "breach", "interfer", "meddl",
	"intimidat", "sabotag", "harass", "provok", "bully", "bulli", "coerc", "obstruct", "flout", "weaponi", "cheat", "lying", "lied",
	"sponsor", "harbor", "harbour", "shelter"}

// badWords are evaluations that make a description an accusation.
var badWords = map[string]bool{"unbearable": true, "unfair": true, "unacceptable": true, "illegal": true, "illegitimate": true,
	"irresponsible": true, "hostile": true, "abusive": true, "aggressive": true, "dangerous": true, "provocative": true,
	"reckless": true, "unlawful": true, "destabilizing": true, "destabilising": true, "aggressor": true, "threat": true,
	"menace": true, "bully": true, "hypocritical": true, "outrageous": true, "unjust": true, "shameful": true, "disgraceful": true,
	"punishment": true, "interference": true, "meddling": true, "baseless": true, "absurd": true, "terrorist": true,
	"unprovoked": true, "criminal": true, "predatory": true, "coercive": true, "cheating": true, "enemy": true}

// blameNouns are conduct nouns whose owner is accused by the speaker
// ("Russia's illegal aggression", "coercion by China").
var blameNouns = map[string]bool{"aggression": true, "coercion": true, "intimidation": true, "interference": true,
	"meddling": true, "bullying": true, "provocations": true, "provocation": true, "belligerence": true, "aggressions": true}

// describeVerbs introduce a description of their object.
var describeVerbs = map[string]bool{"called": true, "calling": true, "calls": true, "branded": true, "branding": true,
	"brands": true, "labeled": true, "labelled": true, "described": true, "describing": true, "describes": true,
	"termed": true, "dubbed": true, "decrying": true, "decried": true}

// describeStops end the description after the object of a describing verb.
var describeStops = map[string]bool{".": true, ";": true, ",": true, "but": true, "while": true, "to": true, "for": true, "on": true,
	"about": true, "after": true, "with": true, "over": true, "at": true, "by": true, "that": true, "which": true, "who": true,
	"in": true, "when": true, "because": true}

var accusation = &pattern{typ: relation.Accused, verb: true, words: [][]string{{"said"}},
	frames: []frame{{text: "evaluation"}}}

// copulaAux may stand between the accused and a misdeed verb.
var copulaAux = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true,
	"been": true, "be": true, "being": true, "'s": true, "\"": true, "'": true, "still": true, "also": true, "now": true,
	"continuing": true, "continues": true, "continued": true, "to": true, "keeps": true, "kept": true}

func isMisdeed(w string) bool {
	for _, s := range misdeedStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// evaluations finds the accusations of the current sentence.
func (d *doc) evaluations(sp group) {
	n := len(d.toks)
	spAt := -1
	if len(sp) > 0 {
		spAt = d.actors[sp[0]].t0
	}
	for i := 0; i < n; i++ {
		w := d.toks[i].w
		switch {
		case describeVerbs[w] && d.at[i] < 0:
			d.describedBad(i)
		case blameNouns[w] && d.at[i] < 0 && len(sp) > 0:
			var tg group
			if i+2 < n && d.toks[i+1].w == "by" {
				tg = d.prepGroup(i+1, "by", 1, false)
			} else {
				tg = d.nounSubject(i)
			}
			if len(tg) > 0 && !d.actors[tg[0]].pron {
				d.emitAccusation(sp, tg, i, spAt)
			}
		case len(sp) > 0 && (isMisdeed(w) || badWords[w]) && d.at[i] < 0 && i > 1:
			tg := d.misdeedSubject(i)
			if len(tg) > 0 {
				d.emitAccusation(sp, tg, i, spAt)
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
	if badWords[w] {
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
		if !copulaAux[tw] && !strings.HasSuffix(tw, "ly") {
			return nil
		}
		if tw == "not" || tw == "never" {
			return nil
		}
		j--
	}
	if j < 0 || d.at[j] < 0 || j == i-1 && badWords[w] {
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
// threat", "decrying Y's move as an 'interference'".
func (d *doc) describedBad(v int) {
	n := len(d.toks)
	tg := d.objectGroup(v + 1)
	if len(tg) == 0 {
		return
	}
	obj := d.actors[tg[0]]
	bad := false
	for k := obj.t1; k < n && k < obj.t1+10; k++ {
		w := d.toks[k].w
		if badWords[w] {
			bad = true
			break
		}
		if describeStops[w] {
			break
		}
	}
	if !bad {
		return
	}
	src := d.leftGroup(v)
	if len(src) == 0 {
		return
	}
	d.emitAccusation(src, tg, v, -1)
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
