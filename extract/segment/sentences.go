package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Sentences splits text into sentences. The spans are byte offsets into
// text, in order, non-overlapping, non-empty and trimmed of surrounding
// white space; no span contains a line break. See the package
// documentation for the rules.
func Sentences(text string) []Span {
	return AppendSentences(make([]Span, 0, len(text)/120+1), text)
}

// AppendSentences appends the sentences of text to dst and returns the
// extended slice, for callers that reuse a buffer.
func AppendSentences(dst []Span, text string) []Span {
	n := len(text)
	start := 0
	for i := 0; i < n; {
		c := text[i]
		if !special[c] {
			i++
			continue
		}
		switch c {
		case '\n', '\r':
			dst = appendTrimmed(dst, text, start, i)
			i++
			start = i
		case '.', '?', '!':
			var split bool
			var next int
			split, i, next = terminal(text, start, i)
			if split {
				dst = appendTrimmed(dst, text, start, i)
				start = i
				i = next
			}
		case 0xC2: // U+0085 NEXT LINE
			if i+1 < n && text[i+1] == 0x85 {
				dst = appendTrimmed(dst, text, start, i)
				i += 2
				start = i
			} else {
				i++
			}
		case 0xE2:
			if i+2 < n && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0xA8, 0xA9: // U+2028, U+2029 line/paragraph separator
					dst = appendTrimmed(dst, text, start, i)
					i += 3
					start = i
					continue
				case 0xA6: // U+2026 ellipsis
					var split bool
					var next int
					split, i, next = terminal(text, start, i)
					if split {
						dst = appendTrimmed(dst, text, start, i)
						start = i
						i = next
					}
					continue
				}
			}
			i++
		default:
			i++
		}
	}
	return appendTrimmed(dst, text, start, n)
}

// special marks the bytes the sentence scanner must look at.
var special = func() (t [256]bool) {
	for _, c := range []byte{'\n', '\r', '.', '?', '!', 0xC2, 0xE2} {
		t[c] = true
	}
	return t
}()

// terminal examines the run of terminal punctuation starting at i. It
// returns the end of the run (including closing quotes and brackets) as
// end, whether the sentence ends there, and where the next sentence's
// first word starts.
func terminal(text string, start, i int) (split bool, end, next int) {
	n := len(text)
	j := i
	dots := 0
	question, ellipsis := false, false
run:
	for j < n {
		switch text[j] {
		case '.':
			dots++
			j++
		case '?', '!':
			question = true
			j++
		case 0xE2:
			if j+2 < n && text[j+1] == 0x80 && text[j+2] == 0xA6 {
				ellipsis = true
				j += 3
				continue
			}
			break run
		default:
			break run
		}
	}
	runEnd := j
	j = skipClosers(text, j)
	quoted := j > runEnd && text[j-1] != ')' && text[j-1] != ']' && text[j-1] != '}'
	// White space (but not a line break, which the caller handles) must
	// follow, and then a word.
	k := j
	for k < n {
		w := spaceWidth(text, k)
		if w == 0 {
			break
		}
		k += w
	}
	if k == j || k == n || isLineBreak(text, k) {
		return false, j, j
	}
	if !mayStartSentence(text, k) {
		return false, j, j
	}
	// An abbreviation or ellipsis directly followed by a closing quote
	// ends the quotation and, usually, the sentence: `the U.S." Trump`.
	switch {
	case question:
		split = !startsLower(text, k)
	case ellipsis || dots > 1:
		split = isStarter(text, k) || quoted && !startsLower(text, k)
	default:
		switch abbrevClass(wordBefore(text, start, i)) {
		case classNever:
			split = false
		case classAmbiguous:
			split = isStarter(text, k) || quoted && !startsLower(text, k)
		case classNumber:
			split = !(text[k] >= '0' && text[k] <= '9') && !startsLower(text, k)
		default:
			split = !startsLower(text, k)
		}
	}
	return split, j, k
}

// mayStartSentence rejects positions that cannot start a sentence: a
// dash, a period or ellipsis, or a parenthesis followed by a dash (a
// dateline such as "(Reuters) -").
func mayStartSentence(text string, k int) bool {
	if isDash(text, k) || text[k] == '.' || strings.HasPrefix(text[k:], "…") {
		return false
	}
	if text[k] == '(' {
		for j := k + 1; j < len(text) && j < k+40; j++ {
			if text[j] == ')' {
				j++
				for j < len(text) {
					w := spaceWidth(text, j)
					if w == 0 {
						break
					}
					j += w
				}
				return j >= len(text) || !isDash(text, j)
			}
		}
	}
	return true
}

// isDash reports whether a hyphen, en dash, em dash or minus sign starts
// at text[k].
func isDash(text string, k int) bool {
	if text[k] == '-' {
		return true
	}
	if k+2 < len(text) && text[k] == 0xE2 {
		b1, b2 := text[k+1], text[k+2]
		return (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) || (b1 == 0x88 && b2 == 0x92)
	}
	return false
}

