package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is a gazetteer match in a text. Start and End are byte offsets of
// Text in the searched string.
type Mention struct {
	Start, End int
	Text       string
	// Code is the ISO alpha-3 code of a state (also the owner of a place or
	// the state of a body) or an organization code; "" for places that are
	// no one state's, for titles, and for forms that name several codes.
	Code string
	// Codes lists the candidate codes when a form names more than one
	// ("Brussels": BEL and EU; "Congo": COG and COD). Nil otherwise.
	Codes []string
	// Ambiguous is set when the form was marked ambiguous in the data
	// ("Georgia", "Jordan", "Brussels"): it may not mean Code at all.
	Ambiguous bool
	Kind      Kind
	Form      Form
	Place     string // canonical place name for places and capitals
	Title     string // normalized title for titles
}

// ---- tokens ----

type tokKind uint8

const (
	tokWord tokKind = iota
	tokPunct
)

type token struct {
	start, end int
	kind       tokKind
	upperFirst bool // first letter is upper case
	allUpper   bool // every letter is upper case
	letters    int
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApos(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u2018' || r == '`' }

// tokenize splits s into words (runs of letters and digits) and single
// punctuation characters. White space and hyphens separate tokens and are
// dropped, so "al-Qaeda" and "al Qaeda" give the same tokens.
func tokenize(s string, toks []token) []token {
	toks = toks[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				i = wordTok(s, i, &toks)
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				i++
			case c == '-' && i > 0 && i+1 < len(s) && !isSpaceByte(s[i-1]) && !isSpaceByte(s[i+1]):
				i++ // intra-word hyphen: "al-Qaeda" = "al Qaeda"
			default:
				toks = append(toks, token{start: i, end: i + 1, kind: tokPunct})
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = wordTok(s, i, &toks)
		case unicode.IsSpace(r) || isHyphen(r) && i > 0 && i+w < len(s) && !isSpaceByte(s[i-1]) && !isSpaceByte(s[i+w]):
			i += w
		default:
			toks = append(toks, token{start: i, end: i + w, kind: tokPunct})
			i += w
		}
	}
	return toks
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func wordTok(s string, i int, toks *[]token) int {
	t := token{start: i, kind: tokWord, allUpper: true}
	first := true
	for i < len(s) {
		c := s[i]
		var r rune
		w := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		isL := false
		if c < utf8.RuneSelf {
			isL = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !isL && !(c >= '0' && c <= '9') {
				break
			}
		} else {
			isL = unicode.IsLetter(r)
			if !isL && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
		}
		if isL {
			up := unicode.IsUpper(r)
			if first {
				t.upperFirst = up
				first = false
			}
			if !up {
				t.allUpper = false
			}
			t.letters++
		}
		i += w
	}
	if t.letters == 0 {
		t.allUpper = false
	}
	t.end = i
	*toks = append(*toks, t)
	return i
}

// foldRune maps a rune to lower case without diacritics.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	if isApos(r) {
		return '\''
	}
	r = unicode.ToLower(r)
	if f, ok := foldTable[r]; ok {
		return f
	}
	return r
}

var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	for base, list := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ",
		'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų",
		'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// foldTok appends the folded key of s (one token) to buf.
func foldTok(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s {
				if unicode.Is(unicode.Mn, r) {
					continue
				}
				buf = utf8.AppendRune(buf, foldRune(r))
			}
			return buf
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		} else if c == '`' {
			c = '\''
		}
		buf = append(buf, c)
	}
	return buf
}

// ---- patterns ----

type caseRule uint8

const (
	caseAny        caseRule = iota // lower-case word in the form: any case
	caseUpperFirst                 // capitalized word: text word must start upper case
	caseExact                      // all-caps word (acronym): text must be identical
)

type tokPat struct {
	key  string
	orig string
	rule caseRule
}

func compilePattern(surface string) []tokPat {
	toks := tokenize(surface, nil)
	out := make([]tokPat, 0, len(toks))
	for _, t := range toks {
		s := surface[t.start:t.end]
		p := tokPat{key: string(foldTok(nil, s)), orig: s}
		if t.kind == tokWord && t.letters > 0 {
			switch {
			case t.allUpper:
				p.rule = caseExact
			case t.upperFirst:
				p.rule = caseUpperFirst
			}
		}
		out = append(out, p)
	}
	return out
}

