package queries_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) { graphtest.Main(m) }

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

type ev struct {
	typ, src, tgt, modality string
	negated                 bool
}

// fixture is a small graph with known events: USA–IRN goes from talks and
// a warning (January) through sanctions (February) to an agreement (March);
// GBR is friendly with both; USA and GBR are hostile to RUS.
func fixture() []graph.ArticleFacts {
	countries := map[string]string{"USA": "United States", "IRN": "Iran", "IRQ": "Iraq", "GBR": "United Kingdom", "RUS": "Russia"}
	article := func(id, date string, evs ...ev) graph.ArticleFacts {
		f := graph.ArticleFacts{Article: graph.ArticleNode{ID: id, URL: "https://example.org/" + id, Source: "Fixture",
			Title: id, Published: day(date), ContentHash: "hash-" + id}}
		seen := map[string]bool{}
		for _, e := range evs {
			for _, code := range []string{e.src, e.tgt} {
				if !seen[code] {
					seen[code] = true
					name, ok := countries[code]
					f.Actors = append(f.Actors, graph.ActorNode{Code: code, Name: name, Country: ok, Kind: map[bool]string{false: "armed_group"}[ok]})
				}
			}
			m := e.modality
			if m == "" {
				m = "asserted"
			}
			f.Relations = append(f.Relations, graph.RelationEdge{Type: e.typ, Source: e.src, Target: e.tgt,
				Date: day(date), DatePrecision: "day", Sentence: e.src + " " + e.typ + " " + e.tgt + ".",
				Modality: m, Negated: e.negated, Confidence: 0.9, Weight: alliance.DefaultWeights[e.typ]})
		}
		return f
	}
	a1 := article("a1", "2014-01-10", ev{typ: "MET_WITH", src: "USA", tgt: "IRN"}, ev{typ: "WARNED", src: "USA", tgt: "IRN"})
	a1.Persons = []graph.PersonNode{
		{ID: "john-kerry@USA", Name: "John Kerry", Actor: "USA", Title: "secretary of state", Date: day("2014-01-10")},
		{ID: "mohammad-javad-zarif@IRN", Name: "Mohammad Javad Zarif", Actor: "IRN", Title: "foreign minister", Date: day("2014-01-10")},
	}
	a1.Actors = append(a1.Actors, graph.ActorNode{Code: "AUT", Name: "Austria", Country: true})
	a1.Places = []graph.PlaceNode{{ID: "vienna@AUT", Name: "Vienna", Country: "AUT"}}
	a1.Meetings = []graph.MeetingNode{{ID: "a1:m1", Kind: "talks", Name: "nuclear talks", Date: day("2014-01-10"),
		Place: "Vienna", PlaceID: "vienna@AUT", Participants: []string{"USA", "IRN"}, Persons: []string{"john-kerry@USA", "mohammad-javad-zarif@IRN"}}}
	a1.Relations[0].Meeting, a1.Relations[0].SourcePerson, a1.Relations[0].TargetPerson = "a1:m1", "john-kerry@USA", "mohammad-javad-zarif@IRN"
	// u1 has no published date (ingested with ingest.allow_undated): its
	// relations have none either.
	u1 := article("u1", "2014-01-01", ev{typ: "MET_WITH", src: "GBR", tgt: "IRN"}, ev{typ: "WARNED", src: "RUS", tgt: "USA"},
		ev{typ: "DEPLOYED_TO", src: "GBR", tgt: "IRQ"}, ev{typ: "ACCUSED", src: "USA", tgt: "RUS"})
	u1.Article.Published = time.Time{}
	for i := range u1.Relations {
		u1.Relations[i].Date, u1.Relations[i].DatePrecision = time.Time{}, "unknown"
	}
	return []graph.ArticleFacts{
		a1,
		article("a2", "2014-02-05", ev{typ: "SANCTIONED", src: "USA", tgt: "IRN"}, ev{typ: "MET_WITH", src: "GBR", tgt: "IRN"}),
		article("a3", "2014-03-03", ev{typ: "AGREED_WITH", src: "USA", tgt: "IRN"}, ev{typ: "DEPLOYED_TO", src: "IRN", tgt: "IRQ"},
			ev{typ: "ATTACKED", src: "ISIL", tgt: "IRQ"}, ev{typ: "DEPLOYED_TO", src: "USA", tgt: "IRQ", modality: "planned"}),
		article("a4", "2014-03-20", ev{typ: "ACCUSED", src: "GBR", tgt: "RUS"}, ev{typ: "SUPPORTED", src: "USA", tgt: "GBR"},
			ev{typ: "SANCTIONED", src: "USA", tgt: "RUS"}, ev{typ: "MET_WITH", src: "USA", tgt: "RUS", negated: true},
			ev{typ: "WARNED", src: "RUS", tgt: "GBR", modality: "planned"}),
		u1,
	}
}

