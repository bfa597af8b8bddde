package eval

import (
	"maps"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/diplograph/diplograph/internal/testfiles"
	"github.com/diplograph/diplograph/relation"
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
			name:  "month 13",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "2019-13", "evidence": "e"}`)},
			want:  []string{"d/a.json", "relation 1", `date "2019-13"`},
		},
		{
			name:  "no such day",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "2019-02-30", "evidence": "e"}`)},
			want:  []string{"d/a.json", `date "2019-02-30"`},
		},
		{
			name:  "date with a time",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "2019-05-12T10:00:00Z", "evidence": "e"}`)},
			want:  []string{"d/a.json", "YYYY, YYYY-MM or YYYY-MM-DD"},
		},
		{
			name:  "date without leading zeros",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "2019-5-1", "evidence": "e"}`)},
			want:  []string{"d/a.json", `date "2019-5-1"`},
		},
		{
			name:  "date as words",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "last week", "evidence": "e"}`)},
			want:  []string{"d/a.json", `date "last week"`},
		},
		{
			name:  "second relation",
			files: map[string]string{"d/a.json": rels(`{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "2019", "evidence": "e"}, {"type": "WARNED", "source": "USA", "target": "IRN", "date": "19", "evidence": "e"}`)},
			want:  []string{"d/a.json", "relation 2", `date "19"`},
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

// TestLoadGoldFields checks the fields the annotation guide allows beyond
// the required ones: date (three precisions), note and target_place decode,
// and a field the reader does not know is ignored rather than an error.
func TestLoadGoldFields(t *testing.T) {
	tests := []struct {
		name string
		rel  string
		want GoldRelation
	}{
		{
			name: "day",
			rel:  `{"type": "MET_WITH", "source": "USA", "target": "IRN", "date": "2019-05-12", "evidence": "e"}`,
			want: GoldRelation{Type: relation.MetWith, Source: "USA", Target: "IRN", Date: "2019-05-12", Evidence: "e"},
		},
		{
			name: "month and note",
			rel:  `{"type": "WARNED", "source": "USA", "target": "IRN", "date": "2019-05", "note": "addressee implied", "optional": true, "evidence": "e"}`,
			want: GoldRelation{Type: relation.Warned, Source: "USA", Target: "IRN", Date: "2019-05", Note: "addressee implied", Optional: true, Evidence: "e"},
		},
		{
			name: "year and target_place",
			rel:  `{"type": "DEPLOYED_TO", "source": "USA", "target_place": "South China Sea", "date": "2016", "optional": true, "evidence": "e"}`,
			want: GoldRelation{Type: relation.DeployedTo, Source: "USA", TargetPlace: "South China Sea", Date: "2016", Optional: true, Evidence: "e"},
		},
		{
			name: "unknown field ignored",
			rel:  `{"type": "ACCUSED", "source": "IRN", "target": "USA", "optinal": true, "annotator": {"id": 2}, "evidence": "e"}`,
			want: GoldRelation{Type: relation.Accused, Source: "IRN", Target: "USA", Evidence: "e"},
		},
		{
			name: "no date",
			rel:  `{"type": "AIDED", "source": "USA", "target": "UKR", "evidence": "e"}`,
			want: GoldRelation{Type: relation.Aided, Source: "USA", Target: "UKR", Evidence: "e"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := `{"article": "a", "published": "2020-01-01", "reviewed": true, "relations": [` + tc.rel + `], "officials": [], "meetings": []}`
			got, err := LoadGold(fstest.MapFS{"d/a.json": {Data: []byte(data)}}, "d")
			if err != nil {
				t.Fatal(err)
			}
			rels := got["a"].Relations
			if len(rels) != 1 || rels[0] != tc.want {
				t.Errorf("got %+v, want %+v", rels, tc.want)
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

// loadSet loads the gold of one evaluation set of the module's testdata
// ("seeds", "dev" or "dev2").
func loadSet(t *testing.T, set string) map[string]Gold {
	t.Helper()
	g, err := LoadGold(os.DirFS(testfiles.Path(t, "eval", set, "gold")), ".")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestGoldSets checks the gold of the three evaluation sets against the
// counts testdata/README.md gives (articles, required relations, required
// relations between two states, relations with a date), and that no
// article is in two sets.
func TestGoldSets(t *testing.T) {
	tests := []struct {
		set                      string
		articles, req, reqStates int
		dated                    int // relations with a date
	}{
		{set: "seeds", articles: 3, req: 14, reqStates: 12},
		{set: "dev", articles: 40, req: 301, reqStates: 226},
		{set: "dev2", articles: 60, req: 232, reqStates: 198, dated: 487},
	}
	seen := map[string]string{}
	for _, tc := range tests {
		t.Run(tc.set, func(t *testing.T) {
			gold := loadSet(t, tc.set)
			if len(gold) != tc.articles {
				t.Fatalf("loaded %d gold files, want %d", len(gold), tc.articles)
			}
			for id := range gold {
				if other, ok := seen[id]; ok {
					t.Errorf("article %s is in both %s and %s", id, other, tc.set)
				}
				seen[id] = tc.set
			}
			// Counted by scoring with no predictions: every required
			// relation is an FN, after the same reduction and filters.
			r := Score(gold, nil, Options{})
			if len(r.Missing) != tc.articles || r.StateTyped.TP != 0 {
				t.Errorf("scoring without predictions: %+v", r.StateTyped)
			}
			// Counted directly on the files as well, to check that no two
			// required relations of an article reduce to the same (type,
			// source, target).
			var req, reqStates, dated int
			for _, g := range gold {
				for _, rel := range g.Relations {
					if rel.Date != "" {
						dated++
					}
					if rel.Optional || rel.Target == "" {
						continue
					}
					req++
					if IsState(rel.Source) && IsState(rel.Target) {
						reqStates++
					}
				}
			}
			if r.AllTyped.Required != tc.req || r.StateTyped.Required != tc.reqStates {
				t.Errorf("scored: %d required, %d between states; want %d, %d", r.AllTyped.Required, r.StateTyped.Required, tc.req, tc.reqStates)
			}
			if req != tc.req || reqStates != tc.reqStates {
				t.Errorf("raw counts: %d required, %d between states; want %d, %d", req, reqStates, tc.req, tc.reqStates)
			}
			if dated != tc.dated {
				t.Errorf("%d relations with a date, want %d", dated, tc.dated)
			}
		})
	}
}

// TestGoldSetsSelfScore scores the gold of the three sets against itself
// (required and optional relations as predictions, with their dates): every
// figure and the date accuracy must be perfect.
func TestGoldSetsSelfScore(t *testing.T) {
	all := map[string]Gold{}
	for _, set := range []string{"seeds", "dev", "dev2"} {
		maps.Copy(all, loadSet(t, set))
	}
	pred := map[string][]Predicted{}
	for id, g := range all {
		ps := []Predicted{}
		for _, r := range g.Relations {
			if r.Target == "" {
				continue
			}
			ps = append(ps, Predicted{Type: r.Type, Source: r.Source, Target: r.Target, Sentence: r.Evidence, Date: r.Date})
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
	for name, d := range map[string]DateAccuracy{"state_typed": r.Dates.StateTyped, "all_typed": r.Dates.AllTyped} {
		if d.Matched == 0 || d.Correct != d.Matched || d.Accuracy != 1 {
			t.Errorf("%s date accuracy: %+v, want all correct", name, d)
		}
	}
}
