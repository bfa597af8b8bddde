package segment

import (
	"strings"
	"testing"
)

func corpusStats(b *testing.B) ([]string, int, int) {
	texts := voaTexts(b)
	size, sents := 0, 0
	for _, t := range texts {
		size += len(t)
		sents += len(Sentences(t))
	}
	return texts, size, sents
}

// BenchmarkSentences splits every VOA story per iteration ("voa"), and
// degenerate inputs of 256 KB and 1 MB: linear time shows as the same
// MB/s at both sizes.
func BenchmarkSentences(b *testing.B) {
	b.Run("voa", func(b *testing.B) {
		texts, size, sents := corpusStats(b)
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var buf []Span
		for b.Loop() {
			for _, t := range texts {
				buf = AppendSentences(buf[:0], t)
			}
		}
		b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	})
	var buf []Span
	benchDegenerate(b, func(text string) { buf = AppendSentences(buf[:0], text) })
}

// BenchmarkSentencesAlloc is BenchmarkSentences with a fresh result slice
// per story, as returned by Sentences.
func BenchmarkSentencesAlloc(b *testing.B) {
	texts, size, sents := corpusStats(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			_ = Sentences(t)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkNormalize normalizes every VOA story (most need changes), and
// degenerate inputs of 256 KB and 1 MB.
func BenchmarkNormalize(b *testing.B) {
	b.Run("voa", func(b *testing.B) {
		texts, size, _ := corpusStats(b)
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				_, _ = Normalize(t)
			}
		}
	})
	benchDegenerate(b, func(text string) { _, _ = Normalize(text) })
}

// BenchmarkTokens tokenizes degenerate inputs of 256 KB and 1 MB as one
// span.
func BenchmarkTokens(b *testing.B) {
	var buf []Token
	benchDegenerate(b, func(text string) { buf = AppendTokens(buf[:0], text, Span{0, len(text)}) })
}

// BenchmarkPipeline normalizes, splits and tokenizes every VOA story.
func BenchmarkPipeline(b *testing.B) {
	texts, size, sents := corpusStats(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var spans []Span
	var toks []Token
	for b.Loop() {
		for _, t := range texts {
			norm, _ := Normalize(t)
			spans = AppendSentences(spans[:0], norm)
			for _, s := range spans {
				toks = AppendTokens(toks[:0], norm, s)
			}
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// degenerate are repeated patterns that could make the splitter, the
// normalizer or the tokenizer quadratic: runs of punctuation, quotes,
// dashes, brackets, abbreviations, invalid UTF-8, and lines (empty, short,
// and hard-wrapped ones that Normalize rejoins).
var degenerate = []struct{ name, unit string }{
	{"periods", "."}, {"period-space", ". "}, {"a-period", "a."}, {"US", "U.S. "},
	{"quotes", "'"}, {"a-quote", "a'"}, {"dquotes", "\""}, {"hyphens", "-"}, {"a-hyphen", "a-"},
	{"ellipses", "\u2026 "}, {"parens", "("}, {"paren-dash", "( -"}, {"nbsp", "\u00a0"},
	{"numbers", "1,1"}, {"initials", "A.B."}, {"bad-utf8", "\xe2"},
	{"newlines", "\n"}, {"short-lines", "a\n"},
	{"wrapped-lines", "the two ministers met in Baghdad and agreed to reopen the U.S.-\n"},
}

// degenerateSizes are the sizes of the degenerate benchmarks.
var degenerateSizes = []struct {
	name string
	n    int
}{{"256KB", 256 << 10}, {"1MB", 1 << 20}}

// benchDegenerate runs f as a sub-benchmark on each degenerate pattern at
// each size.
func benchDegenerate(b *testing.B, f func(text string)) {
	for _, d := range degenerate {
		for _, sz := range degenerateSizes {
			b.Run(d.name+"/"+sz.name, func(b *testing.B) {
				text := strings.Repeat(d.unit, sz.n/len(d.unit))
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					f(text)
				}
			})
		}
	}
}

// TestDegenerate checks the invariants of Normalize, Sentences and Tokens
// on the degenerate inputs (at 64 KB; the benchmarks time them).
func TestDegenerate(t *testing.T) {
	for _, d := range degenerate {
		text := strings.Repeat(d.unit, (64<<10)/len(d.unit))
		norm, offs := Normalize(text)
		checkNormOffsets(t, text, norm, offs)
		for _, s := range []string{text, norm} {
			spans := Sentences(s)
			checkSpans(t, s, spans)
			for _, sp := range spans {
				for _, tok := range Tokens(s, sp) {
					if tok.Start < sp.Start || tok.End > sp.End || tok.End <= tok.Start {
						t.Fatalf("%s: token %v outside sentence %v", d.name, tok, sp)
					}
				}
			}
		}
	}
}
