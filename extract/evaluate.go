package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/relation"
)

// Evaluations: accusations made without an accusing verb. A speaker who
// says that another actor is defying, violating or failing ("The United
// States said Iran is defying the Security Council"), who calls it or its
// conduct something bad ("called Chinese subsidies 'unbearable'"), or who
// speaks of its aggression or coercion ("in the face of coercion by
// China") accuses it. The words are in data/evaluations.txt (see its
// header); the loader is at the end of this file.

// The word classes used by name (data/evaluations.txt).
var (
	misdeedVerbs  = evalWords.class("misdeed")
	badWords      = evalWords.class("bad")
	blameNouns    = evalWords.class("blame")
	describeVerbs = evalWords.class("describe")
	describeStops = evalWords.class("describe-stop")
	copulaAux     = evalWords.class("copula-aux")
)

var accusation = &pattern{typ: relation.Accused, verb: true, words: [][]string{{"said"}},
	frames: []frame{{text: "evaluation"}}}

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
		if badWords.has(w) {
			bad = true
			break
		}
		if describeStops.has(w) {
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
	"describe-stop", "copula-aux"}

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
