package petrarch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// A CAMEO verb dictionary (CAMEO.2.0.txt and its kin) has three sections,
// in any order:
//
//	&CURRENCY            a synonym set: a label, then one "+WORD" line per
//	+DOLLAR              member; "_" joins the words of a phrase
//
//	--- ACCUSE [112] ---  a verb block: a header naming the block and its
//	ACCUSE                 default code, the verbs of the block (one a line,
//	+LASH_OUT {...}        irregular forms in {...}, an own code in [...])
//	- * (OF &CRIME) [112]  and the patterns of the block
//
//	~ a (a b ATTACK) SAY = a b 015   a transformation
//
// "#" starts a comment anywhere; ";" does so on verb lines (a TABARI
// habit a few lines keep). See dictionaries.rst of PETRARCH2.

// ErrSyntax is wrapped by every VerbError about the form of a line.
var ErrSyntax = errors.New("syntax error")

// VerbError is a problem at one line of a verb dictionary. Its text names
// the source and line: "petrarch: CAMEO.2.0.txt:1234: ...".
type VerbError struct {
	Source string
	Line   int
	Err    error
}

func (e *VerbError) Error() string {
	return fmt.Sprintf("petrarch: %s:%d: %v", e.Source, e.Line, e.Err)
}

// Unwrap returns the cause (ErrSyntax for malformed lines).
func (e *VerbError) Unwrap() error { return e.Err }

// VerbDictionary is a parsed CAMEO verb dictionary.
type VerbDictionary struct {
	// Synsets maps a label as written ("&CURRENCY", "&AUXVERB1_") to its set.
	Synsets map[string]*Synset
	// Blocks lists the verb blocks in the order of the sources.
	Blocks []*VerbBlock
	// Transformations lists the "~" lines.
	Transformations []*Transformation
	// Skipped lists the patterns that were read but cannot be used, as
	// PETRARCH2 ignores them: disjunctive words ("BOMBING/EXPLOSION"),
	// undefined synsets, unbalanced brackets, malformed codes.
	Skipped []*VerbError
}

// Synset is a synonym set: a label and its member phrases.
type Synset struct {
	// Label is the label as written, with its "&" and any final "_".
	Label string
	// NoPlural is set when the label ends with "_": no member gets a
	// plural.
	NoPlural bool
	Phrases  []SynsetPhrase
	Source   string
	Line     int
}

// SynsetPhrase is one member of a synset.
type SynsetPhrase struct {
	// Words are the words of the phrase (they must be consecutive), as
	// written, without the "_" that joins them.
	Words []string
	// NoPlural is set when the phrase ends with "_" or its synset's label
	// does.
	NoPlural bool
}

// Forms returns the member phrases with their regular plurals, as
// PETRARCH2 expands a synset: the last word + "S", "IES" for a final "Y"
// after a consonant, "ES" after "SS", "SH", "CH", "X" or "Z". A word that
// ends in a single "S" ("TROOPS") is taken to be a plural already.
func (s *Synset) Forms() [][]string {
	var out [][]string
	for _, p := range s.Phrases {
		out = append(out, p.Words)
		if p.NoPlural || len(p.Words) == 0 {
			continue
		}
		last := p.Words[len(p.Words)-1]
		pl, ok := synsetPlural(last)
		if !ok {
			continue
		}
		w := append([]string(nil), p.Words...)
		w[len(w)-1] = pl
		out = append(out, w)
	}
	return out
}

// synsetPlural returns the regular plural of an upper- or lower-case noun;
// ok is false for a word that ends in a single "s".
func synsetPlural(w string) (string, bool) {
	lw := strings.ToLower(w)
	suf := func(s string) string {
		if w != lw {
			return strings.ToUpper(s)
		}
		return s
	}
	n := len(lw)
	switch {
	case n > 1 && lw[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(lw[n-2])):
		return w[:n-1] + suf("ies"), true
	case strings.HasSuffix(lw, "ss") || strings.HasSuffix(lw, "sh") || strings.HasSuffix(lw, "ch") ||
		strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "z"):
		return w + suf("es"), true
	case strings.HasSuffix(lw, "s"):
		return "", false
	}
	return w + suf("s"), true
}