// skipClosers skips closing quotes and brackets at text[j:].
func skipClosers(text string, j int) int {
	for j < len(text) {
		switch c := text[j]; c {
		case '"', '\'', ')', ']', '}':
			j++
			continue
		case 0xE2: // ’ ” (U+2019, U+201D)
			if j+2 < len(text) && text[j+1] == 0x80 && (text[j+2] == 0x99 || text[j+2] == 0x9D) {
				j += 3
				continue
			}
		case 0xC2: // »
			if j+1 < len(text) && text[j+1] == 0xBB {
				j += 2
				continue
			}
		}
		return j
	}
	return j
}

// skipOpeners skips opening quotes and brackets at text[k:].
func skipOpeners(text string, k int) int {
	for k < len(text) {
		switch text[k] {
		case '"', '\'', '(', '[', '{':
			k++
			continue
		case 0xE2: // ‘ “ (U+2018, U+201C)
			if k+2 < len(text) && text[k+1] == 0x80 && (text[k+2] == 0x98 || text[k+2] == 0x9C) {
				k += 3
				continue
			}
		case 0xC2: // «
			if k+1 < len(text) && text[k+1] == 0xAB {
				k += 2
				continue
			}
		}
		return k
	}
	return k
}

// startsLower reports whether the word at text[k:] (after any opening
// quotes) starts with a lowercase letter.
func startsLower(text string, k int) bool {
	k = skipOpeners(text, k)
	if k >= len(text) {
		return false
	}
	c := text[k]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLower(r)
}

// isStarter reports whether the word at text[k:] (after any opening
// quotes) is a common sentence starter.
func isStarter(text string, k int) bool {
	k = skipOpeners(text, k)
	e := k
	for e < len(text) && e-k <= maxStarterLen && isASCIILetter(text[e]) {
		e++
	}
	if e == k || e-k > maxStarterLen {
		return false
	}
	return sentenceStarters[text[k:e]]
}

// wordBefore returns the word that ends at text[i] (exclusive), without
// leading opening quotes or brackets, looking no further back than start.
func wordBefore(text string, start, i int) string {
	b := i
	for b > start && b > i-32 {
		c := text[b-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			break
		}
		b--
	}
	b = skipOpeners(text, b)
	if b >= i {
		return ""
	}
	return text[b:i]
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// isLineBreak reports whether a line break starts at text[k].
func isLineBreak(text string, k int) bool {
	switch text[k] {
	case '\n', '\r':
		return true
	case 0xC2:
		return k+1 < len(text) && text[k+1] == 0x85
	case 0xE2:
		return k+2 < len(text) && text[k+1] == 0x80 && (text[k+2] == 0xA8 || text[k+2] == 0xA9)
	}
	return false
}

// spaceWidth returns the length of the white space character (other than
// a line break) or invisible format character at text[k], or 0.
func spaceWidth(text string, k int) int {
	c := text[k]
	switch c {
	case ' ', '\t', '\f', '\v':
		return 1
	case 0xC2:
		if k+1 < len(text) && text[k+1] == 0xA0 {
			return 2
		}
	case 0xE1:
		if k+2 < len(text) && text[k+1] == 0x9A && text[k+2] == 0x80 {
			return 3
		}
	case 0xE2:
		if k+2 < len(text) {
			b1, b2 := text[k+1], text[k+2]
			if (b1 == 0x80 && (b2 <= 0x8D || b2 == 0xAF)) || (b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)) {
				return 3
			}
		}
	case 0xE3:
		if k+2 < len(text) && text[k+1] == 0x80 && text[k+2] == 0x80 {
			return 3
		}
	case 0xEF:
		if k+2 < len(text) && text[k+1] == 0xBB && text[k+2] == 0xBF {
			return 3
		}
	}
	return 0
}

// spaceWidthBefore is spaceWidth for the character ending at text[e]
// (exclusive), line breaks included.
func spaceWidthBefore(text string, e int) int {
	c := text[e-1]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\f', '\v', '\n', '\r':
			return 1
		}
		return 0
	}
	if e >= 2 && text[e-2] == 0xC2 && (c == 0xA0 || c == 0x85) {
		return 2
	}
	if e >= 3 {
		if w := spaceWidth(text, e-3); w == 3 || isLineBreak(text, e-3) {
			return 3
		}
	}
	return 0
}

// appendTrimmed appends text[s:e], trimmed of white space, if non-empty.
func appendTrimmed(dst []Span, text string, s, e int) []Span {
	for s < e {
		w := spaceWidth(text, s)
		if w == 0 || s+w > e {
			break
		}
		s += w
	}
	for e > s {
		w := spaceWidthBefore(text, e)
		if w == 0 || e-w < s {
			break
		}
		e -= w
	}
	if s < e {
		dst = append(dst, Span{s, e})
	}
	return dst
}
