package extract

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/relation"
)

//go:embed data/patterns.txt
var defaultData embed.FS

// PatternFile is the name of the pattern file in the default data and in
// Options.PatternFS.
const PatternFile = "patterns.txt"

// slotKind says what a frame slot fills.
type slotKind uint8

const (
	slotSubj      slotKind = iota + 1 // S: the subject to the left of the trigger
	slotSubjGroup                     // S+: pairs of a coordinated subject
	slotObj                           // O: the direct object
	slotPrepObj                       // prep:O / prep:P: object after a preposition
	slotPrepSubj                      // prep:S: source after a preposition
	slotPrepGroup                     // prep:S+: pairs of the group after a preposition
	slotClauseObj                     // clause:O: the one state named in the that-clause after the trigger
	slotNeed                          // need:@class
	slotKeep                          // keep: a passive subject stays the source
)

type slot struct {
	kind  slotKind
	prep  string // preposition for prep slots
	place bool   // prep:P: a place of a state counts as its state
	class string // need:@class
}

// frame is one argument frame of a pattern.
type frame struct {
	slots []slot
	text  string
}

// pattern is one line of the pattern file.
type pattern struct {
	typ    string
	verb   bool
	pred   bool       // kind a: a predicate noun or adjective, subject found like a verb's
	words  [][]string // trigger words; words[i] lists alternatives; nil = gap
	frames []frame
	file   string
	line   int
	// src names where a generated pattern comes from
	// ("CAMEO.2.0.txt:7520 [112]"); empty for a pattern file's own lines.
	src string
}

// patternSet is the compiled pattern data.
type patternSet struct {
	byFirst map[string][]*pattern // first trigger word form -> patterns
	classes map[string]map[string]bool
	forms   map[string]string // verb form -> lemma (for participle tests)
	parts   map[string]bool   // forms that can be past participles
	all     []*pattern
}

// PatternError is a problem in a pattern file; it names the file and line.
type PatternError struct {
	File string
	Line int
	Msg  string
}

func (e *PatternError) Error() string {
	return fmt.Sprintf("extract: %s:%d: %s", e.File, e.Line, e.Msg)
}

// loadPatterns reads the default patterns: patterns.txt and the embedded
// CAMEO verb dictionary, then the pattern file of each fsys, in order. A
// user file extends the defaults; a line "!remove TYPE trigger" deletes
// earlier patterns with that type and trigger text.
func loadPatterns(fsyss ...fs.FS) (*patternSet, error) {
	return loadPatternSet(nil, fsyss)
}

// loadPatternSet reads patterns.txt, then the patterns made from the
// embedded CAMEO verb dictionary extended by verbs (see cameo.go), then the
// pattern file of each fsys.
func loadPatternSet(verbs []petrarch.Source, fsyss []fs.FS) (*patternSet, error) {
	ps := &patternSet{
		byFirst: map[string][]*pattern{},
		classes: map[string]map[string]bool{},
		forms:   map[string]string{},
		parts:   map[string]bool{},
	}
	b, err := defaultData.ReadFile("data/" + PatternFile)
	if err != nil {
		return nil, err
	}
	if err := ps.parse(PatternFile, b); err != nil {
		return nil, err
	}
	if err := ps.addCAMEO(verbs); err != nil {
		return nil, err
	}
	for _, fsys := range fsyss {
		if fsys == nil {
			continue
		}
		b, err := fs.ReadFile(fsys, PatternFile)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, fmt.Errorf("extract: %s: %w", filepath.Join(lexicon.DirName(fsys), PatternFile), err)
		}
		name := PatternFile
		if dir := lexicon.DirName(fsys); dir != "" {
			name = filepath.Join(dir, PatternFile) // errors name the user's file
		}
		if err := ps.parse(name, b); err != nil {
			return nil, err
		}
	}
	ps.index()
	return ps, nil
}

var validTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range relation.Types {
		m[t] = true
	}
	return m
}()

