package queries_test

import (
	"context"
	"encoding/json"
	"flag"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
	"github.com/diplograph/diplograph/relation"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) { graphtest.Main(m) }

// statement reads a .cypher file of testdata.
func statement(t *testing.T, name string) graph.Statement {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".cypher"))
	if err != nil {
		t.Fatal(err)
	}
	return graph.Statement{Name: name, Text: string(b)}
}

// fixture is a database holding testdata/events.cypher: reports, events
// and ALIGNMENT aggregates in the model of docs/events.md (see the file),
// and the SHIFT markers computed from them.
func fixture(t *testing.T) *graph.Client {
	t.Helper()
	c := graphtest.Client(t)
	if err := c.Write(context.Background(), statement(t, "events"), nil); err != nil {
		t.Fatal(err)
	}
	// The SHIFT markers the writer would keep for these aggregates.
	if err := c.RebuildShifts(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

// params for each query in the golden run.
var params = map[string]map[string]string{
	"alliance-summary":  {},
	"alliance-timeline": {"a": "USA", "b": "IRN"},
	"alliance-shifts":   {"from": "2014-01-01", "to": "2014-12-31"},
	"partners":          {"country": "USA", "from": "2014-04-01", "to": "2014-04-30"},
	"rivals":            {"country": "USA", "from": "2014-04-01", "to": "2014-04-30"},
	"meetings":          {"country": "IRN"},
	"deployments":       {"target": "IRQ"},
	"warnings":          {},
	"evidence":          {"a": "USA", "b": "IRN"},
	"timeline":          {"country": "GBR"},
	"network":           {"from": "2014-01-01", "to": "2014-04-30"},
	"unbalanced-triads": {},
}

func codes(s string) (string, error) { return strings.ToUpper(s), nil }

func run(t *testing.T, c *graph.Client, q queries.Query, raw map[string]string) []map[string]any {
	t.Helper()
	bound, err := q.Bind(maps.Clone(raw), codes)
	if err != nil {
		t.Fatalf("%s: %v", q.Name, err)
	}
	recs, err := c.Read(context.Background(), graph.Statement{Name: q.Name, Text: q.Cypher}, bound)
	if err != nil {
		t.Fatalf("%s: %v", q.Name, err)
	}
	return rows(recs)
}

func get(t *testing.T, name string) queries.Query {
	t.Helper()
	q, err := queries.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return q
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
	case map[string]any:
		for k := range x {
			x[k] = plain(x[k])
		}
		return x
	case interface{ String() string }:
		return x.String()
	}
	return v
}

// The fixture is what the writer will make: its aggregates and year
// totals equal a recomputation from its events, and every event has its
// reports.
func TestFixtureConsistent(t *testing.T) {
	c := fixture(t)
	ctx := context.Background()
	lines := func(name string) []string {
		recs, err := c.Read(ctx, statement(t, name), map[string]any{"types": relation.Types})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, r.Values[0].(string))
		}
		slices.Sort(out)
		return out
	}
	want, got := lines("recompute"), lines("aggregates")
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("aggregates differ from the events:\n got %q\nwant %q", got, want)
	}
}

