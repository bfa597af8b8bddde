package eval

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/diplograph/diplograph/internal/sharedtest"
)

const goodGold = `{
  "article": "003",
  "published": "2014-06-16",
  "relations": [
    {"type": "MET_WITH", "source": "GBR", "target": "IRN", "evidence": "spoke by phone"},
    {"type": "DEPLOYED_TO", "source": "USA", "target_place": "Persian Gulf", "optional": true, "evidence": "arrived in the Persian Gulf"}
  ],
  "officials": [
    {"name": "William Hague", "country": "GBR", "title": "foreign secretary"}
  ],
  "meetings": [
    {"name": "phone call", "place": null, "date": "2014-06-14", "participants": ["GBR", "IRN"]}
  ]
}
`

func TestLoadGold(t *testing.T) {
	fsys := fstest.MapFS{
		"gold/003.json":    {Data: []byte(goodGold)},
		"gold/noid.json":   {Data: []byte(`{"article": "", "published": "2020-01-01", "relations": [], "officials": [], "meetings": []}`)},
		"gold/notes.txt":   {Data: []byte("not gold")},
		"gold/sub/x.json":  {Data: []byte("{broken")},
		"other/bad.json":   {Data: []byte("{broken")},
		"gold/ignored.txt": {Data: []byte("{broken")},
	}
	got, err := LoadGold(fsys, "gold")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2: %v", len(got), got)
	}
	g, ok := got["003"]
	if !ok {
		t.Fatalf("no article 003: %v", got)
	}
	if g.Published != "2014-06-16" || len(g.Relations) != 2 || len(g.Officials) != 1 || len(g.Meetings) != 1 {
		t.Errorf("bad decode: %+v", g)
	}
	r := g.Relations[1]
	if r.Target != "" || r.TargetPlace != "Persian Gulf" || !r.Optional || g.Relations[0].Optional {
		t.Errorf("bad relations: %+v", g.Relations)
	}
	m := g.Meetings[0]
	if m.Place != nil || m.Date == nil || *m.Date != "2014-06-14" || len(m.Participants) != 2 {
		t.Errorf("bad meeting: %+v", m)
	}
	if o := g.Officials[0]; o.Name != "William Hague" || o.Country != "GBR" || o.Title != "foreign secretary" {
		t.Errorf("bad official: %+v", o)
	}
	if g, ok := got["noid"]; !ok || g.Article != "noid" {
		t.Errorf("empty article field should fall back to the file name: %v", got)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	rels := func(r string) string {
		return `{"article": "a", "published": "2020-01-01", "relations": [` + r + `], "officials": [], "meetings": []}`
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string // substrings of the error
	}{
		{
			name:  "syntax error with line and column",
			files: map[string]string{"d/a.json": "{\n  \"article\": \"a\",\n  \"published\": x\n}"},
			want:  []string{"d/a.json", "line 3, column 16", "invalid character 'x'"},
		},
		{
			name:  "syntax error on the first line",
			files: map[string]string{"d/a.json": `{"article" "a"}`},
			want:  []string{"d/a.json", "line 1, column 12"},
		},
		{
			name:  "type error with line",
			files: map[string]string{"d/a.json": "{\n\"article\": \"a\",\n\"relations\": [{\"type\": \"MET_WITH\", \"optional\": \"yes\"}]}"},
			want:  []string{"d/a.json", "line 3", "optional"},
		},
		{
			name:  "truncated",
			files: map[string]string{"d/a.json": "{\n\"article\": \"a\","},
			want:  []string{"d/a.json", "line 2", "unexpected end"},
		},
		{
			name:  "trailing data",
			files: map[string]string{"d/a.json": "{}\n{}"},
			want:  []string{"d/a.json", "line 2, column 1", "after the JSON object"},
		},
		{
			name:  "unknown field",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "optinal": true, "evidence": "e"}`)},
			want:  []string{"d/a.json", "optinal"},
		},
		{
			name:  "unknown type",
			files: map[string]string{"d/a.json": rels(`{"type": "MET", "source": "USA", "target": "IRN", "evidence": "e"}`)},
			want:  []string{"d/a.json", "relation 1", `unknown relation type "MET"`},
		},
		{
			name:  "no target",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "evidence": "e"}`)},
			want:  []string{"d/a.json", "neither target nor target_place"},
		},
		{
			name:  "empty source",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "", "target": "IRN", "evidence": "e"}`)},
			want:  []string{"d/a.json", "empty source"},
		},
		{
			name: "duplicate article",
			files: map[string]string{
				"d/a.json": rels(""),
				"d/b.json": rels(""),
			},
			want: []string{"d/b.json", `article "a"`, "d/a.json"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := LoadGold(fsys, "d")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadGoldEmptyDir(t *testing.T) {
	got, err := LoadGold(fstest.MapFS{}, "nothing")
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v; want empty, nil", got, err)
	}
}

func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

// loadShared loads the seed and dev gold files.
func loadShared(t *testing.T) (seeds, dev map[string]Gold) {
	t.Helper()
	fsys := os.DirFS(sharedDir(t))
	seeds, err := LoadGold(fsys, "eval/seeds")
	if err != nil {
		t.Fatal(err)
	}
	dev, err = LoadGold(fsys, "eval/dev/gold")
	if err != nil {
		t.Fatal(err)
	}
	return seeds, dev
}

func TestSharedGold(t *testing.T) {
	seeds, dev := loadShared(t)
	if len(seeds) != 3 || len(dev) != 40 {
		t.Fatalf("loaded %d seed and %d dev gold files, want 3 and 40", len(seeds), len(dev))
	}
	for id := range dev {
		if _, ok := seeds[id]; ok {
			t.Errorf("article %s is both a seed and a dev article", id)
		}
	}

	// The shared README: the dev gold has 301 required relations, 226 of
	// them between two states. Counted by scoring with no predictions: every
	// required relation is an FN, after the same reduction and filters.
	r := Score(dev, nil, Options{})
	if got := r.AllTyped.Required; got != 301 {
		t.Errorf("dev required relations: %d, want 301", got)
	}
	if got := r.StateTyped.Required; got != 226 {
		t.Errorf("dev required state-state relations: %d, want 226", got)
	}
	if len(r.Missing) != 40 || r.StateTyped.TP != 0 {
		t.Errorf("scoring without predictions: %+v", r.StateTyped)
	}
	// Counted directly on the files as well, to check that no two required
	// relations of an article reduce to the same (type, source, target).
	var req, reqStates int
	for _, g := range dev {
		for _, rel := range g.Relations {
			if rel.Optional || rel.Target == "" {
				continue
			}
			req++
			if IsState(rel.Source) && IsState(rel.Target) {
				reqStates++
			}
		}
	}
	if req != 301 || reqStates != 226 {
		t.Errorf("raw counts: %d required, %d between states; want 301, 226", req, reqStates)
	}
}

// TestSharedGoldSelfScore scores the gold against itself (required and
// optional relations as predictions): every figure must be perfect.
func TestSharedGoldSelfScore(t *testing.T) {
	seeds, dev := loadShared(t)
	all := map[string]Gold{}
	for id, g := range seeds {
		all[id] = g
	}
	for id, g := range dev {
		all[id] = g
	}
	pred := map[string][]Predicted{}
	for id, g := range all {
		ps := []Predicted{}
		for _, r := range g.Relations {
			if r.Target == "" {
				continue
			}
			ps = append(ps, Predicted{Type: r.Type, Source: r.Source, Target: r.Target, Sentence: r.Evidence})
		}
		pred[id] = ps
	}
	r := Score(all, pred, Options{})
	for name, f := range map[string]Figure{"state_typed": r.StateTyped, "all_typed": r.AllTyped, "state_dyad": r.StateDyad, "all_dyad": r.AllDyad} {
		if f.Precision != 1 || f.Recall != 1 || f.F1 != 1 || f.FP != 0 || f.FN != 0 {
			t.Errorf("%s: %+v, want P=R=F1=1", name, f)
		}
	}
	for _, d := range r.Detail {
		if d.Kind != KindMissedOptional {
			t.Errorf("unexpected error detail %+v", d)
		}
	}
	if len(r.Detail) != 0 {
		t.Errorf("%d details, want none", len(r.Detail))
	}
	if r.AllTyped.Required <= r.StateTyped.Required || r.AllTyped.TP <= r.AllTyped.Required {
		t.Errorf("expected optional and non-state relations: %+v / %+v", r.AllTyped.Counts, r.StateTyped.Counts)
	}
}
