package segment

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file rejoins the lines of hard-wrapped text for Normalize; the
// rules are in the package documentation (doc.go, "Hard-wrapped text").

// Plausible wrap widths, in characters: the median width of the lines
// must lie between them, and at most one line in ten may be wider than
// maxWrapWidth.
const (
	minWrapWidth = 30
	maxWrapWidth = 160
)

// line is one line of a text: it starts at start, next is the start of
// the next line (after "\n", "\r\n" or "\r"), and [text, end) is its
// content without leading and trailing blanks.
type line struct {
	start, text, end, next int
	width                  int // characters in [start, end)
}

func (l line) blank() bool { return l.text == l.end }

// scanLine returns the line of s that starts at i.
func scanLine(s string, i int) line {
	l := line{start: i}
	j := i
	for j < len(s) && s[j] != '\n' && s[j] != '\r' {
		j++
	}
	l.next = j
	if j < len(s) {
		l.next = j + 1
		if s[j] == '\r' && j+1 < len(s) && s[j+1] == '\n' {
			l.next = j + 2
		}
	}
	e := j
	for e > i && isBlank(s[e-1]) {
		e--
	}
	k := i
	for k < e && isBlank(s[k]) {
		k++
	}
	l.text, l.end = k, e
	l.width = utf8.RuneCountInString(s[i:e])
	return l
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\f' || c == '\v' }

// isStructural reports whether l is a Markdown heading or a rule.
func isStructural(s string, l line) bool {
	t := s[l.text:l.end]
	if n := len(t) - len(strings.TrimLeft(t, "#")); n >= 1 && n <= 6 && (n == len(t) || t[n] == ' ') {
		return true
	}
	marks := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-', '=', '*', '_', '~', '#':
			marks++
		case ' ', '\t':
		default:
			return false
		}
	}
	return marks >= 3
}

// isListItem reports whether b starts with a list marker; a starts the
// line before b (a "- " marker is a dash in prose after an open line).
func isListItem(s string, a, b line) bool {
	t := s[b.text:b.end]
	if len(t) < 3 {
		return false
	}
	switch {
	case (t[0] == '*' || t[0] == '+') && t[1] == ' ',
		strings.HasPrefix(t, "• "), strings.HasPrefix(t, "▪ "), strings.HasPrefix(t, "◦ "), strings.HasPrefix(t, "‣ "):
		return true
	case t[0] == '-' && t[1] == ' ':
		at := s[a.text:a.end]
		return !endsOpen(at) || strings.HasPrefix(at, "- ") || strings.HasSuffix(at, ":") || strings.HasSuffix(at, ";")
	case t[0] == '(':
		// (a) (B) (2) (12) (iv), but not "(MSF) told".
		j := 1
		for j < len(t) && j <= 4 && (isASCIIDigit(t[j]) || strings.IndexByte("ivx", t[j]) >= 0) {
			j++
		}
		if j == 1 && j < len(t) && isASCIILetter(t[j]) {
			j++
		}
		return j > 1 && j+1 < len(t) && t[j] == ')' && t[j+1] == ' '
	case isASCIIDigit(t[0]):
		// 1. 2) 12. but not "Feb." and "13. The".
		j := 1
		if isASCIIDigit(t[1]) {
			j = 2
		}
		if j+1 >= len(t) || t[j] != '.' && t[j] != ')' || t[j+1] != ' ' {
			return false
		}
		at := s[a.text:a.end]
		return t[j] == ')' || !endsOpen(at) && abbrevClass(strings.TrimSuffix(at[strings.LastIndexAny(at, " \t")+1:], ".")) == classRegular
	case t[0] >= 'a' && t[0] <= 'z':
		// a) b)
		return t[1] == ')' && t[2] == ' '
	}
	return false
}

// continues reports whether line l starts as the continuation of a
// sentence: with a lowercase word (after any opening quotes or brackets)
// or with punctuation that cannot start one.
func continues(s string, l line) bool {
	if l.blank() {
		return false
	}
	switch s[l.text] {
	case ',', ';', ':', ')', ']', '}', '%', '&':
		return true
	}
	k := skipOpeners(s[:l.end], l.text)
	return k < l.end && startsLower(s[:l.end], k)
}

// endsOpen reports whether line text t does not end with terminal
// punctuation (. ? ! or a colon, before any closing quotes or brackets).
func endsOpen(t string) bool {
	e := len(t)
	for e > 0 {
		switch t[e-1] {
		case '"', '\'', ')', ']', '}':
			e--
			continue
		case '.', '?', '!', ':':
			return false
		}
		break
	}
	return e > 0
}

// firstWordWidth returns the width in characters of the first word of l.
func firstWordWidth(s string, l line) int {
	e := l.text
	for e < l.end && !isBlank(s[e]) {
		e++
	}
	return utf8.RuneCountInString(s[l.text:e])
}

// joinable reports whether the line pair a, b may be joined at all, that
// is, whether it counts in the detection of hard-wrapped text.
func joinable(s string, a, b line) bool {
	return !a.blank() && !b.blank() && !isStructural(s, a) && !isStructural(s, b) && !isListItem(s, a, b)
}

