package benchcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/bench"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// QueriesOptions are the dependencies and flags of `bench queries`.
type QueriesOptions struct {
	Factory         *cmdutil.Factory
	Spec            bench.SyntheticGraphSpec
	Runs, Warmup    int
	MaterializeRuns int
	Rebuild, Force  bool
	JSON, Profile   bool
	Heap, PageCache string
}

// NewCmdQueries is `bench queries`; runF (nil = runQueries) runs it.
func NewCmdQueries(f *cmdutil.Factory, runF func(context.Context, *QueriesOptions) error) *cobra.Command {
	o := &QueriesOptions{Factory: f, Spec: bench.DefaultSyntheticGraphSpec()}
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "Time the predefined queries and materialize on a synthetic 1M-edge graph",
		Long: `Build a synthetic graph (by default a million relation edges among 200
states over twenty years, drawn from --seed: a few states and dyads far more
active than the rest, alliances that flip over time, articles, meetings and
officials, in the shape the writer gives them), then time every predefined
query with parameters picked from it (the busiest dyad and state, the last
year): --warmup untimed runs, then --runs timed ones, reported as median,
p90 and range, against the targets. Each query is also run once under
PROFILE: db hits and operators are shown, and scans an index could serve are
flagged (--profile prints whole plans). The queries read the events: a
record of a complete materialization is dropped first. Then 'alliances
materialize --period month' is timed for the last year, all months are
materialized once (timed), and alliance-timeline, partners and rivals are
timed again, now reading the month ALIGNMENT edges (--materialize-runs 0
skips all three).

With no neo4j.uri configured, the graph lives in its own local Neo4j home,
local.home + "-bench", on free ports, with --heap and --pagecache, and is
stopped afterwards: your graph is never touched. The graph is kept and reused
by later runs with the same size and seed (a (:DiplographBench) node records
them); --rebuild builds it again. A configured database that holds anything
else (articles you ingested) is refused unless --force, which DELETES it.`,
		Example: `  diplograph bench queries
  diplograph bench queries --json > bench.json
  diplograph bench queries --edges 100000 --runs 5 --profile`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runQueries(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.Spec.Edges, "edges", o.Spec.Edges, "relation edges in the synthetic graph")
	fl.IntVar(&o.Spec.States, "states", o.Spec.States, "states in the synthetic graph")
	fl.IntVar(&o.Spec.Years, "years", o.Spec.Years, "years the events span")
	fl.Int64Var(&o.Spec.Seed, "seed", o.Spec.Seed, "seed of the synthetic graph")
	fl.IntVar(&o.Runs, "runs", 9, "timed runs per query")
	fl.IntVar(&o.Warmup, "warmup", 1, "untimed runs per query before the timed ones")
	fl.IntVar(&o.MaterializeRuns, "materialize-runs", 3, "timed runs of materialize (0 = skip it)")
	fl.BoolVar(&o.Rebuild, "rebuild", false, "build the synthetic graph even if the database holds it already")
	fl.BoolVar(&o.Force, "force", false, "DELETE whatever the configured database holds if it is not a bench graph")
	fl.BoolVar(&o.JSON, "json", false, "print the result as JSON")
	fl.BoolVar(&o.Profile, "profile", false, "print each query's whole PROFILE plan")
	fl.StringVar(&o.Heap, "heap", "1g", "heap of the bench's local Neo4j (not used with neo4j.uri)")
	fl.StringVar(&o.PageCache, "pagecache", "1g", "page cache of the bench's local Neo4j (not used with neo4j.uri)")
	return cmd
}