// classUse is a need:@class slot, checked once its file is read (a class
// may be used before the line that defines it).
type classUse struct {
	class string
	file  string
	line  int
}

// parse reads one pattern file. Classes may be used before they are defined;
// undefined classes are reported after the whole file is read.
func (ps *patternSet) parse(file string, b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	var uses []classUse
	for sc.Scan() {
		n++
		if err := ps.parseLine(file, n, sc.Text(), "", &uses); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &PatternError{File: file, Line: n, Msg: err.Error()}
	}
	return ps.checkUses(uses)
}

// checkUses reports the first need:@class of uses whose class is not
// defined.
func (ps *patternSet) checkUses(uses []classUse) error {
	for _, u := range uses {
		if ps.classes[u.class] == nil {
			return &PatternError{File: u.file, Line: u.line, Msg: fmt.Sprintf("undefined word class %s", u.class)}
		}
	}
	return nil
}

// parseLine reads one record of a pattern file: line n of file. src tags
// the patterns it adds with their origin (empty for a pattern file's own
// lines). need:@class uses are appended to uses.
func (ps *patternSet) parseLine(file string, n int, line, src string, uses *[]classUse) error {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	errf := func(format string, a ...any) error {
		return &PatternError{File: file, Line: n, Msg: fmt.Sprintf(format, a...)}
	}
	if strings.HasPrefix(line, "@") {
		f := strings.Fields(line)
		if len(f) < 2 || len(f[0]) < 2 {
			return errf("word class %q has no words", f[0])
		}
		c := ps.classes[f[0]]
		if c == nil {
			c = map[string]bool{}
			ps.classes[f[0]] = c
		}
		for _, w := range f[1:] {
			c[strings.ToLower(w)] = true
		}
		return nil
	}
	if strings.HasPrefix(line, "!remove") {
		f := strings.Fields(line)
		if len(f) < 3 {
			return errf("!remove wants a type and trigger words")
		}
		trig := strings.Join(f[2:], " ")
		kept := ps.all[:0]
		found := false
		for _, p := range ps.all {
			if p.typ == f[1] && p.triggerText() == trig {
				found = true
				continue
			}
			kept = append(kept, p)
		}
		if !found {
			return errf("!remove matches no pattern")
		}
		ps.all = kept
		return nil
	}
	lhs, rhs, ok := strings.Cut(line, "::")
	if !ok {
		return errf("want TYPE kind trigger :: frame")
	}
	f := strings.Fields(lhs)
	if len(f) < 3 {
		return errf("want TYPE kind trigger before ::")
	}
	if !validTypes[f[0]] {
		return errf("unknown relation type %q", f[0])
	}
	p := &pattern{typ: f[0], file: file, line: n, src: src}
	switch f[1] {
	case "v":
		p.verb = true
	case "n":
	case "a":
		p.pred = true
	default:
		return errf("unknown kind %q (want v, n or a)", f[1])
	}
	for i, w := range f[2:] {
		if w == "~" {
			if i == 0 {
				return errf("a trigger cannot start with ~")
			}
			p.words = append(p.words, nil)
			continue
		}
		alts := strings.Split(strings.ToLower(w), "/")
		for _, a := range alts {
			if a == "" {
				return errf("empty word in %q", w)
			}
		}
		p.words = append(p.words, alts)
	}
	if p.words[len(p.words)-1] == nil {
		return errf("a trigger cannot end with ~")
	}
	for _, fr := range strings.Split(rhs, ";") {
		fr = strings.TrimSpace(fr)
		if fr == "" {
			return errf("empty frame")
		}
		var sf frame
		sf.text = fr
		if src != "" {
			// Relation.Trigger shows the frame text: name the origin there.
			sf.text = fr + " [" + src + "]"
		}
		hasSrc, hasTgt := false, false
		for _, s := range strings.Fields(fr) {
			var sl slot
			switch {
			case s == "S":
				sl.kind = slotSubj
				hasSrc = true
			case s == "S+":
				sl.kind = slotSubjGroup
				hasSrc, hasTgt = true, true
			case s == "O":
				sl.kind = slotObj
				hasTgt = true
			case s == "V" || s == "N":
				continue
			case s == "keep":
				sl.kind = slotKeep
			case strings.HasPrefix(s, "need:@"):
				sl.kind = slotNeed
				sl.class = s[len("need:"):]
				*uses = append(*uses, classUse{sl.class, file, n})
			case s == "clause:O":
				sl.kind = slotClauseObj
				hasTgt = true
			case strings.Contains(s, ":"):
				prep, arg, _ := strings.Cut(s, ":")
				if prep == "" {
					return errf("empty preposition in %q", s)
				}
				sl.prep = strings.ToLower(prep)
				switch arg {
				case "O":
					sl.kind = slotPrepObj
					hasTgt = true
				case "P":
					sl.kind = slotPrepObj
					sl.place = true
					hasTgt = true
				case "S":
					sl.kind = slotPrepSubj
					hasSrc = true
				case "S+":
					sl.kind = slotPrepGroup
					hasSrc, hasTgt = true, true
				default:
					return errf("unknown slot %q", s)
				}
			default:
				return errf("unknown slot %q", s)
			}
			sf.slots = append(sf.slots, sl)
		}
		if !hasSrc || !hasTgt {
			return errf("frame %q needs a source and a target slot", fr)
		}
		p.frames = append(p.frames, sf)
	}
	ps.all = append(ps.all, p)
	return nil
}