// EventCode is the code of a verb or pattern: "[112]", "[042:043]",
// "[:173]", "[---]". Forward is the event from the subject (the source)
// to the object; Reverse, after a colon, the paired event in the other
// direction ("A visited B" [042:043] is also "B hosted A"). An empty part
// means no event; "---" is the null code: explicitly no event.
type EventCode struct {
	Forward, Reverse string
}

// IsNull reports whether the code gives no event in either direction.
func (c EventCode) IsNull() bool {
	return (c.Forward == "" || c.Forward == NullCode) && (c.Reverse == "" || c.Reverse == NullCode)
}

// String writes the code as the dictionary does, without brackets.
func (c EventCode) String() string {
	if c.Reverse == "" {
		return c.Forward
	}
	return c.Forward + ":" + c.Reverse
}

// NullCode is the code of a verb or pattern that gives no event.
const NullCode = "---"

// parseEventCode reads the text between "[" and "]".
func parseEventCode(s string) (EventCode, error) {
	fw, rv, paired := strings.Cut(strings.TrimSpace(s), ":")
	c := EventCode{Forward: fw, Reverse: rv}
	for _, part := range []string{fw, rv} {
		if part == "" || part == NullCode {
			continue
		}
		if len(part) < 2 || len(part) > 4 || strings.Trim(part, "0123456789") != "" {
			return c, fmt.Errorf("%w: code [%s]: want 2 to 4 digits or ---", ErrSyntax, s)
		}
	}
	if fw == "" && (!paired || rv == "") {
		return c, fmt.Errorf("%w: empty code []", ErrSyntax)
	}
	return c, nil
}

// VerbBlock is a block of synonymous verbs and the patterns they share.
type VerbBlock struct {
	// Name is the description in the header ("ACCUSE", "MEET_PEOPLE").
	Name string
	// Code is the default code of the block's verbs ("---" when the
	// header gives none).
	Code     EventCode
	Verbs    []*Verb
	Patterns []*Pattern
	Source   string
	Line     int
}

// Verb is one verb of a block.
type Verb struct {
	// Words are the words of the verb as written, without "_" and "+":
	// ["ACCUSE"], ["MEET", "WITH"], ["WIRE", "TAP"].
	Words []string
	// Head is the index in Words of the word that is the verb (the one
	// marked "+" in a multiword verb; 0 for a single word).
	Head int
	// Forms are the irregular forms given in {...}, each as words like
	// Words ({+MET_WITH +MEETS_WITH} gives ["MET", "WITH"], ["MEETS",
	// "WITH"]). When braces are given they list all other forms (PETRARCH2
	// generates no regular ones); "{}" gives none.
	Forms [][]string
	// HasForms reports whether the line had {...}.
	HasForms bool
	// Code is the verb's own code, or else its block's.
	Code EventCode
	// OwnCode is set when the line gave a code.
	OwnCode bool
	Line    int
}

// Pattern is one "-" line of a block: phrases before and after the verb
// ("*") and the code of the event when they are present.
//
//   - &MILITARY * (TO +) &STRONGHOLD (IN $)   [154]   # MOVE
type Pattern struct {
	// Before and After are the elements left and right of "*".
	Before, After []Element
	Code          EventCode
	// Note is the comment after "#": usually the verb the pattern was
	// first written for, and the coder's initials.
	Note   string
	Source string
	Line   int
}

// ElementKind says what an Element is.
type ElementKind uint8

// Kinds of pattern elements.
const (
	// Word is a bare word: usually the head noun of a phrase ("SANCTIONS"),
	// sometimes a particle or adverb ("OUT", "STRONGLY"). Words has one
	// word, or the words of a "_"-joined compound ("AIR_STRIKE").
	Word ElementKind = iota + 1
	// Phrase is a noun phrase in braces, "{FINANCIAL AID}": Words are its
	// words, the last being the head.
	Phrase
	// SynsetRef is "&LABEL": any member of the synset. Words has the
	// label.
	SynsetRef
	// Prep is a prepositional phrase "(FOR {FINANCIAL AID})": Words has
	// the preposition, Objects the elements it governs (none in "(TO)",
	// where the preposition introduces the other actor).
	Prep
	// SourceMark is "$": where the source actor stands.
	SourceMark
	// TargetMark is "+": where the target actor stands.
	TargetMark
	// SkipMark is "^": a noun phrase to skip.
	SkipMark
	// CompoundMark is "%": a compound actor.
	CompoundMark
)