func patKey(p []tokPat) string {
	var b strings.Builder
	for i, t := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// foldKey folds a whole phrase the way surface forms are keyed.
func foldKey(s string) string { return patKey(compilePattern(s)) }

// ---- trie ----

type node struct {
	children map[string]*node
	entries  []*entry
}

func newNode() *node { return &node{children: map[string]*node{}} }

func (n *node) insert(e *entry) {
	for _, p := range e.pattern {
		c := n.children[p.key]
		if c == nil {
			c = newNode()
			n.children[p.key] = c
		}
		n = c
	}
	n.entries = append(n.entries, e)
}

// caseOK reports whether the text tokens satisfy the case rules of e.
func caseOK(text string, toks []token, i int, e *entry) bool {
	for k, p := range e.pattern {
		t := toks[i+k]
		switch p.rule {
		case caseExact:
			if text[t.start:t.end] != p.orig {
				return false
			}
		case caseUpperFirst:
			if !t.upperFirst {
				return false
			}
		}
	}
	// A one- or two-letter acronym (US, UK, IS, EU, AU) inside an all-caps
	// run ("WHAT IS THE") is a word of a shouting headline, not an acronym.
	if len(e.pattern) == 1 && e.pattern[0].rule == caseExact && len(e.pattern[0].key) <= 2 {
		if capsNeighbor(text, toks, i-1) || capsNeighbor(text, toks, i+1) {
			return false
		}
	}
	return true
}

func capsNeighbor(text string, toks []token, j int) bool {
	if j < 0 || j >= len(toks) {
		return false
	}
	t := toks[j]
	return t.kind == tokWord && t.allUpper && t.letters >= 3
}

type match struct {
	end   int // index of the token after the match
	cands []*entry
}

// longest finds the longest match starting at token i among entries of the
// namespaces accepted by want.
func (l *Lexicon) longest(text string, toks []token, i int, buf *[]byte, want func(*entry) bool) match {
	var best match
	n := l.root
	for j := i; j < len(toks); j++ {
		t := toks[j]
		*buf = foldTok((*buf)[:0], text[t.start:t.end])
		c := n.children[string(*buf)]
		if c == nil {
			break
		}
		n = c
		if len(n.entries) == 0 {
			continue
		}
		var cands []*entry
		for _, e := range n.entries {
			if want(e) && caseOK(text, toks, i, e) {
				cands = append(cands, e)
			}
		}
		if len(cands) > 0 {
			best = match{end: j + 1, cands: cands}
		}
	}
	return best
}

func mainNS(e *entry) bool { return e.ns != nsNoun }

// Find returns the gazetteer mentions of text, left to right, without
// overlaps. At each position the longest surface form wins; at equal length
// a blocked phrase beats an entity, which beats a title. A state named by
// adjective, abbreviation or (possessive) name and followed directly by a
// body noun of bodies.txt or by a body of the same state becomes one
// KindBody mention spanning the phrase ("Iraqi army", "U.S. troops",
// "Iran's Revolutionary Guards"). A leading article ("the") is never part
// of a span, and a possessive "'s" is not part of a name's span.
func (l *Lexicon) Find(text string) []Mention {
	toks := tokenize(text, make([]token, 0, len(text)/5+4))
	buf := make([]byte, 0, 64)
	var out []Mention
	for i := 0; i < len(toks); {
		if toks[i].kind != tokWord {
			i++
			continue
		}
		m := l.longest(text, toks, i, &buf, mainNS)
		if m.end == 0 {
			i++
			continue
		}
		cands := pickNS(m.cands)
		if cands[0].ns == nsBlock {
			i = m.end
			continue
		}
		men := l.mention(text, toks, i, m.end, cands)
		end := m.end
		if men.Code != "" && (men.Kind == KindState && (men.Form == FormName || men.Form == FormAbbrev || men.Form == FormAdjective)) {
			p := end
			if men.Form == FormName && p+1 < len(toks) && toks[p].kind == tokPunct &&
				isApos(firstRune(text[toks[p].start:])) && strings.EqualFold(text[toks[p+1].start:toks[p+1].end], "s") {
				p += 2
			}
			if p < len(toks) {
				code := men.Code
				bm := l.longest(text, toks, p, &buf, func(e *entry) bool {
					return e.ns == nsNoun || e.ns == nsEntity && e.Kind == KindBody && e.Code == code
				})
				if bm.end > 0 {
					end = bm.end
					men.End = toks[end-1].end
					men.Text = text[men.Start:men.End]
					men.Kind, men.Form = KindBody, FormBody
					men.Place = ""
					for _, e := range bm.cands {
						if e.Ambiguous && e.ns == nsEntity {
							men.Ambiguous = true
						}
					}
				}
			}
		}
		out = append(out, men)
		i = end
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// pickNS keeps the candidates of the strongest namespace: block, entity, title.
func pickNS(cands []*entry) []*entry {
	best := namespace(255)
	rank := func(ns namespace) int {
		switch ns {
		case nsBlock:
			return 0
		case nsEntity:
			return 1
		case nsTitle:
			return 2
		}
		return 3
	}
	for _, e := range cands {
		if best == 255 || rank(e.ns) < rank(best) {
			best = e.ns
		}
	}
	out := cands[:0:0]
	for _, e := range cands {
		if e.ns == best {
			out = append(out, e)
		}
	}
	return out
}

func (l *Lexicon) mention(text string, toks []token, i, end int, cands []*entry) Mention {
	first := cands[0]
	m := Mention{
		Start: toks[i].start, End: toks[end-1].end,
		Kind: first.Kind, Form: first.Form,
	}
	m.Text = text[m.Start:m.End]
	if first.ns == nsTitle {
		m.Title = first.Code
		return m
	}
	var codes []string
	for _, e := range cands {
		if e.Ambiguous {
			m.Ambiguous = true
		}
		dup := false
		for _, c := range codes {
			if c == e.Code {
				dup = true
			}
		}
		if !dup {
			codes = append(codes, e.Code)
		}
	}
	if len(codes) == 1 {
		m.Code = codes[0]
	} else {
		m.Codes = codes
	}
	if m.Kind == KindPlace || m.Form == FormCapital {
		if p := l.places[first.Key]; p != nil {
			m.Place = p.Name
		}
	}
	return m
}
