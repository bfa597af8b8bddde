package evalcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/eval"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/cmdutil/cmdtest"
	"github.com/diplograph/diplograph/internal/testfiles"
	"github.com/diplograph/diplograph/relation"
)

// options score paths against the gold in dir with the built-in extractor.
func options(t *testing.T, gold, format string, paths ...string) (*Options, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	return &Options{
		Out: &out, ErrOut: &errOut,
		SourceOptions: func(string) (ingest.SourceOptions, error) { return ingest.SourceOptions{}, nil },
		Extractor: func() (*extract.Extractor, *lexicon.Lexicon, error) {
			x, err := extract.Load(nil, extract.Options{})
			return x, nil, err
		},
		Gold:   gold,
		Format: format,
		Paths:  paths,
	}, &out, &errOut
}

// The seed set scored as JSON and as text with --detail; an unreadable
// input is reported and makes the run partial (exit 5), after the report.
// (The figures of all three sets are checked through the CLI in
// cmd/diplograph's TestEvalSets, their floors in extract's TestGoldScores.)
func TestRun(t *testing.T) {
	gold, arts := testfiles.Path(t, "eval", "seeds", "gold"), testfiles.Path(t, "eval", "seeds", "articles")

	o, out, _ := options(t, gold, "json", arts)
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var r eval.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if r.Articles != 3 || r.AllTyped.TP == 0 {
		t.Errorf("%d articles scored, %d true positives", r.Articles, r.AllTyped.TP)
	}

	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("---\nid: [\n---\nx\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	o, out, errOut := options(t, gold, "text", arts, bad)
	o.Detail = true
	err := run(context.Background(), o)
	if cmdutil.Classify(err) != cmdutil.ExitPartial || err.Error() != "1 of 4 inputs failed" {
		t.Errorf("got %v, want 1 of 4 inputs failed (exit 5)", err)
	}
	if !strings.Contains(errOut.String(), bad+":3: ") {
		t.Errorf("stderr does not name the unreadable file:\n%s", errOut.String())
	}
	for _, want := range []string{"3 gold articles scored\n", "  state_typed ", "details: errors of all_typed"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}
}

// Usage errors (exit 2): no --gold, a wrong --format, both found before
// anything is read, and a gold file that does not parse.
func TestUsageErrors(t *testing.T) {
	badGold := t.TempDir()
	if err := os.WriteFile(filepath.Join(badGold, "a.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, gold, format string
		reads              bool
	}{
		{"no gold", "", "text", false},
		{"format", "g", "csv", false},
		{"gold does not parse", badGold, "text", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, _, _ := options(t, tt.gold, tt.format, "x")
			if !tt.reads {
				o.SourceOptions = func(string) (ingest.SourceOptions, error) {
					t.Fatal("reading options built")
					return ingest.SourceOptions{}, nil
				}
			}
			if code := cmdutil.Classify(run(context.Background(), o)); code != cmdutil.ExitUsage {
				t.Errorf("exit %d, want %d", code, cmdutil.ExitUsage)
			}
		})
	}
}

// parse runs the command on args and returns the Options it would run with.
func parse(t *testing.T, args ...string) *Options {
	t.Helper()
	return cmdtest.Parse(t, nil, NewCmd, args...)
}

func TestFlags(t *testing.T) {
	if o := parse(t, "a", "b"); o.Gold != "" || o.Detail || o.Format != "text" || strings.Join(o.Paths, " ") != "a b" {
		t.Errorf("defaults: %+v", o)
	}
	if o := parse(t, "--gold", "g", "--detail", "--format", "json", "a"); o.Gold != "g" || !o.Detail || o.Format != "json" || strings.Join(o.Paths, " ") != "a" {
		t.Errorf("--gold g --detail --format json a: %+v", o)
	}
}

func TestPredictions(t *testing.T) {
	tests := []struct {
		name string
		rel  extract.Relation
		want eval.Predicted
	}{
		{
			name: "dated",
			rel: extract.Relation{Type: relation.MetWith, SourceActor: "GBR", TargetActor: "IRN", Date: "2014-06-14",
				DatePrecision: extract.PrecDay, Sentence: "Hague spoke to Zarif."},
			want: eval.Predicted{Type: relation.MetWith, Source: "GBR", Target: "IRN", Date: "2014-06-14", Sentence: "Hague spoke to Zarif."},
		},
		{
			name: "background",
			rel: extract.Relation{Type: relation.Sanctioned, SourceActor: "USA", TargetActor: "IRN", Date: "1979",
				Background: true, Sentence: "ties were cut in 1979"},
			want: eval.Predicted{Type: relation.Sanctioned, Source: "USA", Target: "IRN", Date: "1979", Background: true, Sentence: "ties were cut in 1979"},
		},
		{
			name: "negated, no date",
			rel:  extract.Relation{Type: relation.MetWith, SourceActor: "USA", TargetActor: "IRN", Negated: true},
			want: eval.Predicted{Type: relation.MetWith, Source: "USA", Target: "IRN", Negated: true},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := predictions(extract.Result{Relations: []extract.Relation{tc.rel}})
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}