// Element is one part of a pattern.
type Element struct {
	Kind ElementKind
	// Words are the words of a Word or Phrase (a word of a phrase may be
	// a synset label, "{&MILITARY AID}"), the label of a SynsetRef or the
	// preposition of a Prep.
	Words []string
	// Objects are the elements governed by a Prep.
	Objects []Element
}

// Transformation is a "~" line: a rewrite of verb-verb interactions,
// "~ a (a b ATTACK) SAY = a b 015". Pattern and Result are the text left
// and right of "=".
type Transformation struct {
	Pattern, Result string
	Source          string
	Line            int
}

// ParseVerbs reads CAMEO verb dictionaries. The sources are read in order
// as one dictionary: a synset defined in an earlier source may be used in
// a later one. A malformed header, verb or synset line is an error; a
// pattern PETRARCH2 would ignore is recorded in Skipped.
func ParseVerbs(srcs ...Source) (*VerbDictionary, error) {
	p := &verbParser{d: &VerbDictionary{Synsets: map[string]*Synset{}}}
	for _, src := range srcs {
		if err := p.source(src); err != nil {
			return nil, err
		}
	}
	p.resolve()
	return p.d, nil
}

type verbParser struct {
	d *VerbDictionary
	// what "+" lines belong to: a synset or a block
	syn   *Synset
	block *VerbBlock
	// patterns in order of reading with their source line, checked for
	// undefined synsets after all sources are read
	pending []*Pattern
}

func (p *verbParser) source(src Source) error {
	sc := bufio.NewScanner(bytes.NewReader(src.Data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	p.syn, p.block = nil, nil
	for sc.Scan() {
		n++
		raw := sc.Text()
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' {
			continue
		}
		errf := func(format string, a ...any) error {
			return &VerbError{Source: src.Name, Line: n, Err: fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, a...)...)}
		}
		switch {
		case strings.HasPrefix(line, "<!--"):
			// an XML comment, as in older dictionaries; one line only
			if !strings.Contains(line, "-->") {
				return errf("comment <!-- does not end on its line")
			}
		case strings.HasPrefix(line, "---"):
			b, err := blockHeader(verbComment(line, false))
			if err != nil {
				return &VerbError{Source: src.Name, Line: n, Err: err}
			}
			b.Source, b.Line = src.Name, n
			p.d.Blocks = append(p.d.Blocks, b)
			p.block, p.syn = b, nil
		case line[0] == '&':
			label := strings.TrimSpace(verbComment(line, false))
			if len(label) < 2 || strings.ContainsAny(label, " \t") {
				return errf("synset label %q: want &NAME", label)
			}
			s := &Synset{Label: label, NoPlural: strings.HasSuffix(label, "_"), Source: src.Name, Line: n}
			p.d.Synsets[label] = s
			p.syn, p.block = s, nil
		case line[0] == '+' && p.syn != nil:
			text := strings.TrimSpace(verbComment(line[1:], false))
			if text == "" {
				return errf("empty synset member")
			}
			ph := SynsetPhrase{NoPlural: p.syn.NoPlural || strings.HasSuffix(text, "_")}
			for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' }) {
				ph.Words = append(ph.Words, w)
			}
			if len(ph.Words) == 0 {
				return errf("empty synset member")
			}
			p.syn.Phrases = append(p.syn.Phrases, ph)
		case line[0] == '~':
			pat, res, ok := strings.Cut(verbComment(line[1:], false), "=")
			if !ok {
				return errf("transformation wants \"=\"")
			}
			p.d.Transformations = append(p.d.Transformations, &Transformation{
				Pattern: strings.TrimSpace(pat), Result: strings.TrimSpace(res), Source: src.Name, Line: n})
		case line[0] == '-':
			if p.block == nil {
				return errf("pattern before the first block header (--- NAME [code] ---)")
			}
			pt, err := patternLine(line[1:])
			if err != nil {
				p.d.Skipped = append(p.d.Skipped, &VerbError{Source: src.Name, Line: n, Err: err})
				continue
			}
			pt.Source, pt.Line = src.Name, n
			p.block.Patterns = append(p.block.Patterns, pt)
			p.pending = append(p.pending, pt)
		default:
			if p.block == nil {
				if line[0] == '+' {
					return errf("synonym %q outside a synset or block", line)
				}
				return errf("verb %q before the first block header (--- NAME [code] ---)", line)
			}
			v, err := verbLine(verbComment(line, true), p.block.Code)
			if err != nil {
				return &VerbError{Source: src.Name, Line: n, Err: err}
			}
			if v == nil {
				continue // only a comment
			}
			v.Line = n
			p.block.Verbs = append(p.block.Verbs, v)
		}
	}
	if err := sc.Err(); err != nil {
		return &VerbError{Source: src.Name, Line: n, Err: err}
	}
	return nil
}