func runQueries(ctx context.Context, o *QueriesOptions) error {
	a := o.Factory
	if o.Runs < 1 {
		return cmdutil.Usagef("--runs %d: want at least 1", o.Runs)
	}
	if o.Warmup < 0 {
		return cmdutil.Usagef("--warmup %d: want 0 or more", o.Warmup)
	}
	planned := a.Config.Alliance.PlannedFactor
	c, gc, where, cleanup, err := benchGraph(ctx, a, o)
	if err != nil {
		return err
	}
	defer cleanup()

	g, err := bench.EnsureSyntheticGraph(ctx, c, o.Spec, bench.BuildOptions{Rebuild: o.Rebuild, Force: o.Force, Progress: a.Progress()})
	if errors.Is(err, bench.ErrNotBenchGraph) {
		fmt.Fprintf(a.ErrOut, "\nWARNING: %s holds data that `bench queries` did not write. It is left alone.\n"+
			"Leave neo4j.uri unset to bench in a separate local home, or pass --force to DELETE that data.\n\n", where)
		return cmdutil.UsageError{Err: err}
	}
	if err != nil {
		return err
	}
	prof, err := bench.OpenProfiler(ctx, gc)
	if err != nil {
		return err
	}
	defer prof.Close(context.Background())
	warmup := o.Warmup
	if warmup == 0 {
		warmup = -1 // bench.QueryBenchOptions: 0 means the default
	}
	// The events first: a complete materialization left by an earlier run
	// would let alliance-timeline read ALIGNMENT edges instead.
	if err := c.ForgetMaterialized(ctx, "month"); err != nil {
		return err
	}
	timings, err := bench.RunQueries(ctx, c, prof, bench.QueryCases(g.Picks),
		bench.QueryBenchOptions{Runs: o.Runs, Warmup: warmup, Progress: a.Progress()})
	if err != nil {
		return err
	}
	var mat *bench.Timing
	if o.MaterializeRuns > 0 {
		fmt.Fprintf(a.Progress(), "bench: materialize --period month for %d ...\n", g.Picks.Year)
		t, err := bench.TimeMaterialize(ctx, c, "month", g.Picks.Year, o.MaterializeRuns, planned)
		if err != nil {
			return err
		}
		mat = &t
		// Then a complete materialization, and the queries it serves again.
		fmt.Fprintf(a.Progress(), "bench: materialize --period month, all years ...\n")
		all, err := bench.TimeMaterializeAll(ctx, c, "month", planned)
		if err != nil {
			return err
		}
		more, err := bench.RunQueries(ctx, c, prof, bench.MaterializedCases(g.Picks),
			bench.QueryBenchOptions{Runs: o.Runs, Warmup: warmup, Progress: a.Progress()})
		if err != nil {
			return err
		}
		timings = append(append(timings, all), more...)
	}
	load := bench.LoadAverage()
	if o.JSON {
		return cmdutil.WriteJSON(a.Out, map[string]any{
			"graph": g, "database": where, "queries": timings, "materialize": mat, "load_average": load,
		})
	}
	return writeBenchQueries(a.Out, g, where, timings, mat, load, o.Profile)
}