func (p *pattern) triggerText() string {
	var b strings.Builder
	for i, w := range p.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w == nil {
			b.WriteByte('~')
			continue
		}
		b.WriteString(strings.Join(w, "/"))
	}
	return b.String()
}

// index builds the first-word index, generating verb inflections.
func (ps *patternSet) index() {
	ps.byFirst = map[string][]*pattern{}
	for _, p := range ps.all {
		var firsts []string
		if p.verb {
			// Every alternative of the first word is inflected: "send/sent"
			// gives send, sends, sent, sending; "begin/began" both lemmas.
			lemma := p.words[0][0]
			var forms []string
			for k, alt := range p.words[0] {
				forms = append(forms, inflect(alt)...)
				ps.parts[pastOf(alt)] = true
				if k > 0 && !strings.HasSuffix(alt, "ing") && !strings.HasSuffix(alt, "s") {
					ps.parts[alt] = true
				}
			}
			firsts = forms
			for _, f := range forms {
				ps.forms[f] = lemma
			}
		} else {
			firsts = p.words[0]
		}
		seen := map[string]bool{}
		for _, f := range firsts {
			if seen[f] {
				continue
			}
			seen[f] = true
			ps.byFirst[f] = append(ps.byFirst[f], p)
		}
	}
	for k, v := range ps.byFirst {
		// Longer triggers first, so "hold talks" beats "hold".
		sort.SliceStable(v, func(i, j int) bool { return len(v[i].words) > len(v[j].words) })
		ps.byFirst[k] = v
	}
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// inflect returns the regular forms of a verb lemma: base, 3rd person,
// past and -ing.
func inflect(l string) []string {
	out := []string{l}
	n := len(l)
	switch {
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") || strings.HasSuffix(l, "o"):
		out = append(out, l+"es")
	case n > 1 && l[n-1] == 'y' && !isVowel(l[n-2]):
		out = append(out, l[:n-1]+"ies")
	default:
		out = append(out, l+"s")
	}
	out = append(out, pastOf(l))
	switch {
	case strings.HasSuffix(l, "ee"):
		out = append(out, l+"ing")
	case n > 1 && l[n-1] == 'e':
		out = append(out, l[:n-1]+"ing")
	default:
		out = append(out, l+"ing")
	}
	return out
}

func pastOf(l string) string {
	n := len(l)
	switch {
	case n > 0 && l[n-1] == 'e':
		return l + "d"
	case n > 1 && l[n-1] == 'y' && !isVowel(l[n-2]):
		return l[:n-1] + "ied"
	default:
		return l + "ed"
	}
}