// params for each query in the golden run.
var params = map[string]map[string]string{
	"alliance-summary":  {},
	"alliance-timeline": {"a": "USA", "b": "IRN"},
	"alliance-shifts":   {"from": "2014-01-01", "to": "2014-12-31"},
	"partners":          {"country": "USA", "from": "2014-03-01", "to": "2014-03-31"},
	"rivals":            {"country": "USA", "from": "2014-03-01", "to": "2014-03-31"},
	"meetings":          {"country": "IRN"},
	"deployments":       {"target": "IRQ"},
	"warnings":          {},
	"evidence":          {"a": "USA", "b": "RUS"},
	"timeline":          {"country": "GBR"},
	"network":           {"from": "2014-01-01", "to": "2014-03-31"},
	"unbalanced-triads": {},
}

func codes(s string) (string, error) { return strings.ToUpper(s), nil }

func run(t *testing.T, c *graph.Client, q queries.Query, raw map[string]string) []map[string]any {
	t.Helper()
	bound, err := q.Bind(raw, codes)
	if err != nil {
		t.Fatalf("%s: %v", q.Name, err)
	}
	recs, err := c.Read(context.Background(), graph.Statement{Name: q.Name, Text: q.Cypher}, bound)
	if err != nil {
		t.Fatalf("%s: %v", q.Name, err)
	}
	return rows(recs)
}

// rows makes records comparable: dates as strings, floats rounded.
func rows(recs []*neo4j.Record) []map[string]any {
	out := []map[string]any{}
	for _, r := range recs {
		m := map[string]any{}
		for i, k := range r.Keys {
			m[k] = plain(r.Values[i])
		}
		out = append(out, m)
	}
	return out
}

func plain(v any) any {
	switch x := v.(type) {
	case float64:
		return math.Round(x*1000) / 1000
	case []any:
		for i := range x {
			x[i] = plain(x[i])
		}
		return x
	case interface{ String() string }:
		return x.String()
	}
	return v
}

func TestQueriesGolden(t *testing.T) {
	c := graphtest.Client(t)
	if _, err := c.WriteArticles(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		t.Run(q.Name, func(t *testing.T) {
			raw, ok := params[q.Name]
			if !ok {
				t.Fatalf("no golden parameters for %s: add it to params", q.Name)
			}
			got, err := json.MarshalIndent(run(t, c, q, raw), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", q.Name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("%s differs from %s:\n%s", q.Name, path, got)
			}
		})
	}
}

// The queries that list relations show undated ones, dated "undated",
// after the dated ones (unless undated=false); the queries of periods and
// windows leave them out, and say so.
func TestQueriesListUndated(t *testing.T) {
	c := graphtest.Client(t)
	if _, err := c.WriteArticles(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	lists := map[string]int{"meetings": 1, "deployments": 1, "warnings": 1, "evidence": 2, "timeline": 2}
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		want, list := lists[q.Name]
		if !list {
			if !strings.Contains(q.Description, "relations without a date are left out") {
				t.Errorf("%s: the description does not say that undated relations are left out: %q", q.Name, q.Description)
			}
			continue
		}
		for _, undated := range []string{"true", "false"} {
			raw := maps.Clone(params[q.Name])
			raw["undated"] = undated
			got := run(t, c, q, raw)
			n := 0
			for i, row := range got {
				if row["date"] == "undated" {
					n++
					if row["article"] != "u1" {
						t.Errorf("%s: undated row %v is not from u1", q.Name, row)
					}
				} else if n > 0 {
					t.Errorf("%s: dated row %d after an undated one: %v", q.Name, i, row)
				}
			}
			if undated == "false" {
				want = 0
			}
			if n != want {
				t.Errorf("%s undated=%s: %d undated rows, want %d: %v", q.Name, undated, n, want, got)
			}
		}
	}
}

func TestQueriesEmptyGraph(t *testing.T) {
	c := graphtest.Client(t)
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if got := run(t, c, q, params[q.Name]); len(got) != 0 {
			t.Errorf("%s on an empty graph: %v", q.Name, got)
		}
	}
}

