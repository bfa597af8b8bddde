package segment

import (
	"strings"
	"unicode/utf8"
)

// OffsetMap translates byte offsets in the text returned by [Normalize]
// back to byte offsets in the original text. The zero value is the
// identity map.
type OffsetMap struct {
	normLen int
	// bps lists the points where the difference between original and
	// normalized offsets changes, in increasing order of norm.
	bps []breakpoint
}

type breakpoint struct{ norm, orig int }

// Identity reports whether the map translates every offset to itself.
func (m OffsetMap) Identity() bool { return len(m.bps) == 0 }

// Orig returns the byte offset in the original text of byte offset i in
// the normalized text. For i < len(norm) it is the offset of (the part
// of) the original character that produced norm[i]; Orig(len(norm)) is
// len(original). Characters removed by normalization are thus attributed
// to the following character: a span [s, e) of norm maps to the span
// [Orig(s), Orig(e)) of the original, which includes any removed
// characters at its end. Orig is non-decreasing. Out-of-range offsets are
// clamped to [0, len(norm)] (for the identity map, only negative ones).
func (m OffsetMap) Orig(i int) int {
	if i < 0 {
		i = 0
	}
	if len(m.bps) == 0 {
		return i
	}
	if i > m.normLen {
		i = m.normLen
	}
	// Find the last breakpoint with norm <= i.
	lo, hi := 0, len(m.bps)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if m.bps[h].norm <= i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo == 0 {
		return i
	}
	bp := m.bps[lo-1]
	return bp.orig + (i - bp.norm)
}

// Normalize folds typographic variants in text to plain ASCII:
//
//   - curly and other single quotes and apostrophes (‘ ’ ‚ ‛ ′ ʼ) to ',
//   - curly and other double quotes (“ ” „ ‟ ″ « ») to ",
//   - hyphens, en and em dashes, the minus sign and similar (‐ ‑ ‒ – — ― −)
//     to -,
//   - no-break and other Unicode spaces (U+00A0, U+2000–U+200A, U+202F,
//     U+205F, U+3000, ...) to a space,
//   - the line and paragraph separators U+2028, U+2029 and U+0085 to \n,
//   - the ellipsis … to "...",
//
// and removes soft hyphens (U+00AD) and zero-width characters (U+200B
// ZWSP, U+200C ZWNJ, U+200D ZWJ, U+2060 word joiner, U+FEFF BOM, U+180E).
// Everything else, including invalid UTF-8, is copied unchanged.
//
// When the text is hard-wrapped (lines of about the same width that break
// sentences, as in e-mail or press releases), Normalize then rejoins the
// lines of each paragraph: a line break between two lines of a paragraph,
// with the blanks around it, becomes one space, or disappears after a
// hyphen ("U.S.-" and "led" on the next line give "U.S.-led"). Blank
// lines, headings, list items and short lines such as titles keep their
// line breaks, and text with one paragraph per line is left alone. The
// package documentation gives the rules.
//
// offs translates offsets in norm back to text. When nothing needs to
// change, Normalize returns text itself and the identity map without
// allocating.
func Normalize(text string) (norm string, offs OffsetMap) {
	norm, offs = fold(text)
	return unwrap(text, norm, offs)
}

// fold is Normalize without the rejoining of hard-wrapped lines.
func fold(text string) (norm string, offs OffsetMap) {
	i := firstChange(text)
	if i < 0 {
		return text, OffsetMap{}
	}
	var b strings.Builder
	b.Grow(len(text))
	b.WriteString(text[:i])
	var bps []breakpoint
	for i < len(text) {
		if text[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf {
				j++
			}
			b.WriteString(text[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		repl, ok := replacement(r)
		if !ok || size == 1 {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		b.WriteString(repl)
		i += size
		if len(repl) != size {
			// From here on, norm offset b.Len() corresponds to orig i.
			n := b.Len()
			if k := len(bps) - 1; k >= 0 && bps[k].norm == n {
				bps[k].orig = i
			} else {
				bps = append(bps, breakpoint{norm: n, orig: i})
			}
		}
	}
	norm = b.String()
	return norm, OffsetMap{normLen: len(norm), bps: bps}
}

// firstChange returns the offset of the first character Normalize
// changes, or -1.
func firstChange(text string) int {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if size > 1 {
			if _, ok := replacement(r); ok {
				return i
			}
		}
		i += size
	}
	return -1
}

// replacement returns the normalized form of a non-ASCII rune; ok is
// false when the rune is kept as is. An empty repl means removal.
func replacement(r rune) (repl string, ok bool) {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\uFF07':
		return "'", true
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02':
		return `"`, true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return "-", true
	case '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
		'\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000':
		return " ", true
	case '\u2028', '\u2029', '\u0085':
		return "\n", true
	case '\u2026':
		return "...", true
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u180E':
		return "", true
	}
	return "", false
}
