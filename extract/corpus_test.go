package extract

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/segment"
	"github.com/diplograph/diplograph/relation"
)

func loadVOA(t testing.TB) []article.Article {
	t.Helper()
	path := testdataPath(t, "corpus", "voa", "voa_stories.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := article.NewJSONLReader(path, f, article.ParseOptions{})
	var out []article.Article
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		t.Fatal("empty corpus")
	}
	return out
}

// TestCorpusInvariants runs the extractor over the VOA corpus and checks
// that offsets slice the text, relations join two different actors with
// valid types, and the result survives a JSON round trip.
func TestCorpusInvariants(t *testing.T) {
	x := testExtractor(t)
	types := map[string]bool{}
	for _, ty := range relation.Types {
		types[ty] = true
	}
	rels := 0
	for _, a := range loadVOA(t) {
		r := x.Extract(a)
		ids := map[string]bool{}
		for _, e := range r.Entities {
			if ids[e.ID] {
				t.Errorf("%s: duplicate entity id %s", a.ID, e.ID)
			}
			ids[e.ID] = true
			for _, m := range e.Mentions {
				if m[0] < 0 || m[1] > len(a.Text) || m[0] > m[1] {
					t.Errorf("%s: mention %v of %s out of range", a.ID, m, e.ID)
				}
			}
		}
		for _, rel := range r.Relations {
			rels++
			if !types[rel.Type] {
				t.Errorf("%s: bad type %q", a.ID, rel.Type)
			}
			if rel.SourceActor == rel.TargetActor || rel.Source == rel.Target {
				t.Errorf("%s: relation with itself: %+v", a.ID, rel)
			}
			if !ids[rel.Source] || !ids[rel.Target] {
				t.Errorf("%s: relation ends are not entities: %s %s", a.ID, rel.Source, rel.Target)
			}
			if rel.Meeting != "" && !ids[rel.Meeting] {
				t.Errorf("%s: unknown meeting %s", a.ID, rel.Meeting)
			}
			if rel.Span[0] < 0 || rel.Span[1] > len(a.Text) || rel.Span[0] >= rel.Span[1] || a.Text[rel.Span[0]:rel.Span[1]] != rel.Sentence {
				t.Errorf("%s: bad span %v", a.ID, rel.Span)
			}
			if rel.Modality != Asserted && rel.Modality != Planned && rel.Modality != Hypothetical {
				t.Errorf("%s: bad modality %q", a.ID, rel.Modality)
			}
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Errorf("%s: JSON round trip differs", a.ID)
		}
	}
	t.Logf("%d relations", rels)
}

// TestGarbage feeds odd inputs; the extractor must not panic.
func TestGarbage(t *testing.T) {
	x := testExtractor(t)
	for _, s := range []string{"", " ", "\x00\xff\xfe", "Iran", "Iran accused", "accused Iran", "\u201cIran\u201d \u2014 accused\u2026 \u00a0Iraq",
		"Mr", "Mr.", "He he he.", "between and", "talks between", "The US ambassador to", ", , , ;;; Iran,"} {
		r := x.Extract(article.Article{ID: "g", Text: s})
		for _, rel := range r.Relations {
			if rel.Span[1] > len(s) {
				t.Errorf("%q: span out of range", s)
			}
		}
	}
	var nilX *Extractor
	nilX.Extract(article.Article{Text: "Iran accused Iraq."})
}

// BenchmarkExtract extracts the VOA corpus; it reports bytes/s and
// sentences/s.
func BenchmarkExtract(b *testing.B) {
	arts := loadVOA(b)
	x := testExtractor(b)
	var size, sents int
	for _, a := range arts {
		size += len(a.Text)
		norm, _ := segment.Normalize(a.Text)
		sents += len(segment.Sentences(norm))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