// alliance-timeline reads the month ALIGNMENT edges instead of the events
// only while a complete materialization is current; either way the rows
// are the same.
func TestAllianceTimelineMaterialized(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	if _, err := c.WriteArticles(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	q, err := queries.Get("alliance-timeline")
	if err != nil {
		t.Fatal(err)
	}
	windows := []map[string]string{
		{"a": "USA", "b": "IRN"},
		{"a": "IRN", "b": "USA", "period": "quarter"},
		{"a": "USA", "b": "IRN", "period": "year", "from": "2014-02", "to": "2014"},
		{"a": "GBR", "b": "USA", "from": "2014-03-01", "to": "2014-03-31"},
		{"a": "USA", "b": "IRN", "from": "2014-01-15", "to": "2014-03-31"}, // not whole months
		{"a": "USA", "b": "IRN", "planned_factor": "0.25"},
	}
	fromEvents := make([]string, len(windows))
	for i, w := range windows {
		fromEvents[i] = fmt.Sprint(run(t, c, q, w))
	}
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	for i, w := range windows {
		if got := fmt.Sprint(run(t, c, q, w)); got != fromEvents[i] {
			t.Errorf("%v after materializing:\n got %s\nwant %s", w, got, fromEvents[i])
		}
	}

	// Which path a window took shows when the edges are altered by hand.
	if err := c.Write(ctx, graph.Statement{Name: "tamper", Text: "MATCH ()-[al:ALIGNMENT]->() SET al.events = al.events + 1000"}, nil); err != nil {
		t.Fatal(err)
	}
	for i, w := range windows {
		readsEdges := i < 4 // whole months and the materialized planned factor
		if got := fmt.Sprint(run(t, c, q, w)); (got != fromEvents[i]) != readsEdges {
			t.Errorf("%v: reads the ALIGNMENT edges = %v, want %v", w, got != fromEvents[i], readsEdges)
		}
	}

	// An article written later makes the materialization stale: the
	// events are read again, and the new one counts.
	later := fixture()[1]
	later.Article.ID, later.Article.URL, later.Article.ContentHash = "a5", "https://example.org/a5", "hash-a5"
	later.Relations = later.Relations[:1] // USA SANCTIONED IRN, 2014-02-05
	if _, err := c.WriteArticles(ctx, []graph.ArticleFacts{later}); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(run(t, c, q, windows[0]))
	if got == fromEvents[0] || strings.Contains(got, "1001") {
		t.Fatalf("after a new article: %s", got)
	}
	if !strings.Contains(got, "SANCTIONED:2") {
		t.Errorf("after a new article the February sanctions count twice: %s", got)
	}
	// Materializing again makes the edges current: same rows as the events.
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	if again := fmt.Sprint(run(t, c, q, windows[0])); again != got {
		t.Errorf("materialized again:\n got %s\nwant %s", again, got)
	}
}

// partners and rivals read the month ALIGNMENT edges of both windows while
// a complete materialization is current and the windows are whole months;
// the rows are the same either way, organizations (ISIL) included.
func TestPartnersRivalsMaterialized(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	if _, err := c.WriteArticles(ctx, fixture()); err != nil {
		t.Fatal(err)
	}
	windows := []map[string]string{
		{"country": "USA"},
		{"country": "USA", "from": "2014-03", "to": "2014-03"},
		{"country": "USA", "from": "2014-02", "to": "2014-03"},
		{"country": "IRQ", "from": "2014", "to": "2014"},
		{"country": "GBR", "from": "2014-03-02", "to": "2014-03-31"}, // not whole months
	}
	var qs []queries.Query
	for _, name := range []string{"partners", "rivals"} {
		q, err := queries.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	fromEvents := map[string]string{}
	for _, q := range qs {
		for i, w := range windows {
			fromEvents[fmt.Sprint(q.Name, i)] = fmt.Sprint(run(t, c, q, w))
		}
	}
	if !strings.Contains(fromEvents["rivals3"], "ISIL") {
		t.Fatalf("IRQ's rivals in 2014 lack ISIL: %s", fromEvents["rivals3"])
	}
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		for i, w := range windows {
			if got := fmt.Sprint(run(t, c, q, w)); got != fromEvents[fmt.Sprint(q.Name, i)] {
				t.Errorf("%s %v after materializing:\n got %s\nwant %s", q.Name, w, got, fromEvents[fmt.Sprint(q.Name, i)])
			}
		}
	}
	if err := c.Write(ctx, graph.Statement{Name: "tamper", Text: "MATCH ()-[al:ALIGNMENT]->() SET al.events = al.events + 1000"}, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		for i, w := range windows {
			got := fmt.Sprint(run(t, c, q, w))
			if fromEvents[fmt.Sprint(q.Name, i)] == "[]" {
				continue // no rows either way: the path does not show
			}
			readsEdges := i < 4
			if (got != fromEvents[fmt.Sprint(q.Name, i)]) != readsEdges {
				t.Errorf("%s %v: reads the ALIGNMENT edges = %v, want %v (%s)", q.Name, w, !readsEdges, readsEdges, got)
			}
		}
	}
}

// The typed readers read what Neo4j returns for their queries: the
// records have exactly the reader's columns, and every value the type of
// its field.
func TestRowsReadResults(t *testing.T) {
	c := graphtest.Client(t)
	if _, err := c.WriteArticles(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	readRows(t, c, queries.AllianceTimeline)
	readRows(t, c, queries.Network)
}

func readRows[T any](t *testing.T, c *graph.Client, r queries.Rows[T]) {
	t.Helper()
	q, err := r.Query()
	if err != nil {
		t.Fatal(err)
	}
	bound, err := q.Bind(params[q.Name], codes)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := c.Read(context.Background(), graph.Statement{Name: q.Name, Text: q.Cypher}, bound)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: no rows on the fixture", q.Name)
	}
	if !slices.Equal(recs[0].Keys, r.Columns()) {
		t.Errorf("%s returns %v; its row type reads %v", q.Name, recs[0].Keys, r.Columns())
	}
	rows, err := r.Decode(recs)
	if err != nil || len(rows) != len(recs) {
		t.Errorf("%s: %d rows of %d, %v", q.Name, len(rows), len(recs), err)
	}
}
