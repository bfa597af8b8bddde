package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

func TestMain(m *testing.M) { graphtest.Main(m) }

// TestQueryBench runs the whole `bench queries` path at a small scale: it
// refuses a user's graph, builds the synthetic graph (and reuses it), times
// and profiles every case and materialize. Timings are not checked.
func TestQueryBench(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	spec := SyntheticGraphSpec{Seed: 7, Edges: 5000, States: 40, Years: 3, FirstYear: 2020}

	user := graph.ArticleFacts{Article: graph.ArticleNode{ID: "mine", ContentHash: "h"},
		Actors: []graph.ActorNode{{Code: "FRA", Name: "France", Country: true}}}
	if _, err := c.WriteArticle(ctx, user); err != nil {
		t.Fatal(err)
	}
	if _, err := EnsureSyntheticGraph(ctx, c, spec, BuildOptions{}); !errors.Is(err, ErrNotBenchGraph) {
		t.Fatalf("on a user's graph: %v, want ErrNotBenchGraph", err)
	}
	if n := graphtest.Counts(t, c)["Article"]; n != 1 {
		t.Fatalf("the user's article is gone after a refusal: %d articles", n)
	}

	g, err := EnsureSyntheticGraph(ctx, c, spec, BuildOptions{Force: true, BatchRelations: 2000})
	if err != nil {
		t.Fatal(err)
	}
	counts := graphtest.Counts(t, c)
	edges := int64(0)
	for _, typ := range graph.RelationTypes {
		edges += counts[typ]
	}
	if g.Reused || edges != int64(spec.Edges) || counts["Country"] != int64(spec.States) ||
		counts["Article"] != int64(g.Articles) || counts["Meeting"] != int64(g.Meetings) || counts["DiplographBench"] != 1 {
		t.Fatalf("built graph %+v: counts %v", g, counts)
	}
	if g.Picks.BusiestState == "" || g.Picks.BusiestDyad[0] >= g.Picks.BusiestDyad[1] || g.Picks.Year != 2022 {
		t.Fatalf("picks %+v", g.Picks)
	}
	again, err := EnsureSyntheticGraph(ctx, c, spec, BuildOptions{})
	if err != nil || !again.Reused || again.Picks != g.Picks {
		t.Fatalf("second run: %+v, %v; want the graph reused with the same picks", again, err)
	}

	prof, err := OpenProfiler(ctx, graphtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer prof.Close(ctx)
	cases := QueryCases(g.Picks)
	ts, err := RunQueries(ctx, c, prof, cases, QueryBenchOptions{Runs: 2, Warmup: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != len(cases) {
		t.Fatalf("%d timings for %d cases", len(ts), len(cases))
	}
	all, _ := queries.All()
	timed := map[string]bool{}
	for _, tm := range ts {
		timed[tm.Query] = true
		if tm.Runs != 2 || tm.MedianMS <= 0 || tm.Profile == nil || tm.Profile.DbHits <= 0 || len(tm.Profile.Operators) == 0 {
			t.Errorf("%s: %+v", tm.Name, tm)
		}
		if tm.Profile != nil && tm.Profile.Rows != int64(tm.Rows) {
			t.Errorf("%s: PROFILE returned %d rows, the timed runs %d", tm.Name, tm.Profile.Rows, tm.Rows)
		}
		for _, w := range tm.Profile.Warnings {
			t.Errorf("%s: %s", tm.Name, w)
		}
	}
	for _, q := range all {
		if !timed[q.Name] {
			t.Errorf("query %s is not among the bench cases", q.Name)
		}
	}
	mat, err := TimeMaterialize(ctx, c, "month", g.Picks.Year, 1, 0.5)
	if err != nil || mat.Rows == 0 || mat.Runs != 1 {
		t.Fatalf("materialize: %+v, %v", mat, err)
	}

	t.Run("rewritten queries match the originals", func(t *testing.T) { compareWithOriginals(t, c, g.Picks) })
	// With the month ALIGNMENT edges current, alliance-timeline, partners
	// and rivals read them for whole-month windows: the same rows again.
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	t.Run("rewritten queries match the originals, month edges current", func(t *testing.T) { compareWithOriginals(t, c, g.Picks) })

	other := spec
	other.Seed, other.Edges = 8, 500
	g2, err := EnsureSyntheticGraph(ctx, c, other, BuildOptions{})
	if err != nil || g2.Reused {
		t.Fatalf("another seed: %+v, %v; want a new graph", g2, err)
	}
	if n := graphtest.Counts(t, c)["Article"]; n != int64(g2.Articles) {
		t.Fatalf("%d articles after the rebuild, want %d (the old graph's are gone)", n, g2.Articles)
	}
}

// compareWithOriginals runs each query as it was before the performance
// rewrite (testdata/original) and as it is now, on the synthetic graph,
// with many parameters, and wants the same rows. Queries that choose an
// access path are run with each path forced as well. by_type lists are
// compared as sets: their order was the storage engine's and is now sorted.
func compareWithOriginals(t *testing.T, c *graph.Client, p Picks) {
	ctx := context.Background()
	year := fmt.Sprint(p.Year)
	y0, y1 := year+"-01-01", year+"-12-31"
	m0, m1 := year+"-03-01", year+"-03-31"
	a, b := p.BusiestDyad[0], p.BusiestDyad[1]
	small := p.TypicalDyad[1]
	big := "100000" // no ties cut by a limit
	params := map[string][]map[string]string{
		"alliance-timeline": {{"a": a, "b": b}, {"a": b, "b": a, "from": y0, "to": y1, "period": "quarter"},
			{"a": p.TypicalDyad[0], "b": small, "period": "year"}, {"a": a, "b": a}},
		"evidence": {{"a": a, "b": b, "from": y0, "to": y1, "limit": big}, {"a": a, "b": b, "type": "MET_WITH", "limit": big},
			{"a": p.TypicalDyad[0], "b": small, "limit": big}},
		"partners": {{"country": p.BusiestState, "from": y0, "to": y1}, {"country": p.BusiestState},
			{"country": small, "limit": "1000"}, {"country": a, "from": m0, "to": m1, "planned_factor": "1"}},
		"rivals": {{"country": p.BusiestState, "from": y0, "to": y1}, {"country": small, "limit": "1000"},
			{"country": b, "from": m0, "to": m1}},
		"timeline":         {{"country": p.BusiestState, "from": m0, "to": m1, "limit": big}, {"country": small, "limit": big}},
		"meetings":         {{"from": y0, "to": y1, "limit": big}, {"country": p.BusiestState, "limit": big}, {"country": small, "from": y0, "to": y1, "limit": big}},
		"deployments":      {{"limit": big}, {"by": p.BusiestState, "limit": big}, {"target": small, "from": y0, "to": y1, "limit": big}},
		"warnings":         {{"limit": big}, {"by": a, "target": b, "limit": big}},
		"alliance-summary": {{}, {"from": y0, "to": y1, "min_events": "3", "limit": "1000"}},
		"alliance-shifts": {{"from": y0, "to": y1}, {"period": "quarter", "threshold": "0.2", "limit": "1000"},
			{"from": y0, "to": y1, "period": "year", "min_events": "2"}},
		"network": {{"from": y0, "to": y1}, {"min_events": "5"}},
		"unbalanced-triads": {{"from": y0, "to": y1}, {"from": y0, "to": y1, "limit": "7"}, // the limit cuts
			{"from": y0, "to": y1, "min_events": "2", "limit": "1000"}, {"from": m0, "to": m1}},
	}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		src, err := os.ReadFile(filepath.Join("testdata", "original", q.Name+".cypher"))
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		orig, err := queries.Parse(q.Name+".cypher", string(src))
		if err != nil {
			t.Fatal(err)
		}
		variants := map[string]string{"as is": q.Cypher}
		const choice = "estimate < degree AS by_index"
		if strings.Contains(q.Cypher, choice) {
			variants["along relationships"] = strings.ReplaceAll(q.Cypher, choice, "false AS by_index")
			variants["through the index"] = strings.ReplaceAll(q.Cypher, choice, "true AS by_index")
		}
		ps := params[q.Name]
		if len(ps) == 0 {
			t.Errorf("%s: no parameters to compare with", q.Name)
		}
		for _, raw := range ps {
			bound, err := q.Bind(raw, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := canonical(t, c, ctx, orig.Cypher, bound)
			for name, text := range variants {
				if got := canonical(t, c, ctx, text, bound); got != want {
					t.Errorf("%s %v, %s:\n got %s\nwant %s", q.Name, raw, name, got, want)
				}
			}
		}
	}
}

// canonical runs a statement and returns its rows as sorted JSON lines,
// numbers rounded and lists of strings sorted.
func canonical(t *testing.T, c *graph.Client, ctx context.Context, text string, params map[string]any) string {
	t.Helper()
	recs, err := c.Read(ctx, graph.Statement{Name: "compare", Text: text}, params)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range recs {
		m := map[string]any{}
		for i, k := range r.Keys {
			m[k] = plainValue(r.Values[i])
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	sort.Strings(lines)
	return fmt.Sprintf("%d rows: %s", len(lines), strings.Join(lines, "\n"))
}

func plainValue(v any) any {
	switch x := v.(type) {
	case float64:
		return math.Round(x*1e6) / 1e6
	case []any:
		out := make([]any, len(x))
		strs := true
		for i, e := range x {
			out[i] = plainValue(e)
			_, ok := out[i].(string)
			strs = strs && ok
		}
		if strs {
			slices.SortFunc(out, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
		}
		return out
	case neo4j.Date:
		return x.Time().Format(time.DateOnly)
	case interface{ String() string }:
		return x.String()
	}
	return v
}
