package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/eval"
	"github.com/diplograph/diplograph/internal/testfiles"
)

// TestEvalSets runs the eval command on the three evaluation sets of
// testdata, as text and as JSON, and logs the figures. It checks that
// every gold article was scored and that dev2, whose gold relations are
// dated, gets a date accuracy, which needs the predictions' dates. The
// regression floors of the extractor are in extract's TestGoldScores.
func TestEvalSets(t *testing.T) {
	tests := []struct {
		set      string
		articles int
		dated    bool // the gold has dates
	}{
		{set: "seeds", articles: 3},
		{set: "dev", articles: 40},
		{set: "dev2", articles: 60, dated: true},
	}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			gold, arts := testfiles.Path(t, "eval", tc.set, "gold"), testfiles.Path(t, "eval", tc.set, "articles")
			isolate(t)

			out, errOut, code := runCLI(t, "", "eval", "--gold", gold, arts, "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var r eval.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("decoding the JSON report: %v\n%s", err, out)
			}
			if r.Articles != tc.articles || len(r.Missing) != 0 || len(r.Unscored) != 0 {
				t.Errorf("%d articles scored (want %d), missing %v, unscored %v", r.Articles, tc.articles, r.Missing, r.Unscored)
			}
			if r.AllTyped.TP == 0 {
				t.Errorf("no true positive: %+v", r.AllTyped.Counts)
			}
			d := r.Dates.AllTyped
			if tc.dated && (d.Matched == 0 || d.Correct == 0) {
				t.Errorf("dev2 date accuracy %+v: the predictions carry no dates", d)
			}
			if !tc.dated && d.Matched != 0 {
				t.Errorf("date accuracy %+v on a gold without dates", d)
			}
			t.Logf("%-5s state_typed P=%.3f R=%.3f F1=%.3f | all_typed P=%.3f R=%.3f F1=%.3f | state_dyad F1=%.3f",
				tc.set, r.StateTyped.Precision, r.StateTyped.Recall, r.StateTyped.F1,
				r.AllTyped.Precision, r.AllTyped.Recall, r.AllTyped.F1, r.StateDyad.F1)
			t.Logf("%-5s date accuracy: state_typed %.3f (%d of %d), all_typed %.3f (%d of %d)", tc.set,
				r.Dates.StateTyped.Accuracy, r.Dates.StateTyped.Correct, r.Dates.StateTyped.Matched,
				d.Accuracy, d.Correct, d.Matched)

			text, errOut, code := runCLI(t, "", "eval", "--gold", gold, arts)
			if code != 0 {
				t.Fatalf("text: exit %d: %s", code, errOut)
			}
			for _, s := range []string{"state_typed", "date accuracy (state_typed): ", "date accuracy (all_typed): "} {
				if !strings.Contains(text, s) {
					t.Errorf("text report lacks %q:\n%s", s, text)
				}
			}
		})
	}
}
