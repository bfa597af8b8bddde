package benchcmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

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
	Sizes           []string // --sizes: edges of each graph to time (empty: Spec.Edges)
	Runs, Warmup    int
	WarmupFor       time.Duration
	Rebuild, Force  bool
	JSON, Profile   bool
	Heap, PageCache string
	Only            []string // --only: time these cases only (by case name or query name)
}

// maxServerMemory caps the bench server's heap and page cache (each): the
// benchmark runs on small shared machines, and a target met with more
// memory would not be met there.
const maxServerMemory = 1 << 30

// NewCmdQueries is `bench queries`; runF (nil = runQueries) runs it.
func NewCmdQueries(f *cmdutil.Factory, runF func(context.Context, *QueriesOptions) error) *cobra.Command {
	o := &QueriesOptions{Factory: f, Spec: bench.DefaultSyntheticGraphSpec()}
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "Time the predefined queries on a synthetic graph of 1M (or --sizes) relation edges",
		Long: `Build a synthetic graph (by default a million events among 200 states over
twenty years, drawn from --seed: a few states and dyads far more active than
the rest, alliances that flip over time, meetings of two to four states,
some dates known to the month or year only, planned, hypothetical and
negated relations), then time every predefined query with parameters picked
from it (the busiest dyad and state, the last year): untimed rounds over
all the queries first, at least --warmup rounds and until --warmup-time has
passed per size (a freshly started Neo4j runs its first hundreds of
queries slower while its JIT compiler warms up; an analyst's server has
been up for a while; --warmup 0 --warmup-time 0 times a cold server), then
--runs timed runs of each, reported as median, p90 and range, against the
targets. Each query is also run once under PROFILE: db hits and operators
are shown, and scans an index could serve are flagged (--profile prints
whole plans).

The graph is written through the same writer as 'ingest', in batches of
ingest.batch_size articles: its reports, events and ALIGNMENT aggregates are
what an ingest produces. A share --multi-report of the events is reported
by two or three articles published the same or the next day; the writer
merges their reports into one event (and may merge two drawn events of a
dyad that fall together), so the output states the reports and events the
graph holds.

--sizes 1M,5M builds (or reuses) a graph of each size in turn, then times
them together: each size's local server runs at the same time (--heap plus
--pagecache each) and the runs of each query alternate between the sizes,
so that a slower minute of a shared machine falls on every size alike. It
ends with a table of each query's median at each size and the ratio of the
larger to the smallest (a query passes when it meets its target on the
smallest graph and grows at most 1.5x; a case whose parameters are picked
differently at each size, such as the typical dyad, has its ratio marked *
and not judged). Building through the writer takes a while: a build that
is interrupted is continued by the next run.

With no neo4j.uri configured, each graph lives in its own local Neo4j home,
local.home + "-bench-" + the size (e.g. neo4j-bench-1M beside neo4j), on
free ports, with --heap and --pagecache (at most 1g each), and is stopped
afterwards: your graph is never touched. The graph is kept and reused by
later runs with the same size and seed (a (:DiplographBench) node records
them); --rebuild builds it again. A configured database that holds anything
else (articles you ingested) is refused unless --force, which DELETES it;
with several sizes it holds one graph at a time, built again for each.`,
		Example: `  diplograph bench queries
  diplograph bench queries --sizes 1M,5M
  diplograph bench queries --sizes 1M,5M --json > bench.json
  diplograph bench queries --edges 100000 --runs 5 --profile`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("edges") && cmd.Flags().Changed("sizes") {
				return cmdutil.Usagef("--edges and --sizes: give one of them")
			}
			if _, err := bench.SelectCases(bench.QueryCases(bench.Picks{}), o.Only); err != nil {
				return cmdutil.Usagef("--only: %v", err)
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runQueries(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.Spec.Edges, "edges", o.Spec.Edges, "events (relation edges) in the synthetic graph")
	fl.StringSliceVar(&o.Sizes, "sizes", nil, "build and time a graph of each of these sizes in edges, e.g. 1M,5M (instead of --edges)")
	fl.IntVar(&o.Spec.States, "states", o.Spec.States, "states in the synthetic graph")
	fl.IntVar(&o.Spec.Years, "years", o.Spec.Years, "years the events span")
	fl.Int64Var(&o.Spec.Seed, "seed", o.Spec.Seed, "seed of the synthetic graph")
	fl.Float64Var(&o.Spec.MultiReport, "multi-report", o.Spec.MultiReport, "share of events reported by two or three articles (0 to 1)")
	fl.IntVar(&o.Runs, "runs", 9, "timed runs per query")
	fl.IntVar(&o.Warmup, "warmup", 5, "untimed rounds over all the queries before any is timed (the server's JIT compiler warms up)")
	fl.DurationVar(&o.WarmupFor, "warmup-time", 30*time.Second, "more warm-up rounds until the warm-up has lasted this long per graph size (0: --warmup rounds only)")
	fl.BoolVar(&o.Rebuild, "rebuild", false, "build the synthetic graph even if the database holds it already")
	fl.BoolVar(&o.Force, "force", false, "DELETE whatever the configured database holds if it is not a bench graph")
	fl.BoolVar(&o.JSON, "json", false, "print the result as JSON")
	fl.BoolVar(&o.Profile, "profile", false, "print each query's whole PROFILE plan")
	fl.StringSliceVar(&o.Only, "only", nil, "time only these cases, by name or query (e.g. partners,alliance-timeline)")
	fl.StringVar(&o.Heap, "heap", "1g", "heap of the bench's local Neo4j, at most 1g (not used with neo4j.uri)")
	fl.StringVar(&o.PageCache, "pagecache", "1g", "page cache of the bench's local Neo4j, at most 1g (not used with neo4j.uri)")
	return cmd
}

// sizes are the graph sizes to time, in edges.
func (o *QueriesOptions) sizes() ([]int, error) {
	if len(o.Sizes) == 0 {
		return []int{o.Spec.Edges}, nil
	}
	var out []int
	for _, s := range o.Sizes {
		n, err := bench.ParseSize(s)
		if err != nil {
			return nil, cmdutil.Usagef("--sizes: %v", err)
		}
		if slices.Contains(out, n) {
			return nil, cmdutil.Usagef("--sizes: %s twice", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// memorySize reads a Neo4j memory setting (512m, 1g, 1024k, bytes).
func memorySize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'k':
			mult, t = 1<<10, t[:n-1]
		case 'm':
			mult, t = 1<<20, t[:n-1]
		case 'g':
			mult, t = 1<<30, t[:n-1]
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q: want a size such as 512m or 1g", s)
	}
	return n * mult, nil
}

func runQueries(ctx context.Context, o *QueriesOptions) error {
	a := o.Factory
	if o.Runs < 1 {
		return cmdutil.Usagef("--runs %d: want at least 1", o.Runs)
	}
	if o.Warmup < 0 {
		return cmdutil.Usagef("--warmup %d: want 0 or more", o.Warmup)
	}
	if o.WarmupFor < 0 {
		return cmdutil.Usagef("--warmup-time %s: want 0 or more", o.WarmupFor)
	}
	for _, m := range []struct{ flag, value string }{{"heap", o.Heap}, {"pagecache", o.PageCache}} {
		n, err := memorySize(m.value)
		if err != nil {
			return cmdutil.Usagef("--%s %v", m.flag, err)
		}
		if n > maxServerMemory {
			return cmdutil.Usagef("--%s %s: at most 1g", m.flag, m.value)
		}
	}
	sizes, err := o.sizes()
	if err != nil {
		return err
	}
	gc, err := a.Config.Graph()
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	var runs []bench.SizeRun
	if gc.URI == "" {
		// Each size has its own local server: all of them run at once, so
		// that the runs of each query alternate between the sizes.
		var gs []sizeGraph
		defer func() {
			for _, g := range gs {
				g.close()
			}
		}()
		for _, n := range sizes {
			g, err := openSize(ctx, o, n)
			if err != nil {
				return err
			}
			gs = append(gs, g)
		}
		if runs, err = timeSizes(ctx, o, gs); err != nil {
			return err
		}
	} else {
		// One database holds one graph at a time.
		for _, n := range sizes {
			g, err := openSize(ctx, o, n)
			if err != nil {
				return err
			}
			r, err := timeSizes(ctx, o, []sizeGraph{g})
			g.close()
			if err != nil {
				return err
			}
			runs = append(runs, r...)
		}
	}
	var cmp *bench.SizeComparison
	if len(runs) > 1 {
		c := bench.CompareSizes(runs)
		cmp = &c
	}
	if o.JSON {
		return cmdutil.WriteJSON(a.Out, map[string]any{"sizes": runs, "comparison": cmp})
	}
	for i, r := range runs {
		if i > 0 {
			fmt.Fprintln(a.Out)
		}
		if err := writeBenchQueries(a.Out, r, o.Profile); err != nil {
			return err
		}
	}
	if cmp != nil {
		fmt.Fprintf(a.Out, "\nMEDIANS BY SIZE\n")
		return cmp.Write(a.Out)
	}
	return nil
}

// sizeGraph is the synthetic graph of one size, ready to be timed.
type sizeGraph struct {
	client *graph.Client
	prof   *bench.Profiler
	graph  bench.SyntheticGraph
	where  string // the database, for the output
	close  func()
}

// openSize opens (starting its local server when there is no neo4j.uri)
// the database of the graph of o.Spec with edges events and builds or
// reuses that graph in it.
func openSize(ctx context.Context, o *QueriesOptions, edges int) (sizeGraph, error) {
	a := o.Factory
	spec := o.Spec
	spec.Edges = edges
	c, gc, where, cleanup, err := benchGraph(ctx, a, o, bench.SizeLabel(spec.Edges))
	if err != nil {
		return sizeGraph{}, err
	}
	g, err := bench.EnsureSyntheticGraph(ctx, c, spec, bench.BuildOptions{
		Rebuild: o.Rebuild, Force: o.Force, BatchArticles: a.Config.Ingest.BatchSize, Progress: a.Progress()})
	if errors.Is(err, bench.ErrNotBenchGraph) {
		cleanup()
		fmt.Fprintf(a.ErrOut, "\nWARNING: %s holds data that `bench queries` did not write. It is left alone.\n"+
			"Leave neo4j.uri unset to bench in a separate local home, or pass --force to DELETE that data.\n\n", where)
		return sizeGraph{}, cmdutil.UsageError{Err: err}
	}
	if err != nil {
		cleanup()
		return sizeGraph{}, err
	}
	prof, err := bench.OpenProfiler(ctx, gc)
	if err != nil {
		cleanup()
		return sizeGraph{}, err
	}
	return sizeGraph{client: c, prof: prof, graph: g, where: where,
		close: func() { prof.Close(context.Background()); cleanup() }}, nil
}

// timeSizes times the queries on the graphs gs together (see
// bench.RunQueries) and returns a run per graph.
func timeSizes(ctx context.Context, o *QueriesOptions, gs []sizeGraph) ([]bench.SizeRun, error) {
	warmup := o.Warmup
	if warmup == 0 {
		warmup = -1 // bench.QueryBenchOptions: 0 means the default
	}
	targets := make([]bench.QueryTarget, len(gs))
	for i, g := range gs {
		cases, err := bench.SelectCases(bench.QueryCases(g.graph.Picks), o.Only) // names checked in RunE
		if err != nil {
			return nil, err
		}
		targets[i] = bench.QueryTarget{Client: g.client, Profiler: g.prof, Cases: cases}
	}
	timings, wu, err := bench.RunQueries(ctx, targets,
		bench.QueryBenchOptions{Runs: o.Runs, Warmup: warmup, WarmupFor: o.WarmupFor, Progress: o.Factory.Progress()})
	if err != nil {
		return nil, err
	}
	load := bench.LoadAverage()
	runs := make([]bench.SizeRun, len(gs))
	for i, g := range gs {
		runs[i] = bench.SizeRun{Graph: g.graph, Database: g.where, Queries: timings[i], Warmup: wu, LoadAverage: load}
	}
	return runs, nil
}

func writeBenchQueries(w io.Writer, r bench.SizeRun, full bool) error {
	g := r.Graph
	s := g.Spec
	how := "reused"
	switch {
	case g.Resumed:
		how = fmt.Sprintf("build continued in %.0fs", g.BuildSeconds)
	case !g.Reused:
		how = fmt.Sprintf("built in %.0fs", g.BuildSeconds)
	}
	fmt.Fprintf(w, "bench queries: %d events drawn among %d states, %d-%d, seed %d (%s)\n",
		s.Edges, s.States, s.FirstYear, s.LastYear(), s.Seed, how)
	fmt.Fprintf(w, "written: %d articles, %d reports (%d events reported by 2-3 articles, %.0f%%), %d meetings\n",
		g.Articles, g.Drawn.Reports, g.Drawn.MultiReportEvents, 100*float64(g.Drawn.MultiReportEvents)/float64(max(g.Drawn.Events, 1)), g.Meetings)
	fmt.Fprintf(w, "graph: %d reports, %d events, %d ALIGNMENT aggregates, %d ALIGNMENT_YEAR totals, %d SHIFT markers; %d nodes, %d relationships\n",
		g.Reports, g.Events, g.Aggregates, g.YearTotals, g.Shifts, g.Nodes, g.Relationships)
	fmt.Fprintf(w, "database: %s; load average %s\n", r.Database, r.LoadAverage)
	fmt.Fprintf(w, "warm-up: %d rounds over the queries (of every size timed together), %d untimed runs in %.1fs\n", r.Warmup.Rounds, r.Warmup.Runs, r.Warmup.Seconds)
	p := g.Picks
	fmt.Fprintf(w, "picks: busiest dyad %s-%s (%d events), top-10 dyad %s-%s (%d), typical dyad %s-%s (%d), busiest state %s (%d), year %d\n\n",
		p.BusiestDyad[0], p.BusiestDyad[1], p.BusiestDyadEvents, p.Top10Dyad[0], p.Top10Dyad[1], p.Top10DyadEvents,
		p.TypicalDyad[0], p.TypicalDyad[1], p.TypicalDyadEvents, p.BusiestState, p.BusiestStateEvents, p.Year)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "QUERY\tMEDIAN ms\tP90 ms\tMIN-MAX ms\tRUNS\tTARGET ms\tSTATUS\tROWS\tDB HITS")
	for _, t := range r.Queries {
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
	fmt.Fprintln(w, "\nPROFILE")
	for _, t := range r.Queries {
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
// neo4j.uri, or else a local server in its own home (local.home +
// "-bench-" + size, sharing the assembled distribution, on free ports)
// that the returned cleanup stops. A bench server left running by an
// interrupted run is stopped and started again, on new ports.
func benchGraph(ctx context.Context, a *cmdutil.Factory, o *QueriesOptions, size string) (*graph.Client, graph.Config, string, func(), error) {
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
	opt.Dist, opt.Home, opt.Password = opt.Home, opt.Home+"-bench-"+size, ""
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
