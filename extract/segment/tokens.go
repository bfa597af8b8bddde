package segment

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation mark: the half-open byte range
// [Start, End) of a text.
type Token struct{ Start, End int }

// Tokens splits the span s of text into words and punctuation marks. See
// [AppendTokens].
func Tokens(text string, s Span) []Token {
	n := (s.End - s.Start) / 5
	if n < 4 {
		n = 4
	}
	return AppendTokens(make([]Token, 0, n), text, s)
}

// AppendTokens appends the tokens of text[s.Start:s.End] to dst and
// returns the extended slice. s is clamped to the text.
//
// Words are runs of letters, digits and combining marks, which may
// contain:
//
//   - an apostrophe followed by a letter ("don't", "O'Brien"), except
//     that a possessive or contracted 's is split off as its own token
//     ("Iraq's" → "Iraq" "'s"; the curly ’s too);
//   - a hyphen between letters or digits ("al-Sudani", "S-400");
//   - a period or comma between digits ("3.5", "1,000.5");
//   - periods between groups of one or two letters ("U.S", "Ph.D").
//
// A word takes its final period when it is a dotted initialism ("U.S.",
// "a.m."), a known abbreviation ("Mr.", "Gen.", "Jan.", "Inc.") or, unless
// it ends the span, a single capital initial ("W." in "George W. Bush").
// Every other non-space character is a token of its own, except that runs
// of periods ("...") and of hyphens ("--") form one token.
func AppendTokens(dst []Token, text string, s Span) []Token {
	start, end := s.Start, s.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	for i := start; i < end; {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				i++
			case isASCIIAlnum(c):
				j := wordEnd(text, i, end)
				dst = append(dst, Token{i, j})
				i = j
			case c == '\'' && isPossessive(text, i+1, end):
				dst = append(dst, Token{i, i + 2})
				i += 2
			case c == '.' || c == '-':
				j := i + 1
				for j < end && text[j] == c {
					j++
				}
				dst = append(dst, Token{i, j})
				i = j
			default:
				dst = append(dst, Token{i, i + 1})
				i++
			}
			continue
		}
		if w := spaceWidth(text, i); w > 0 && i+w <= end {
			i += w
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		switch {
		case w > 1 && isWordRune(r):
			j := wordEnd(text, i, end)
			dst = append(dst, Token{i, j})
			i = j
		case r == '\u2019' && isPossessive(text, i+w, end):
			dst = append(dst, Token{i, i + w + 1})
			i += w + 1
		default:
			dst = append(dst, Token{i, i + w})
			i += w
		}
	}
	return dst
}

func isASCIIAlnum(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9'
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isWordAt reports whether a letter, digit or mark starts at text[k]
// (k < end).
func isWordAt(text string, k, end int) bool {
	if k >= end {
		return false
	}
	c := text[k]
	if c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, w := utf8.DecodeRuneInString(text[k:end])
	return w > 1 && isWordRune(r)
}

// isPossessive reports whether text[k:] is an "s" or "S" that ends a
// word, i.e. whether an apostrophe just before k starts a possessive 's.
func isPossessive(text string, k, end int) bool {
	return k < end && (text[k] == 's' || text[k] == 'S') && !isWordAt(text, k+1, end)
}

// wordEnd returns the end of the word starting at text[i].
func wordEnd(text string, i, end int) int {
	j := i
	group := 0       // letters since the start or the last internal period
	initials := true // the word so far is groups of 1-2 letters split by periods
	dotted := false  // the word contains an internal period between letters
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIAlnum(c):
				if !isASCIILetter(c) {
					initials = false
				}
				group++
				if group > 2 {
					initials = false
				}
				j++
				continue
			case c == '\'':
				if isPossessive(text, j+1, end) {
					return j
				}
				if j > i && isWordAt(text, j+1, end) {
					j++
					initials = false
					continue
				}
			case c == '-':
				if isWordAt(text, j+1, end) {
					j++
					initials, group = false, 0
					continue
				}
			case c == '.' || c == ',':
				if j+1 < end && isASCIIDigit(text[j-1]) && isASCIIDigit(text[j+1]) {
					j++
					initials = false
					continue
				}
				if c == '.' && initials && group > 0 && j+1 < end && isASCIILetter(text[j+1]) {
					j++
					group = 0
					dotted = true
					continue
				}
				if c == '.' && takesPeriod(text[i:j], dotted && initials, j+1 < end) {
					return j + 1
				}
			}
			return j
		}
		r, w := utf8.DecodeRuneInString(text[j:end])
		if w > 1 && isWordRune(r) {
			initials = false
			j += w
			continue
		}
		if r == '\u2019' {
			if isPossessive(text, j+w, end) {
				return j
			}
			if isWordAt(text, j+w, end) {
				j += w
				initials = false
				continue
			}
		}
		return j
	}
	return j
}

// takesPeriod reports whether the word w keeps the period that follows
// it. more says whether anything follows the period within the span: an
// initial or an ambiguous abbreviation at the very end of a sentence
// leaves the period as a token of its own.
func takesPeriod(w string, initialism, more bool) bool {
	if initialism {
		return true
	}
	if len(w) == 1 {
		return more && w[0] >= 'A' && w[0] <= 'Z'
	}
	switch abbreviations[w] {
	case classNever, classNumber:
		return true
	case classAmbiguous:
		return more
	}
	return false
}