func TestQueriesGolden(t *testing.T) {
	c := fixture(t)
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

// The queries that list events show undated ones, dated "undated", after
// the dated ones (unless undated=false); the queries of periods and
// windows leave them out, and say so.
func TestQueriesListUndated(t *testing.T) {
	c := fixture(t)
	lists := map[string]int{"meetings": 1, "deployments": 1, "warnings": 1, "evidence": 2, "timeline": 2}
	listParams := map[string]map[string]string{"evidence": {"a": "USA", "b": "RUS"}}
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
			if p, ok := listParams[q.Name]; ok {
				raw = maps.Clone(p)
			}
			raw["undated"] = undated
			got := run(t, c, q, raw)
			n := 0
			for i, row := range got {
				if row["precision"] == nil {
					t.Errorf("%s: row %d has no precision: %v", q.Name, i, row)
				}
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

// column is the values of col in rows, keyed by key.
func column(rows []map[string]any, key, col string) map[string]any {
	out := map[string]any{}
	for _, r := range rows {
		out[r[key].(string)] = r[col]
	}
	return out
}

// The scores come from $weights and $planned_factor: other weights give
// other scores, from the same aggregates.
func TestWeightsChangeScores(t *testing.T) {
	c := fixture(t)
	timeline := get(t, "alliance-timeline")
	tests := []struct {
		name string
		raw  map[string]string
		want map[string]any // alignment by period
	}{
		{"defaults", map[string]string{}, map[string]any{"2014-01": -0.231, "2014-02": -1.0, "2014-04": 1.0, "2014-06": -1.0, "2014": -1.0}},
		// MET_WITH 10 against WARNED -4 in January: (10-4)/14.
		{"meetings weigh more", map[string]string{"weights": "MET_WITH:10,WARNED:-4,SANCTIONED:-6,AGREED_WITH:4"},
			map[string]any{"2014-01": 0.429, "2014-02": -1.0, "2014-04": 1.0, "2014-06": -1.0, "2014": -1.0}},
		// A type the weights leave out weighs 0: no score, index 0.
		{"only meetings", map[string]string{"weights": "MET_WITH:1"},
			map[string]any{"2014-01": 1.0, "2014-02": 0.0, "2014-04": 0.0, "2014-06": 0.0, "2014": 0.0}},
	}
	for _, tt := range tests {
		raw := map[string]string{"a": "USA", "b": "IRN"}
		maps.Copy(raw, tt.raw)
		got := column(run(t, c, timeline, raw), "period", "alignment")
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: alignment by period %v, want %v", tt.name, got, tt.want)
		}
	}

	// The planned factor scales planned events: RUS's planned warning of GBR.
	network := get(t, "network")
	for _, tt := range []struct {
		factor string
		want   float64
	}{{"0.5", -5}, {"1", -7}, {"0", -3}} {
		var net any
		for _, r := range run(t, c, network, map[string]string{"planned_factor": tt.factor}) {
			if r["a"] == "GBR" && r["b"] == "RUS" {
				net = r["net"]
			}
		}
		if net != tt.want {
			t.Errorf("planned_factor %s: GBR-RUS net %v, want %v", tt.factor, net, tt.want)
		}
	}
}

// min_events hides the index of thin periods (not their counts); rolling
// takes the index over the last N periods, empty ones included.
func TestTimelineMinEventsRolling(t *testing.T) {
	c := fixture(t)
	q := get(t, "alliance-timeline")
	tests := []struct {
		raw       map[string]string
		alignment map[string]any
	}{
		{map[string]string{"min_events": "2"}, map[string]any{"2014-01": -0.231, "2014-02": nil, "2014-04": nil, "2014-06": nil, "2014": nil}},
		// February with January: (2.5 - 10) / 12.5; April with an empty March.
		{map[string]string{"rolling": "2"}, map[string]any{"2014-01": -0.231, "2014-02": -0.6, "2014-04": 1.0, "2014-06": -1.0, "2014": -1.0}},
		// April with February and March: (4 - 6) / 10; June with April.
		{map[string]string{"rolling": "3"}, map[string]any{"2014-01": -0.231, "2014-02": -0.6, "2014-04": -0.2, "2014-06": 0.0, "2014": -1.0}},
		{map[string]string{"rolling": "0"}, map[string]any{"2014-01": -0.231, "2014-02": -1.0, "2014-04": 1.0, "2014-06": -1.0, "2014": -1.0}},
		{map[string]string{"rolling": "2", "min_events": "3"}, map[string]any{"2014-01": nil, "2014-02": -0.6, "2014-04": nil, "2014-06": nil, "2014": nil}},
		// Quarters: Q1 = January and February; the year row stays apart.
		{map[string]string{"period": "quarter"}, map[string]any{"2014-Q1": -0.6, "2014-Q2": 0.0, "2014": -1.0}},
		// Years: the months of 2014 and the year aggregate in one row.
		{map[string]string{"period": "year"}, map[string]any{"2014": -0.509}},
	}
	for _, tt := range tests {
		raw := map[string]string{"a": "IRN", "b": "USA"}
		maps.Copy(raw, tt.raw)
		got := run(t, c, q, raw)
		if a := column(got, "period", "alignment"); !maps.Equal(a, tt.alignment) {
			t.Errorf("%v: alignment by period %v, want %v", tt.raw, a, tt.alignment)
		}
		for _, r := range got {
			if r["events"].(int64) == 0 {
				t.Errorf("%v: a row without events: %v", tt.raw, r)
			}
			if want := map[bool]string{true: "year", false: cmpOr(tt.raw["period"], "month")}[len(r["period"].(string)) == 4]; r["precision"] != want {
				t.Errorf("%v: period %v has precision %v, want %s", tt.raw, r["period"], r["precision"], want)
			}
		}
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// alliance-shifts compares adjacent periods; an empty period between two
// active ones shows as gap, and the year-precision period is compared with
// year-precision periods only.
func TestShiftsGap(t *testing.T) {
	c := fixture(t)
	got := run(t, c, get(t, "alliance-shifts"), map[string]string{"threshold": "0.5"})
	var pairs []string
	for _, r := range got {
		if r["a"] == "IRN" && r["b"] == "USA" {
			pairs = append(pairs, r["period_before"].(string)+">"+r["period_after"].(string)+" gap "+
				strings.TrimSpace(strings.Repeat("|", int(r["gap"].(int64))))+" "+r["precision"].(string))
		}
	}
	slices.Sort(pairs)
	want := []string{"2014-01>2014-02 gap  month", "2014-02>2014-04 gap | month", "2014-04>2014-06 gap | month"}
	if !slices.Equal(pairs, want) {
		t.Errorf("IRN-USA shifts %q, want %q (%v)", pairs, want, got)
	}
}

// by_type is a map of relation types to event counts, planned events
// included, negated and hypothetical ones not.
func TestByTypeIsMap(t *testing.T) {
	c := fixture(t)
	for _, tt := range []struct {
		query string
		raw   map[string]string
		col   string
	}{
		{"alliance-timeline", map[string]string{"a": "USA", "b": "IRN", "from": "2014-01", "to": "2014-01"}, "by_type"},
		{"alliance-summary", map[string]string{"from": "2014-01", "to": "2014-01"}, "by_type"},
		{"network", map[string]string{"from": "2014-01", "to": "2014-01"}, "by_type"},
		{"rivals", map[string]string{"country": "IRN", "from": "2014-01", "to": "2014-01"}, "by_type"},
	} {
		got := run(t, c, get(t, tt.query), tt.raw)
		found := false
		for _, r := range got {
			m, ok := r[tt.col].(map[string]any)
			if !ok {
				t.Fatalf("%s: %s is %T, want a map", tt.query, tt.col, r[tt.col])
			}
			// The sanctions dated to 2014 only: not in a window of January
			// (it does not hold the whole year); the timeline shows them in
			// a row of precision year.
			sanctions := int64(0)
			if r["precision"] == "year" {
				continue
			}
			if r["a"] == "IRN" && r["b"] == "USA" || r["rival"] == "USA" || tt.query == "alliance-timeline" {
				found = true
				if m["MET_WITH"] != int64(1) || m["WARNED"] != int64(1) || m["SANCTIONED"] != sanctions || len(m) != 11 {
					t.Errorf("%s: IRN-USA in January by_type %v, want MET_WITH 1, WARNED 1, SANCTIONED %d", tt.query, m, sanctions)
				}
			}
		}
		if !found {
			t.Errorf("%s: no IRN-USA row: %v", tt.query, got)
		}
	}
	// Planned events count in by_type; the negated meeting of RUS and USA does not.
	for _, r := range run(t, c, get(t, "alliance-summary"), nil) {
		m := r["by_type"].(map[string]any)
		switch r["a"].(string) + "-" + r["b"].(string) {
		case "GBR-RUS":
			if m["WARNED"] != int64(1) || m["ACCUSED"] != int64(1) || r["events"] != int64(2) {
				t.Errorf("GBR-RUS: %v", r)
			}
		case "RUS-USA":
			if m["MET_WITH"] != int64(0) || r["events"] != int64(1) {
				t.Errorf("RUS-USA: %v", r)
			}
		}
	}
}

// A query with a limit returns total, the number of rows before the cut:
// a cut shows as total > the rows returned.
func TestLimitCutDetectable(t *testing.T) {
	c := fixture(t)
	cut := map[string]map[string]string{
		// Warnings and sanctions reweighed: GBR-IRN-USA and GBR-RUS-USA unbalanced.
		"unbalanced-triads": {"weights": "MET_WITH:2.5,WARNED:-20,SANCTIONED:6,AGREED_WITH:4,ACCUSED:-3,SUPPORTED:5"},
		"partners":          {"country": "GBR"},
		"rivals":            {"country": "USA"},
	}
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if !slices.ContainsFunc(q.Params, func(p queries.Param) bool { return p.Name == "limit" }) {
			continue
		}
		raw := maps.Clone(params[q.Name])
		if p, ok := cut[q.Name]; ok {
			raw = maps.Clone(p)
		}
		all := run(t, c, q, raw)
		for _, r := range all {
			if r["total"] != int64(len(all)) {
				t.Errorf("%s: uncut total %v, want %d", q.Name, r["total"], len(all))
			}
		}
		if len(all) < 2 {
			t.Errorf("%s: %d rows: the test needs 2 to cut", q.Name, len(all))
			continue
		}
		raw["limit"] = "1"
		got := run(t, c, q, raw)
		if len(got) != 1 || got[0]["total"] != int64(len(all)) {
			t.Errorf("%s limit 1: %v, want 1 row with total %d", q.Name, got, len(all))
		}
		if !strings.Contains(q.Description+strings.Join(paramHelps(q), " "), "total") {
			t.Errorf("%s: the header does not say what total is", q.Name)
		}
	}
}

func paramHelps(q queries.Query) []string {
	var hs []string
	for _, p := range q.Params {
		hs = append(hs, p.Help)
	}
	return hs
}

// The typed readers read what Neo4j returns for their queries: the
// records have exactly the reader's columns, and every value the type of
// its field.
func TestRowsReadResults(t *testing.T) {
	c := fixture(t)
	readRows(t, c, queries.AllianceTimeline, map[string]string{"min_events": "2"})
	readRows(t, c, queries.Network, nil)
}

func readRows[T any](t *testing.T, c *graph.Client, r queries.Rows[T], extra map[string]string) {
	t.Helper()
	q, err := r.Query()
	if err != nil {
		t.Fatal(err)
	}
	raw := maps.Clone(params[q.Name])
	maps.Copy(raw, extra)
	bound, err := q.Bind(raw, codes)
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
