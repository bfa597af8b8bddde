package extract

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/eval"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/internal/testfiles"
)

// testdataPath returns the path of testdata/elem... under the module root
// (the test fails when it is missing).
func testdataPath(t testing.TB, elem ...string) string { return testfiles.Path(t, elem...) }

var (
	testXOnce sync.Once
	testX     *Extractor
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	testXOnce.Do(func() {
		lex, err := lexicon.Default()
		if err != nil {
			t.Fatal(err)
		}
		x, err := Load(lex, Options{})
		if err != nil {
			t.Fatal(err)
		}
		testX = x
	})
	if testX == nil {
		t.Fatal("no extractor")
	}
	return testX
}

// loadSet extracts every article of dir/*.txt and loads the gold of
// goldDir.
func loadSet(t *testing.T, x *Extractor, artDir, goldDir string) (map[string]eval.Gold, map[string][]eval.Predicted, map[string]Result) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(artDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", artDir, err)
	}
	pred := map[string][]eval.Predicted{}
	results := map[string]Result{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.ParseFile(f, fh, article.ParseOptions{})
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		r := x.Extract(a)
		pred[a.ID] = predictions(r)
		results[a.ID] = r
	}
	gold, err := eval.LoadGold(os.DirFS(goldDir), ".")
	if err != nil {
		t.Fatal(err)
	}
	return gold, pred, results
}

func logFigures(t *testing.T, name string, r eval.Report) {
	t.Helper()
	f := func(x eval.Figure) string {
		return strings.TrimSpace(
			"P=" + ff(x.Precision) + " R=" + ff(x.Recall) + " F1=" + ff(x.F1))
	}
	t.Logf("%-5s state_typed %s | all_typed %s | state_dyad %s", name, f(r.StateTyped), f(r.AllTyped), f(r.StateDyad))
}

func ff(v float64) string {
	s := []byte("0.000")
	n := int(v*1000 + 0.5)
	if n >= 1000 {
		return "1.000"
	}
	s[2] = byte('0' + n/100)
	s[3] = byte('0' + n/10%10)
	s[4] = byte('0' + n%10)
	return string(s)
}

// TestGoldScores extracts the seeds, the dev set (the set rules are built
// against) and the dev2 set (the check set, never tuned on), scores each
// with eval.Score and fails below regression floors set under the scores
// reached. EXTRACT_DETAIL=1 prints every error.
func TestGoldScores(t *testing.T) {
	x := testExtractor(t)
	floors := []struct {
		set                 string
		precision, f1, dyad float64
	}{
		{"seeds", 0.90, 0.85, 0.85},
		{"dev", 0.93, 0.73, 0.86},
		{"dev2", 0.85, 0.44, 0.60},
	}
	for _, f := range floors {
		g, p, _ := loadSet(t, x, testdataPath(t, "eval", f.set, "articles"), testdataPath(t, "eval", f.set, "gold"))
		r := eval.Score(g, p, eval.Options{})
		logFigures(t, f.set, r)
		if os.Getenv("EXTRACT_DETAIL") != "" {
			var b strings.Builder
			r.WriteText(&b, true)
			t.Log("\n" + b.String())
		}
		for _, c := range []struct {
			name     string
			got, min float64
		}{
			{"state_typed precision", r.StateTyped.Precision, f.precision},
			{"state_typed F1", r.StateTyped.F1, f.f1},
			{"state_dyad F1", r.StateDyad.F1, f.dyad},
		} {
			if c.got < c.min {
				t.Errorf("%s %s = %.3f, below the floor %.3f", f.set, c.name, c.got, c.min)
			}
		}
	}
}

// predictions reduces an extraction to the form eval.Score takes.
func predictions(r Result) []eval.Predicted {
	out := make([]eval.Predicted, 0, len(r.Relations))
	for _, rel := range r.Relations {
		out = append(out, eval.Predicted{Type: rel.Type, Source: rel.SourceActor, Target: rel.TargetActor, Negated: rel.Negated,
			Sentence: rel.Sentence, Date: rel.Date, Background: rel.Background})
	}
	return out
}