// resolve moves patterns that use an undefined synset to Skipped.
func (p *verbParser) resolve() {
	bad := map[*Pattern]string{}
	for _, pt := range p.pending {
		if l := p.undefined(pt.Before); l != "" {
			bad[pt] = l
		} else if l := p.undefined(pt.After); l != "" {
			bad[pt] = l
		}
	}
	if len(bad) == 0 {
		return
	}
	for _, b := range p.d.Blocks {
		kept := b.Patterns[:0]
		for _, pt := range b.Patterns {
			if l, ok := bad[pt]; ok {
				p.d.Skipped = append(p.d.Skipped, &VerbError{Source: pt.Source, Line: pt.Line, Err: fmt.Errorf("undefined synset %s", l)})
				continue
			}
			kept = append(kept, pt)
		}
		b.Patterns = kept
	}
}

func (p *verbParser) undefined(es []Element) string {
	for _, e := range es {
		switch e.Kind {
		case SynsetRef:
			if p.d.Synsets[e.Words[0]] == nil {
				return e.Words[0]
			}
		case Phrase:
			for _, w := range e.Words {
				if strings.HasPrefix(w, "&") && p.d.Synsets[w] == nil {
					return w
				}
			}
		case Prep:
			if l := p.undefined(e.Objects); l != "" {
				return l
			}
		}
	}
	return ""
}

// verbComment cuts a line at "#" (and at ";" for verb lines) and trims it.
func verbComment(s string, semicolon bool) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	if semicolon {
		if i := strings.IndexByte(s, ';'); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// blockHeader reads "--- NAME [code] ---" (the closing dashes may
// touch the code: "[110]---").
func blockHeader(line string) (*VerbBlock, error) {
	s := strings.TrimSpace(strings.TrimPrefix(line, "---"))
	s = strings.TrimSpace(strings.TrimSuffix(s, "---"))
	b := &VerbBlock{Code: EventCode{Forward: NullCode}}
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return nil, fmt.Errorf("%w: block header: [ without ]", ErrSyntax)
		}
		c, err := parseEventCode(s[i+1 : i+j])
		if err != nil {
			return nil, fmt.Errorf("block header: %w", err)
		}
		if rest := strings.Trim(s[i+j+1:], "- \t"); rest != "" {
			return nil, fmt.Errorf("%w: block header: %q after the code", ErrSyntax, rest)
		}
		b.Code = c
		s = strings.TrimSpace(s[:i])
	}
	if s == "" || strings.ContainsAny(s, " \t") {
		return nil, fmt.Errorf("%w: block header: want --- NAME [code] ---", ErrSyntax)
	}
	b.Name = s
	return b, nil
}

