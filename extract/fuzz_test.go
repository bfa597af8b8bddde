package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/segment"
)

// FuzzExtract runs the whole extraction on any text: it must not panic,
// and what it returns must point into the text. The Extractor is loaded
// once, and each input costs time linear in its length.
//
// The seeds are short (a paragraph of each seed article, each hostile
// shape at 200 bytes): the fuzzer minimizes every input that finds new
// coverage by running it again without each byte in turn, which takes
// seconds for a whole article, and the fuzz stage would show 0 execs/s
// while it does.
func FuzzExtract(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join(testdataPath(f, "seeds"), "*.txt"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			continue
		}
		for _, p := range strings.Split(string(b), "\n") {
			if len(p) > 100 && len(p) <= 400 {
				f.Add(p)
				break
			}
		}
	}
	for _, sh := range hostileShapes {
		f.Add(strings.Repeat(sh.unit, max(1, 200/len(sh.unit))))
	}
	x := testExtractor(f)
	pub := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		r := x.Extract(article.Article{ID: "f", Text: text, Published: pub, PublishedPrecision: article.PrecisionDay})
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if m[0] < 0 || m[0] > m[1] || m[1] > len(text) {
					t.Fatalf("entity %s: mention %v outside the text (%d bytes)", e.ID, m, len(text))
				}
			}
		}
		for _, rel := range r.Relations {
			if rel.Span[0] < 0 || rel.Span[0] > rel.Span[1] || rel.Span[1] > len(text) {
				t.Fatalf("relation %s: span %v outside the text (%d bytes)", rel.Type, rel.Span, len(text))
			}
			if n := len(segment.Tokens(rel.Sentence, segment.Span{Start: 0, End: len(rel.Sentence)})); n > maxSentenceTokens+1 {
				t.Fatalf("relation %s: sentence of %d tokens", rel.Type, n)
			}
		}
	})
}
