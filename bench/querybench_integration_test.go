package bench

import (
	"context"
	"errors"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/queries"
)

func TestMain(m *testing.M) { graphtest.Main(m) }

// TestQueryBench runs the whole `bench queries` path at a small scale: it
// refuses a user's graph, builds the synthetic graph through the writer
// (and reuses it, and continues an interrupted build), times and profiles
// every case. Timings are not checked.
func TestQueryBench(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	spec := SyntheticGraphSpec{Seed: 7, Edges: 1000, States: 40, Years: 3, FirstYear: 2020, MultiReport: DefaultMultiReport}

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

	g, err := EnsureSyntheticGraph(ctx, c, spec, BuildOptions{Force: true, BatchArticles: 50})
	if err != nil {
		t.Fatal(err)
	}
	counts := graphtest.Counts(t, c)
	edges := int64(0)
	for _, typ := range graph.RelationTypes {
		edges += counts[typ]
	}
	// Written through the writer: every drawn report is a relation the
	// writer received. With the writer of #11, reports are (:Report) nodes
	// and events at most the drawn ones (two drawn events of a dyad may
	// fall together); before it, each report is an edge.
	if g.Reused || g.Resumed || g.Drawn.Events != spec.Edges || g.Drawn.Reports <= g.Drawn.Events || g.Events != edges ||
		counts["Article"] != int64(g.Articles) || counts["Meeting"] != int64(g.Meetings) || counts["DiplographBench"] != 1 {
		t.Fatalf("built graph %+v: counts %v", g, counts)
	}
	if g.Reports > 0 {
		if g.Reports != int64(g.Drawn.Reports) || g.Events > int64(g.Drawn.Events) || g.Events < int64(g.Drawn.Events)*9/10 || g.Aggregates == 0 {
			t.Fatalf("reports and events: %+v", g)
		}
	} else if edges != int64(g.Drawn.Reports) {
		t.Fatalf("%d relation edges, want one per drawn report (%d)", edges, g.Drawn.Reports)
	}
	if g.Picks.BusiestState == "" || g.Picks.BusiestDyad[0] >= g.Picks.BusiestDyad[1] || g.Picks.Year != 2022 {
		t.Fatalf("picks %+v", g.Picks)
	}
	again, err := EnsureSyntheticGraph(ctx, c, spec, BuildOptions{})
	if err != nil || !again.Reused || again.Picks != g.Picks || again.Events != g.Events || again.Drawn != g.Drawn {
		t.Fatalf("second run: %+v, %v; want the graph reused with the same picks", again, err)
	}

	prof, err := OpenProfiler(ctx, graphtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer prof.Close(ctx)
	cases := QueryCases(g.Picks)
	// Two targets on the one graph, as two sizes are timed together: each
	// gets its own timings of every case, the second without PROFILE.
	both, wu, err := RunQueries(ctx, []QueryTarget{{c, prof, cases}, {c, nil, cases}}, QueryBenchOptions{Runs: 2, Warmup: 1})
	if err != nil {
		t.Fatal(err)
	}
	if wu.Rounds != 1 || wu.Runs != 2*len(cases) || wu.Seconds <= 0 {
		t.Errorf("warm-up %+v, want one round of %d runs", wu, 2*len(cases))
	}
	if len(both) != 2 || len(both[1]) != len(cases) {
		t.Fatalf("%d timing lists, want 2 of %d", len(both), len(cases))
	}
	for i, tm := range both[1] {
		if tm.Name != cases[i].Name || tm.Runs != 2 || tm.Profile != nil || tm.Rows != both[0][i].Rows {
			t.Errorf("second target, %s: %+v; want 2 runs, no profile, %d rows as on the first", cases[i].Name, tm, both[0][i].Rows)
		}
	}
	ts := both[0]
	if len(ts) != len(cases) {
		t.Fatalf("%d timings for %d cases", len(ts), len(cases))
	}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	timed := map[string]bool{}
	rows := 0
	for _, tm := range ts {
		timed[tm.Query] = true
		rows += tm.Rows
		if tm.Runs != 2 || tm.MedianMS <= 0 || tm.Profile == nil || tm.Profile.DbHits <= 0 || len(tm.Profile.Operators) == 0 || len(tm.Profile.Plan) == 0 {
			t.Errorf("%s: %+v", tm.Name, tm)
			continue
		}
		if tm.Profile.Rows != int64(tm.Rows) {
			t.Errorf("%s: PROFILE returned %d rows, the timed runs %d", tm.Name, tm.Profile.Rows, tm.Rows)
		}
		for _, w := range tm.Profile.Warnings {
			t.Errorf("%s: %s", tm.Name, w)
		}
	}
	if rows == 0 {
		t.Error("no query returned a row on the synthetic graph")
	}
	for _, q := range all {
		if !timed[q.Name] {
			t.Errorf("query %s is not among the bench cases", q.Name)
		}
	}

	// An interrupted build of another spec: its first batches are in the
	// graph, the marker incomplete. The next run continues it.
	other := spec
	other.Seed, other.Edges = 8, 500
	ctx2, cancel := context.WithCancel(ctx)
	n := 0
	_, err = EnsureSyntheticGraph(ctx2, c, other, BuildOptions{BatchArticles: 20, Progress: progressFunc(func() {
		if n++; n == 2 {
			cancel()
		}
	})})
	cancel()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted build: %v, want context.Canceled", err)
	}
	g2, err := EnsureSyntheticGraph(ctx, c, other, BuildOptions{})
	if err != nil || g2.Reused || !g2.Resumed {
		t.Fatalf("after an interrupted build: %+v, %v; want it continued", g2, err)
	}
	if n := graphtest.Counts(t, c)["Article"]; n != int64(g2.Articles) {
		t.Fatalf("%d articles after the continued build, want %d (the old graph's are gone)", n, g2.Articles)
	}
	fresh, err := EnsureSyntheticGraph(ctx, c, other, BuildOptions{Rebuild: true})
	if err != nil || fresh.Reused || fresh.Resumed || fresh.Events != g2.Events || fresh.Reports != g2.Reports || fresh.Nodes != g2.Nodes {
		t.Fatalf("rebuilt: %+v, %v; want the same graph as the continued build %+v", fresh, err, g2)
	}
}

// progressFunc calls f on each progress line.
type progressFunc func()

func (f progressFunc) Write(p []byte) (int, error) { f(); return len(p), nil }