// verbLine reads a verb line: VERB, +MULTI_WORD, PRE_+VERB, each with
// optional {forms} and [code]. It returns nil for a line that held only a
// comment.
func verbLine(line string, def EventCode) (*Verb, error) {
	if line == "" {
		return nil, nil
	}
	v := &Verb{Code: def}
	var heads []int
	s := line
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.LastIndexByte(s, ']')
		if j < i {
			return nil, fmt.Errorf("%w: verb %q: [ without ]", ErrSyntax, line)
		}
		if rest := strings.TrimSpace(s[j+1:]); rest != "" {
			return nil, fmt.Errorf("%w: verb %q: %q after the code", ErrSyntax, line, rest)
		}
		c, err := parseEventCode(s[i+1 : j])
		if err != nil {
			return nil, fmt.Errorf("verb %q: %w", line, err)
		}
		v.Code, v.OwnCode = c, true
		s = strings.TrimSpace(s[:i])
	}
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s, '}')
		if j < i || strings.TrimSpace(s[j+1:]) != "" {
			return nil, fmt.Errorf("%w: verb %q: want {forms} after the verb", ErrSyntax, line)
		}
		v.HasForms = true
		for _, f := range strings.FieldsFunc(s[i+1:j], func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
			ws, head, err := verbWords(f)
			if err != nil {
				return nil, fmt.Errorf("verb %q: form %q: %w", line, f, err)
			}
			v.Forms = append(v.Forms, ws)
			heads = append(heads, head)
		}
		s = strings.TrimSpace(s[:i])
	}
	f := strings.Fields(s)
	if len(f) != 1 {
		return nil, fmt.Errorf("%w: verb %q: want one verb (join the words of a multiword verb with _)", ErrSyntax, line)
	}
	ws, head, err := verbWords(f[0])
	if err != nil {
		return nil, fmt.Errorf("verb %q: %w", line, err)
	}
	v.Words, v.Head = ws, head
	for k, fw := range v.Forms {
		if len(fw) != len(v.Words) || heads[k] != v.Head {
			return nil, fmt.Errorf("%w: verb %q: form %s does not match the verb's words", ErrSyntax, line, strings.Join(fw, "_"))
		}
	}
	return v, nil
}

// verbWords splits "+MEET_WITH", "WIRE_+TAP" or "ACCUSE" into words and the
// index of the verb.
func verbWords(s string) ([]string, int, error) {
	parts := strings.Split(s, "_")
	head := -1
	var ws []string
	for _, w := range parts {
		if strings.HasPrefix(w, "+") {
			if head >= 0 {
				return nil, 0, fmt.Errorf("%w: two words marked +", ErrSyntax)
			}
			head = len(ws)
			w = w[1:]
		}
		if w == "" {
			return nil, 0, fmt.Errorf("%w: empty word", ErrSyntax)
		}
		if strings.ContainsAny(w, "+{}[]()&$^%*") {
			return nil, 0, fmt.Errorf("%w: unexpected character in %q", ErrSyntax, w)
		}
		ws = append(ws, w)
	}
	if head < 0 {
		if len(ws) > 1 {
			return nil, 0, fmt.Errorf("%w: multiword verb without + before the verb", ErrSyntax)
		}
		head = 0
	}
	return ws, head, nil
}

// patternLine reads the text of a "-" line after the dash.
func patternLine(s string) (*Pattern, error) {
	pt := &Pattern{}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		pt.Note = strings.TrimSpace(s[i+1:])
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, '[')
	if i < 0 || !strings.HasSuffix(s, "]") {
		return nil, fmt.Errorf("%w: pattern wants a [code] at the end", ErrSyntax)
	}
	c, err := parseEventCode(s[i+1 : len(s)-1])
	if err != nil {
		return nil, err
	}
	pt.Code = c
	s = s[:i]
	before, after, ok := strings.Cut(s, "*")
	if !ok {
		return nil, fmt.Errorf("%w: pattern wants * where the verb stands", ErrSyntax)
	}
	if strings.Contains(after, "*") {
		return nil, fmt.Errorf("%w: pattern has two *", ErrSyntax)
	}
	if pt.Before, err = patternElements(before); err != nil {
		return nil, err
	}
	if pt.After, err = patternElements(after); err != nil {
		return nil, err
	}
	return pt, nil
}

