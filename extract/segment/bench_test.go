package segment

import (
	"strings"
	"testing"
	"time"
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

// BenchmarkSentences splits every VOA story per iteration.
func BenchmarkSentences(b *testing.B) {
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

// BenchmarkNormalize normalizes every VOA story (most need changes).
func BenchmarkNormalize(b *testing.B) {
	texts, size, _ := corpusStats(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			_, _ = Normalize(t)
		}
	}
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

// TestLinearTime guards against quadratic behaviour on degenerate input:
// for each repeated pattern, processing 1 MB must cost about four times
// what 256 KB costs, not sixteen times. It compares the best of three runs
// of each size, a ratio, so a loaded machine does not make it fail.
func TestLinearTime(t *testing.T) {
	run := func(text string) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			_, _ = Normalize(text)
			for _, s := range Sentences(text) {
				_ = Tokens(text, s)
			}
			_ = Tokens(text, Span{0, len(text)})
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, unit := range []string{".", ". ", "a.", "U.S. ", "'", "a'", "-", "a-", "\u2026 ", "(", "( -", "\u00a0", "\"", "1,1", "A.B.", "\xe2"} {
		small := run(strings.Repeat(unit, (1<<18)/len(unit)))
		large := run(strings.Repeat(unit, (1<<20)/len(unit)))
		if ratio := float64(large) / float64(max(small, time.Microsecond)); ratio > 9 && large > 50*time.Millisecond {
			t.Errorf("%q: 1 MB takes %v, 256 KB %v: %.1f times as long for 4 times the input (quadratic?)", unit, large, small, ratio)
		}
	}
}