// wrapping describes a hard-wrapped text: width is the width of its
// widest full line, and a line narrower than low is short. low is three
// quarters of width, or less when more than a tenth of the lines followed
// by a continuation (certainly wrapped) are narrower, as where the
// wrapping balances line lengths (fmt).
type wrapping struct{ width, low int }

// percentile returns the smallest width w such that more than p percent
// of the n widths counted in hist are at most w.
func percentile(hist *[maxWrapWidth + 2]int32, n, p int) int {
	c := 0
	for w, k := range hist {
		c += int(k)
		if c*100 > (n-1)*p {
			return w
		}
	}
	return len(hist) - 1
}

// layout tells whether text s is hard-wrapped, and how. It does not
// allocate.
func layout(s string) (wrapping, bool) {
	var hist [maxWrapWidth + 2]int32 // widths of joinable first lines; the last bucket is "wider"
	pairs, lines, wide := 0, 0, 0
	prev := scanLine(s, 0)
	for {
		if !prev.blank() {
			lines++
			if prev.width > maxWrapWidth {
				wide++
			}
		}
		if prev.next >= len(s) {
			break
		}
		cur := scanLine(s, prev.next)
		if joinable(s, prev, cur) {
			pairs++
			hist[min(prev.width, maxWrapWidth+1)]++
		}
		prev = cur
	}
	if pairs < 2 || wide*10 > lines {
		return wrapping{}, false
	}
	median := percentile(&hist, pairs, 50)
	if median < minWrapWidth || median > maxWrapWidth {
		return wrapping{}, false
	}
	slack := max(6, median/5)
	full, open, cont := 0, 0, 0
	var w wrapping
	hist = [maxWrapWidth + 2]int32{} // now the widths of lines followed by a continuation
	conts := 0
	prev = scanLine(s, 0)
	for prev.next < len(s) {
		cur := scanLine(s, prev.next)
		if !joinable(s, prev, cur) {
			prev = cur
			continue
		}
		c := continues(s, cur)
		if c {
			conts++
			hist[min(prev.width, maxWrapWidth+1)]++
		}
		if d := prev.width - median; d >= -slack && d <= slack {
			full++
			w.width = max(w.width, prev.width)
			if endsOpen(s[prev.text:prev.end]) {
				open++
			}
			if c {
				cont++
			}
		}
		prev = cur
	}
	if full < 2 || full*2 < pairs || open*3 < full*2 || cont == 0 || cont*3 < full {
		return wrapping{}, false
	}
	w.low = min(percentile(&hist, conts, 10), w.width*3/4)
	return w, true
}

// A lineJoin replaces bytes [start, end) of a text, the white space
// around a line break, by one space, or deletes them when del is set (a
// word broken after a hyphen).
type lineJoin struct {
	start, end int
	del        bool
}

// lineJoins returns the line breaks of s to remove, s being hard-wrapped
// as w says. orig and offs give the original of each byte of s, to tell a
// hyphen from a dash that Normalize folded to "-".
func lineJoins(s string, w wrapping, orig string, offs OffsetMap) []lineJoin {
	var joins []lineJoin
	var block []line // the non-blank lines of a paragraph
	for i := 0; i < len(s); {
		block = block[:0]
		for i < len(s) {
			l := scanLine(s, i)
			i = l.next
			if l.blank() {
				break
			}
			block = append(block, l)
		}
		if len(block) < 2 {
			continue
		}
		// A block whose last line ends without terminal punctuation is
		// not prose (a headline and byline, an address): its lines are
		// joined only where the next continues the sentence.
		last := block[len(block)-1]
		prose := !endsOpen(s[last.text:last.end])
		joined := false // whether the line before a was joined to it
		for k, a := range block[:len(block)-1] {
			b := block[k+1]
			if !joinable(s, a, b) || !continues(s, b) && !(prose && wrapped(s, a, b, w, !joined)) {
				joined = false
				continue
			}
			joined = true
			if hyphenated(s, a, b, orig, offs) {
				joins = append(joins, lineJoin{start: a.end, end: b.text, del: true})
			} else {
				joins = append(joins, lineJoin{start: a.end, end: b.text})
			}
		}
	}
	return joins
}

// wrapped reports whether the break between lines a and b, in a paragraph
// of text wrapped as w says, is one the wrapping made, although b does
// not start as a continuation; first is set when a starts a line of the
// output. It is not when a is short (well below the wrap width, and b's
// first word would have fitted on it), when b is indented more than a (a
// new paragraph), or when a is a line of its own that ends without
// punctuation (a title) and b starts with a dateline ("BAGHDAD, March 3
// --").
func wrapped(s string, a, b line, w wrapping, first bool) bool {
	short := a.width < w.low && a.width+1+firstWordWidth(s, b) <= w.width-max(2, w.width/10)
	if short || b.text-b.start > a.text-a.start {
		return false
	}
	return !first || !endsOpen(s[a.text:a.end]) || !isDateline(s[b.text:b.end])
}