// patternElements reads one side of a pattern.
func patternElements(s string) ([]Element, error) {
	toks := strings.Fields(s)
	var out []Element
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case strings.HasPrefix(t, "("):
			// a prepositional phrase up to the token ending in ")"
			j := i
			for j < len(toks) && !strings.HasSuffix(toks[j], ")") {
				j++
			}
			if j == len(toks) {
				return nil, fmt.Errorf("%w: ( without )", ErrSyntax)
			}
			inner := strings.Join(toks[i:j+1], " ")
			inner = inner[1 : len(inner)-1]
			if strings.ContainsAny(inner, "()") {
				return nil, fmt.Errorf("%w: nested or unbalanced parentheses", ErrSyntax)
			}
			f := strings.Fields(inner)
			if len(f) == 0 {
				return nil, fmt.Errorf("%w: empty ()", ErrSyntax)
			}
			if err := patternWord(f[0]); err != nil {
				return nil, err
			}
			objs, err := patternElements(strings.Join(f[1:], " "))
			if err != nil {
				return nil, err
			}
			for _, o := range objs {
				if o.Kind == Prep {
					return nil, fmt.Errorf("%w: nested prepositional phrase", ErrSyntax)
				}
			}
			out = append(out, Element{Kind: Prep, Words: []string{f[0]}, Objects: objs})
			i = j
		case strings.HasPrefix(t, "{"):
			j := i
			for j < len(toks) && !strings.HasSuffix(toks[j], "}") {
				j++
			}
			if j == len(toks) {
				return nil, fmt.Errorf("%w: { without }", ErrSyntax)
			}
			inner := strings.Join(toks[i:j+1], " ")
			inner = inner[1 : len(inner)-1]
			if strings.ContainsAny(inner, "{}()") {
				return nil, fmt.Errorf("%w: nested or unbalanced braces", ErrSyntax)
			}
			var ws []string
			for _, w := range strings.Fields(inner) {
				if !strings.HasPrefix(w, "&") {
					if err := patternWord(w); err != nil {
						return nil, err
					}
					ws = append(ws, joinedWords(w)...)
					continue
				}
				ws = append(ws, w)
			}
			if len(ws) == 0 {
				return nil, fmt.Errorf("%w: empty {}", ErrSyntax)
			}
			out = append(out, Element{Kind: Phrase, Words: ws})
			i = j
		case t == "$":
			out = append(out, Element{Kind: SourceMark})
		case t == "+":
			out = append(out, Element{Kind: TargetMark})
		case t == "^":
			out = append(out, Element{Kind: SkipMark})
		case t == "%":
			out = append(out, Element{Kind: CompoundMark})
		case strings.HasPrefix(t, "&"):
			if len(t) < 2 || strings.ContainsAny(t[1:], "&{}()[]") {
				return nil, fmt.Errorf("%w: synset reference %q", ErrSyntax, t)
			}
			out = append(out, Element{Kind: SynsetRef, Words: []string{t}})
		default:
			if err := patternWord(t); err != nil {
				return nil, err
			}
			ws := joinedWords(t)
			if len(ws) == 0 {
				continue // a stray "_"
			}
			out = append(out, Element{Kind: Word, Words: ws})
		}
	}
	return out, nil
}

// joinedWords splits "AIR_STRIKE" into its words; stray underscores at
// either end are dropped.
func joinedWords(w string) []string {
	return strings.FieldsFunc(w, func(r rune) bool { return r == '_' })
}

// patternWord rejects tokens PETRARCH2 cannot match: disjunctions
// ("BOMBING/EXPLOSION", no longer supported) and stray brackets or markers.
func patternWord(w string) error {
	if strings.Contains(w, "/") {
		return fmt.Errorf("%w: disjunctive word %q (PETRARCH2 reads no A/B alternatives; use a synset)", ErrSyntax, w)
	}
	if strings.ContainsAny(w, "(){}[]$^%*&") {
		return fmt.Errorf("%w: unexpected character in %q", ErrSyntax, w)
	}
	return nil
}

// Expand returns the word sequences a list of words may stand for: a
// synset label becomes each of its forms (see Synset.Forms), other words
// stand for themselves. An undefined label stands for nothing.
func (d *VerbDictionary) Expand(words []string) [][]string {
	out := [][]string{nil}
	for _, w := range words {
		var alts [][]string
		if strings.HasPrefix(w, "&") {
			if s := d.Synsets[w]; s != nil {
				alts = s.Forms()
			}
		} else {
			alts = [][]string{{w}}
		}
		var next [][]string
		for _, o := range out {
			for _, a := range alts {
				seq := append(append([]string(nil), o...), a...)
				next = append(next, seq)
			}
		}
		out = next
	}
	return out
}
