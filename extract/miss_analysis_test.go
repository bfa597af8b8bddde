package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/article"
)

// TestMissAnalysis sorts the required state-to-state gold relations the
// extractor misses into two kinds, for error analysis: those whose
// evidence sentence holds a trigger of the relation's type (an argument
// was not found) and those without one (no trigger for the word used).
// Run it on a set directory:
//
//	MISS_SET=$PWD/testdata/eval/dev2 go test ./extract -run TestMissAnalysis -v
func TestMissAnalysis(t *testing.T) {
	dir := os.Getenv("MISS_SET")
	if dir == "" {
		t.Skip()
	}
	x0 := testExtractor(t)
	x := *x0
	hits := map[string][]string{}
	x.traceTrigger = func(s, trig string) { hits[s] = append(hits[s], trig) }
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	trig, notrig := 0, 0
	for _, f := range files {
		fh, _ := os.Open(f)
		a, err := article.ParseFile(f, fh, article.ParseOptions{})
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		r := x.Extract(a)
		got := map[string]bool{}
		for _, rel := range r.Relations {
			s, tg := rel.SourceActor, rel.TargetActor
			got[rel.Type+s+tg] = true
			got[rel.Type+tg+s+"sym"] = true
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		var g struct {
			Relations []struct {
				Type, Source, Target, Evidence string
				Optional                       bool
			}
		}
		b, _ := os.ReadFile(filepath.Join(dir, "gold", id+".json"))
		json.Unmarshal(b, &g)
		for _, gr := range g.Relations {
			if gr.Optional || len(gr.Source) != 3 || len(gr.Target) != 3 {
				continue
			}
			if got[gr.Type+gr.Source+gr.Target] || (gr.Type == "MET_WITH" || gr.Type == "AGREED_WITH") && got[gr.Type+gr.Source+gr.Target+"sym"] {
				continue
			}
			ev := strings.Split(gr.Evidence, "...")[0]
			ev = strings.TrimSpace(ev)
			found := ""
			for s, h := range hits {
				if strings.Contains(s, ev[:min(len(ev), 40)]) {
					for _, x := range h {
						if strings.HasPrefix(x, gr.Type) {
							found = x
						}
					}
				}
			}
			if found != "" {
				trig++
				t.Logf("TRIG %s %s %s->%s [%s] %q", id, gr.Type, gr.Source, gr.Target, found, gr.Evidence)
			} else {
				notrig++
				t.Logf("NOTRIG %s %s %s->%s %q", id, gr.Type, gr.Source, gr.Target, gr.Evidence)
			}
		}
	}
	t.Logf("missed with a trigger of the type in the sentence: %d; without: %d", trig, notrig)
}
