package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// maxSeed is the most bytes of an article that addSeeds adds. The fuzzer
// minimizes each input that finds new coverage by running it again
// without each byte, then without each run of bytes, for up to a minute
// (-fuzzminimizetime); for a whole article that takes the whole minute,
// during which the fuzz stage shows 0 execs/s. Short seeds keep it short.
const maxSeed = 1024

// seedOf returns the beginning of text, up to maxSeed bytes, cut after a
// line when it has to be cut.
func seedOf(text string) string {
	if len(text) <= maxSeed {
		return text
	}
	if k := strings.LastIndexByte(text[:maxSeed], '\n'); k > 0 {
		return text[:k+1]
	}
	return text[:maxSeed]
}

// addSeeds adds the beginnings (seedOf) of the seed articles of
// testdata/seeds and of the hard-wrapped articles, and some tricky inline
// cases, to the fuzz corpus.
func addSeeds(f *testing.F) {
	if dir, err := os.Getwd(); err == nil {
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				names, _ := filepath.Glob(filepath.Join(dir, "testdata", "seeds", "*.txt"))
				for _, n := range names {
					if b, err := os.ReadFile(n); err == nil {
						f.Add(seedOf(string(b)))
					}
				}
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
			dir = filepath.Dir(dir)
		}
	}
	// The hard-wrapped articles.
	names, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(seedOf(string(b)))
		}
	}
	for _, s := range []string{
		"", ".", "...", "U.S. The", "Mr. X. Y? \"Z!\" (a) - b", "a.\n.b", "\u2026 \u2026\u201d \u2019s",
		"WASHINGTON \u2014 Talks. (AP) \u2014 x", "\xe2\x80", "\xc2", "a. \xe2\x80\xa8b", "x.\u00a0\u00adY",
		"Iraq\u2019s 1,000.5 U.S.-led H.W. e.g. No. 5.", "\ufeff \u200b. \u3000",
	} {
		f.Add(s)
	}
}

func FuzzSentences(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		prev := 0
		for k, s := range spans {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %d %v out of order, empty or out of bounds (prev %d, len %d)", k, s, prev, len(text))
			}
			sent := text[s.Start:s.End]
			if strings.TrimSpace(sent) != sent {
				t.Fatalf("span %d %q not trimmed", k, sent)
			}
			if strings.ContainsAny(sent, "\n\r") {
				t.Fatalf("span %d %q contains a line break", k, sent)
			}
			// Nothing but white space is left between sentences.
			if gap := text[prev:s.Start]; !onlyInvisible(gap) {
				t.Fatalf("text %q between sentences dropped", gap)
			}
			prev = s.End
			for _, tok := range Tokens(text, s) {
				if tok.Start < s.Start || tok.End > s.End || tok.End <= tok.Start {
					t.Fatalf("token %v outside span %v", tok, s)
				}
			}
		}
		if gap := text[prev:]; !onlyInvisible(gap) {
			t.Fatalf("text %q after the last sentence dropped", gap)
		}
		// Tokens are in order and non-overlapping.
		toks := Tokens(text, Span{0, len(text)})
		p := 0
		for _, tok := range toks {
			if tok.Start < p || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("bad token %v after %d", tok, p)
			}
			p = tok.End
		}
	})
}

// onlyInvisible reports whether text consists of white space and
// invisible characters only.
func onlyInvisible(text string) bool {
	for k := 0; k < len(text); {
		if w := spaceWidth(text, k); w > 0 {
			k += w
			continue
		}
		if isLineBreak(text, k) {
			k += map[byte]int{'\n': 1, '\r': 1, 0xC2: 2, 0xE2: 3}[text[k]]
			continue
		}
		return false
	}
	return true
}

func FuzzNormalize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		norm, offs := Normalize(text)
		if norm == text && !offs.Identity() {
			t.Fatalf("unchanged text with a non-identity map")
		}
		checkNormOffsets(t, text, norm, offs)
		// Spans of the normalized text map to spans of the original.
		for _, s := range Sentences(norm) {
			a, b := offs.Orig(s.Start), offs.Orig(s.End)
			if a > b || b > len(text) {
				t.Fatalf("span %v maps to [%d,%d)", s, a, b)
			}
		}
		// Normalizing valid UTF-8 is idempotent. (Removing a character
		// between two invalid fragments may join them into a character
		// that a second pass would change.)
		if !utf8.ValidString(text) {
			return
		}
		if again, o2 := Normalize(norm); again != norm || !o2.Identity() {
			t.Fatalf("Normalize not idempotent: %q -> %q", norm, again)
		}
	})
}