// isDateline reports whether t starts with a dateline: words in capitals
// followed by a comma and a capitalized word or number ("ASTANA, 12 May",
// "WASHINGTON, D.C."), by a parenthesis ("BAGHDAD (Reuters)") or by a
// dash ("VIENNA --").
func isDateline(t string) bool {
	upper := func(j int) bool { return j < len(t) && t[j] >= 'A' && t[j] <= 'Z' }
	letters, j := 0, 0
	for ; j < len(t); j++ {
		if upper(j) {
			letters++
		} else if !(t[j] == '.' || t[j] == '\'' || (t[j] == ' ' || t[j] == '-') && upper(j+1) && upper(j+2)) {
			break
		}
	}
	if letters < 3 || !upper(0) {
		return false
	}
	rest := t[j:]
	switch {
	case strings.HasPrefix(rest, ", "):
		return upper(j+2) || j+2 < len(t) && isASCIIDigit(t[j+2])
	case strings.HasPrefix(rest, " ("), strings.HasPrefix(rest, " -"):
		return true
	}
	return false
}

//go:embed data/suspended.txt
var suspendedData string

// suspendedWords are the words of data/suspended.txt: after a line ending
// with a hyphen, they show a suspended hyphen ("5- and 8-year-old").
var suspendedWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(suspendedData, "\n") {
		if l = strings.TrimSpace(l); l == "" || l[0] == '#' {
			continue
		}
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}()

// hyphenated reports whether line a ends with a word broken after a
// hyphen that b completes: "U.S.-" and "led", "al-" and "Sudani".
func hyphenated(s string, a, b line, orig string, offs OffsetMap) bool {
	e := a.end
	if e-a.text < 2 || s[e-1] != '-' || s[e-2] == '-' || isBlank(s[e-2]) {
		return false
	}
	// Only a hyphen in the original: an en or em dash is folded to "-"
	// too.
	if o := offs.Orig(e - 1); o >= len(orig) || !(orig[o] == '-' ||
		strings.HasPrefix(orig[o:], "\u2010") || strings.HasPrefix(orig[o:], "\u2011")) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[b.text:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	e = b.text
	for e < b.end && isASCIILetter(s[e]) {
		e++
	}
	return !suspendedWords[s[b.text:e]]
}

// unwrap rejoins the lines of norm, the folded form of orig with map offs,
// when norm is hard-wrapped, and returns the result with its map to orig.
// Otherwise it returns norm and offs unchanged, without allocating.
func unwrap(orig, norm string, offs OffsetMap) (string, OffsetMap) {
	if strings.IndexByte(norm, '\n') < 0 && strings.IndexByte(norm, '\r') < 0 {
		return norm, offs
	}
	w, ok := layout(norm)
	if !ok {
		return norm, offs
	}
	joins := lineJoins(norm, w, orig, offs)
	if len(joins) == 0 {
		return norm, offs
	}
	var b strings.Builder
	b.Grow(len(norm))
	var dels []lineJoin
	prev := 0
	for _, j := range joins {
		b.WriteString(norm[prev:j.start])
		if !j.del {
			// The first byte becomes the space, the others go.
			b.WriteByte(' ')
			j.start++
		}
		if j.start < j.end {
			dels = append(dels, j)
		}
		prev = j.end
	}
	b.WriteString(norm[prev:])
	out := b.String()
	if len(dels) == 0 {
		return out, OffsetMap{normLen: len(out), bps: offs.bps}
	}
	return out, composeDeletions(offs, dels, len(out))
}

// composeDeletions returns the map from a text to the original of m's
// text, the text being m's text without the byte ranges dels (sorted,
// disjoint) and of length n. Deleted bytes go with the byte that follows
// them, as in Normalize.
func composeDeletions(m OffsetMap, dels []lineJoin, n int) OffsetMap {
	// The composed map can change only where a deletion was or where m
	// changes. Walk both in order, translating offsets of m's text to the
	// new text.
	cands := make([]int, 0, len(dels)+len(m.bps))
	deleted, k := 0, 0
	for _, bp := range m.bps {
		for k < len(dels) && dels[k].start < bp.norm {
			cands = append(cands, dels[k].start-deleted)
			deleted += dels[k].end - dels[k].start
			k++
		}
		// A breakpoint inside a deletion takes effect where the
		// deletion was, already a candidate; an extra candidate does no
		// harm.
		cands = append(cands, max(0, bp.norm-deleted))
	}
	for ; k < len(dels); k++ {
		cands = append(cands, dels[k].start-deleted)
		deleted += dels[k].end - dels[k].start
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	var bps []breakpoint
	delta, shift := 0, 0
	k = 0
	for _, p := range cands {
		// shift: bytes deleted before new offset p, deletions at p
		// included.
		for k < len(dels) && dels[k].start-shift <= p {
			shift += dels[k].end - dels[k].start
			k++
		}
		if o := m.Orig(p + shift); o-p != delta {
			bps = append(bps, breakpoint{norm: p, orig: o})
			delta = o - p
		}
	}
	return OffsetMap{normLen: n, bps: bps}
}
