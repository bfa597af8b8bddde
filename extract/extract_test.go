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

// TestGoldScores extracts the seeds and the dev set, scores them with
// eval.Score and fails below floors set just under the current scores.
// EXTRACT_DETAIL=1 prints every error.
func TestGoldScores(t *testing.T) {
	x := testExtractor(t)
	sg, sp, _ := loadSet(t, x, testdataPath(t, "eval", "seeds", "articles"), testdataPath(t, "eval", "seeds", "gold"))
	dg, dp, _ := loadSet(t, x, testdataPath(t, "eval", "dev", "articles"), testdataPath(t, "eval", "dev", "gold"))
	seeds := eval.Score(sg, sp, eval.Options{})
	dev := eval.Score(dg, dp, eval.Options{})
	bg := map[string]eval.Gold{}
	bp := map[string][]eval.Predicted{}
	for k, v := range sg {
		bg[k] = v
	}
	for k, v := range dg {
		bg[k] = v
	}
	for k, v := range sp {
		bp[k] = v
	}
	for k, v := range dp {
		bp[k] = v
	}
	both := eval.Score(bg, bp, eval.Options{})
	logFigures(t, "seeds", seeds)
	logFigures(t, "dev", dev)
	logFigures(t, "both", both)
	if os.Getenv("EXTRACT_DETAIL") != "" {
		var b strings.Builder
		both.WriteText(&b, true)
		t.Log("\n" + b.String())
	}
	floors := []struct {
		name string
		got  float64
		min  float64
	}{
		{"both state_typed precision", both.StateTyped.Precision, floorStatePrecision},
		{"both state_typed F1", both.StateTyped.F1, floorStateF1},
		{"both all_typed F1", both.AllTyped.F1, floorAllF1},
		{"both state_dyad F1", both.StateDyad.F1, floorDyadF1},
	}
	for _, f := range floors {
		if f.got < f.min {
			t.Errorf("%s = %.3f, below the floor %.3f", f.name, f.got, f.min)
		}
	}
}

// Regression floors, just under the scores reached (see TestGoldScores).
const (
	floorStatePrecision = 0.975
	floorStateF1        = 0.75
	floorAllF1          = 0.70
	floorDyadF1         = 0.875
)

// predictions reduces an extraction to the form eval.Score takes.
func predictions(r Result) []eval.Predicted {
	out := make([]eval.Predicted, 0, len(r.Relations))
	for _, rel := range r.Relations {
		out = append(out, eval.Predicted{Type: rel.Type, Source: rel.SourceActor, Target: rel.TargetActor, Negated: rel.Negated,
			Sentence: rel.Sentence, Date: rel.Date, Background: rel.Background})
	}
	return out
}