func writeBenchQueries(w io.Writer, g bench.SyntheticGraph, where string, ts []bench.Timing, mat *bench.Timing, load string, full bool) error {
	s := g.Spec
	how := "reused"
	if !g.Reused {
		how = fmt.Sprintf("built in %.0fs", g.BuildSeconds)
	}
	fmt.Fprintf(w, "bench queries: %d relation edges among %d states, %d-%d, seed %d (%s): %d nodes, %d relationships, %d articles\n",
		s.Edges, s.States, s.FirstYear, s.LastYear(), s.Seed, how, g.Nodes, g.Relationships, g.Articles)
	fmt.Fprintf(w, "database: %s; load average %s\n", where, load)
	p := g.Picks
	fmt.Fprintf(w, "picks: busiest dyad %s-%s (%d events), top-10 dyad %s-%s (%d), typical dyad %s-%s (%d), busiest state %s (%d), year %d\n\n",
		p.BusiestDyad[0], p.BusiestDyad[1], p.BusiestDyadEvents, p.Top10Dyad[0], p.Top10Dyad[1], p.Top10DyadEvents,
		p.TypicalDyad[0], p.TypicalDyad[1], p.TypicalDyadEvents, p.BusiestState, p.BusiestStateEvents, p.Year)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "QUERY\tMEDIAN ms\tP90 ms\tMIN-MAX ms\tRUNS\tTARGET ms\tSTATUS\tROWS\tDB HITS")
	all := ts
	if mat != nil {
		all = append(append([]bench.Timing(nil), ts...), *mat)
	}
	for _, t := range all {
		target, hits := "-", "-"
		if t.TargetMS > 0 {
			target = fmt.Sprintf("%.0f", t.TargetMS)
		}
		if t.Profile != nil {
			hits = fmt.Sprint(t.Profile.DbHits)
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f-%.1f\t%d\t%s\t%s\t%d\t%s\n", t.Name, t.MedianMS, t.P90MS, t.MinMS, t.MaxMS, t.Runs, target, t.Status, t.Rows, hits)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if mat != nil {
		fmt.Fprintln(w, "(materialize: ROWS = ALIGNMENT edges written)")
	}
	fmt.Fprintln(w, "\nPROFILE")
	for _, t := range ts {
		if t.Profile == nil {
			continue
		}
		fmt.Fprintf(w, "%s: %d db hits, %d rows; %s\n", t.Name, t.Profile.DbHits, t.Profile.Rows, strings.Join(t.Profile.Operators, " "))
		for _, warn := range t.Profile.Warnings {
			fmt.Fprintf(w, "  WARNING: %s\n", warn)
		}
		if full {
			for _, line := range t.Profile.Plan {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	return nil
}

// benchGraph opens the database the query benchmark uses: the configured
// neo4j.uri, or else a local server in its own home (local.home + "-bench",
// sharing the assembled distribution, on free ports) that the returned
// cleanup stops. A bench server left running by an interrupted run is
// stopped and started again, on new ports.
func benchGraph(ctx context.Context, a *cmdutil.Factory, o *QueriesOptions) (*graph.Client, graph.Config, string, func(), error) {
	gc, err := a.Config.Graph()
	if err != nil {
		return nil, gc, "", nil, cmdutil.UsageError{Err: err}
	}
	if gc.URI != "" {
		c, err := a.Connect(ctx, true)
		if err != nil {
			return nil, gc, "", nil, err
		}
		return c, gc, gc.URI, func() { c.Close(context.Background()) }, nil
	}
	opt, err := a.Config.LocalServer(a.Progress())
	if err != nil {
		return nil, gc, "", nil, cmdutil.UsageError{Err: err}
	}
	opt.Dist, opt.Home, opt.Password = opt.Home, opt.Home+"-bench", ""
	opt.Heap, opt.PageCache = o.Heap, o.PageCache
	// Free ports; a bench server left running is stopped first; a killed
	// bench leaves no server behind (DieWithParent). The home is kept.
	fmt.Fprintf(a.Progress(), "bench: starting a local Neo4j in %s (heap %s, page cache %s)\n", opt.Home, opt.Heap, opt.PageCache)
	srv, err := localserver.StartThrowaway(ctx, localserver.ThrowawayOptions{Options: opt})
	if err != nil {
		return nil, gc, "", nil, cmdutil.StartError(err)
	}
	stop := func() {
		if err := srv.Stop(context.Background()); err != nil {
			fmt.Fprintf(a.ErrOut, "warning: stopping the bench's Neo4j: %v\n", err)
		}
	}
	gc.URI, gc.User, gc.Password = srv.Server().BoltURI(), localserver.User, srv.Password()
	c, err := graph.Open(ctx, gc)
	if err != nil {
		stop()
		return nil, gc, "", nil, err
	}
	where := fmt.Sprintf("local Neo4j in %s (heap %s, page cache %s)", opt.Home, opt.Heap, opt.PageCache)
	return c, gc, where, func() { c.Close(context.Background()); stop() }, nil
}
