package bench

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/queries"
)

// QueryCase is one predefined query with parameters, timed as a unit.
type QueryCase struct {
	Name   string            `json:"name"`  // the query, or the query and the variant ("alliance-timeline typical")
	Query  string            `json:"query"` // the predefined query's name
	Params map[string]string `json:"params"`
	Target time.Duration     `json:"-"` // 0: none
}

// Targets of the query benchmark on the 1M-edge graph (2-core machine).
// On a larger graph a query's median must stay within MaxGrowth times its
// median on the smallest graph timed.
const (
	TargetAllianceTimeline = 20 * time.Millisecond
	TargetPartners         = 50 * time.Millisecond
	TargetAllianceShifts   = 500 * time.Millisecond
	MaxGrowth              = 1.5
)

// QueryCases are the cases of `diplograph bench queries`: every predefined
// query, with parameters picked from the synthetic data: the busiest state
// and dyad (the hardest cases: in a realistically skewed graph they take
// part in a third and three percent of all events), the graph's last year
// as window, and the alliance timeline also for the tenth busiest dyad and
// a dyad of median activity. Partners and rivals, the same query shape,
// share a target.
func QueryCases(p Picks) []QueryCase {
	year := strconv.Itoa(p.Year)
	from, to := year+"-01-01", year+"-12-31"
	a, b := p.BusiestDyad[0], p.BusiestDyad[1]
	state := p.BusiestState
	return []QueryCase{
		{Name: "alliance-timeline busiest", Query: "alliance-timeline", Params: map[string]string{"a": a, "b": b}, Target: TargetAllianceTimeline},
		{Name: "alliance-timeline top-10", Query: "alliance-timeline", Params: map[string]string{"a": p.Top10Dyad[0], "b": p.Top10Dyad[1]}, Target: TargetAllianceTimeline},
		{Name: "alliance-timeline typical", Query: "alliance-timeline", Params: map[string]string{"a": p.TypicalDyad[0], "b": p.TypicalDyad[1]}, Target: TargetAllianceTimeline},
		{Name: "partners", Query: "partners", Params: map[string]string{"country": state, "from": from, "to": to}, Target: TargetPartners},
		{Name: "rivals", Query: "rivals", Params: map[string]string{"country": state, "from": from, "to": to}, Target: TargetPartners},
		{Name: "alliance-shifts", Query: "alliance-shifts", Params: map[string]string{"from": from, "to": to}, Target: TargetAllianceShifts},
		{Name: "alliance-summary", Query: "alliance-summary", Params: map[string]string{"from": from, "to": to}},
		{Name: "network", Query: "network", Params: map[string]string{"from": from, "to": to}},
		{Name: "unbalanced-triads", Query: "unbalanced-triads", Params: map[string]string{"from": from, "to": to}},
		{Name: "evidence", Query: "evidence", Params: map[string]string{"a": a, "b": b, "from": from, "to": to}},
		{Name: "timeline", Query: "timeline", Params: map[string]string{"country": state, "from": from, "to": to}},
		{Name: "meetings", Query: "meetings", Params: map[string]string{"country": state, "from": from, "to": to}},
		{Name: "meetings all", Query: "meetings", Params: map[string]string{"from": from, "to": to}},
		{Name: "deployments", Query: "deployments", Params: map[string]string{"by": state, "from": from, "to": to}},
		{Name: "warnings", Query: "warnings", Params: map[string]string{"by": state, "from": from, "to": to}},
	}
}

// QueryBenchOptions say how to time the queries.
type QueryBenchOptions struct {
	Runs      int           // timed runs per query (default 9)
	Warmup    int           // untimed rounds over all the cases before any is timed (0: the default, 1; negative: none)
	WarmupFor time.Duration // more rounds until the warm-up has lasted this long per target (0: no minimum)
	Progress  io.Writer     // one line per query (nil: none)
}

// Warmup is the warm-up RunQueries did.
type Warmup struct {
	Rounds  int     `json:"rounds"`  // rounds over all the cases
	Runs    int     `json:"runs"`    // untimed runs in all
	Seconds float64 `json:"seconds"` // how long it lasted
}

// warmedUp reports whether a warm-up of rounds rounds that has lasted
// elapsed is done: at least minRounds rounds and at least minTime, and at
// least one round when minTime asks for any time at all (a round is the
// unit of warm-up).
func warmedUp(rounds, minRounds int, elapsed, minTime time.Duration) bool {
	if rounds < minRounds {
		return false
	}
	return minTime <= 0 || (rounds > 0 && elapsed >= minTime)
}

// Timing is what the runs of one query or operation measured.
type Timing struct {
	Name     string            `json:"name"`
	Query    string            `json:"query,omitempty"`
	Params   map[string]string `json:"params,omitempty"`
	Runs     int               `json:"runs"`
	Millis   []float64         `json:"millis"` // each timed run
	MedianMS float64           `json:"median_ms"`
	P90MS    float64           `json:"p90_ms"` // nearest rank
	MinMS    float64           `json:"min_ms"`
	MaxMS    float64           `json:"max_ms"`
	TargetMS float64           `json:"target_ms,omitempty"`
	Status   string            `json:"status"` // pass, FAIL, or "-" without a target
	Rows     int               `json:"rows"`   // rows returned
	Profile  *PlanSummary      `json:"profile,omitempty"`
}

// SelectCases keeps the cases named in only, by their whole name
// ("alliance-timeline busiest") or their query ("alliance-timeline"); an
// empty only keeps all. A name that matches no case is an error.
func SelectCases(cases []QueryCase, only []string) ([]QueryCase, error) {
	if len(only) == 0 {
		return cases, nil
	}
	var out []QueryCase
	for _, name := range only {
		found := false
		for _, c := range cases {
			if c.Name == name || c.Query == name {
				found = true
				if !slices.ContainsFunc(out, func(o QueryCase) bool { return o.Name == c.Name }) {
					out = append(out, c)
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("no query case %q", name)
		}
	}
	return out, nil
}

func (t *Timing) summarize(target time.Duration) {
	t.Runs = len(t.Millis)
	s := slices.Clone(t.Millis)
	sort.Float64s(s)
	t.MedianMS = Median(s)
	if len(s) > 0 {
		t.MinMS, t.MaxMS = s[0], s[len(s)-1]
		t.P90MS = s[max(0, int(math.Ceil(0.9*float64(len(s))))-1)]
	}
	t.Status = "-"
	if target > 0 {
		t.TargetMS = float64(target) / float64(time.Millisecond)
		t.Status = "pass"
		if t.MedianMS >= t.TargetMS {
			t.Status = "FAIL"
		}
	}
}

func millisSince(t0 time.Time) float64 { return float64(time.Since(t0).Microseconds()) / 1000 }

// QueryTarget is a graph to time the cases on: its client, a profiler
// (nil: no PROFILE) and the cases with parameters picked from that graph.
type QueryTarget struct {
	Client   *graph.Client
	Profiler *Profiler
	Cases    []QueryCase
}

// RunQueries times the cases of each target and returns the timings of
// each target's cases, in the order of targets and cases, and the
// warm-up done. Several targets (graphs of several sizes, each on its own
// server) must hold the same cases, by name and order.
//
// First every case of every target is run opt.Warmup times, untimed, in
// rounds over all of them, and more rounds follow until the warm-up has
// lasted opt.WarmupFor per target (each target's server is busy for about
// that long), so that each server has planned, compiled and
// cached every query and read the pages they touch before any is timed (a
// freshly started Neo4j runs its first hundreds of queries slower while
// its JIT compiler warms up: a query repeated on a fresh server took a
// median 44 ms over its first ten runs, 13 ms over runs 50-60 and 9-11 ms
// after 150; a fixed number of rounds warms up less when fewer cases are
// selected, a time does not). Then each case is run opt.Runs times on
// each target, timed, each a managed read transaction that collects every
// record, as `diplograph query` runs it. The runs of a case alternate
// between the targets (run 1 on each, then run 2 on each...), so that a
// slower minute of a shared machine falls on every size alike and the
// ratio of their medians measures the graphs. With a profiler, each case
// is also run once under PROFILE and its plan summarized.
func RunQueries(ctx context.Context, targets []QueryTarget, opt QueryBenchOptions) ([][]Timing, Warmup, error) {
	runs, warmup := opt.Runs, opt.Warmup
	if runs <= 0 {
		runs = 9
	}
	if warmup == 0 {
		warmup = 1
	}
	warmup = max(warmup, 0)
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	type bound struct {
		st     graph.Statement
		params map[string]any
	}
	bs := make([][]bound, len(targets))
	for ti, tg := range targets {
		if len(tg.Cases) != len(targets[0].Cases) {
			return nil, Warmup{}, fmt.Errorf("bench: target %d has %d cases, the first %d", ti, len(tg.Cases), len(targets[0].Cases))
		}
		for i, qc := range tg.Cases {
			if qc.Name != targets[0].Cases[i].Name {
				return nil, Warmup{}, fmt.Errorf("bench: target %d: case %d is %q, the first target's %q", ti, i, qc.Name, targets[0].Cases[i].Name)
			}
			q, err := queries.Get(qc.Query)
			if err != nil {
				return nil, Warmup{}, fmt.Errorf("bench: %w", err)
			}
			params, err := q.Bind(qc.Params, nil)
			if err != nil {
				return nil, Warmup{}, fmt.Errorf("bench: %s: %w", qc.Name, err)
			}
			bs[ti] = append(bs[ti], bound{graph.Statement{Name: q.Name, Text: q.Cypher}, params})
		}
	}
	var wu Warmup
	if len(targets) == 0 || len(targets[0].Cases) == 0 {
		return make([][]Timing, len(targets)), wu, nil
	}
	nCases := len(targets[0].Cases)
	if warmup > 0 || opt.WarmupFor > 0 {
		minTime := opt.WarmupFor * time.Duration(len(targets))
		fmt.Fprintf(progress, "bench: warming up: at least %d rounds over the %d queries of %d graphs and at least %s\n",
			warmup, nCases, len(targets), minTime)
		t0 := time.Now()
		for !warmedUp(wu.Rounds, warmup, time.Since(t0), minTime) {
			for ti, tg := range targets {
				for i, b := range bs[ti] {
					if _, err := tg.Client.Read(ctx, b.st, b.params); err != nil {
						return nil, wu, fmt.Errorf("bench: %s: %w", tg.Cases[i].Name, err)
					}
					wu.Runs++
				}
			}
			wu.Rounds++
		}
		wu.Seconds = time.Since(t0).Seconds()
		fmt.Fprintf(progress, "bench: warmed up: %d rounds, %d runs in %.1fs\n", wu.Rounds, wu.Runs, wu.Seconds)
	}
	out := make([][]Timing, len(targets))
	for i := range nCases {
		ts := make([]Timing, len(targets))
		for ti, tg := range targets {
			qc := tg.Cases[i]
			ts[ti] = Timing{Name: qc.Name, Query: qc.Query, Params: qc.Params}
		}
		for range runs {
			for ti, tg := range targets {
				b := bs[ti][i]
				t0 := time.Now()
				recs, err := tg.Client.Read(ctx, b.st, b.params)
				if err != nil {
					return out, wu, fmt.Errorf("bench: %s: %w", tg.Cases[i].Name, err)
				}
				ts[ti].Millis = append(ts[ti].Millis, millisSince(t0))
				ts[ti].Rows = len(recs)
			}
		}
		for ti, tg := range targets {
			t := &ts[ti]
			t.summarize(tg.Cases[i].Target)
			if tg.Profiler != nil {
				var err error
				if t.Profile, err = tg.Profiler.Profile(ctx, bs[ti][i].st, bs[ti][i].params); err != nil {
					return out, wu, err
				}
			}
			fmt.Fprintf(progress, "bench: %-26s median %9.1f ms  (%d rows)\n", t.Name, t.MedianMS, t.Rows)
			out[ti] = append(out[ti], *t)
		}
	}
	return out, wu, nil
}

// PlanSummary is the gist of a PROFILE plan.
type PlanSummary struct {
	DbHits    int64    `json:"db_hits"`
	Rows      int64    `json:"rows"`      // rows the plan returned
	Operators []string `json:"operators"` // distinct operators, in plan order (root first)
	Warnings  []string `json:"warnings,omitempty"`
	Plan      []string `json:"plan"` // one line per operator, indented by depth
}

// Profiler runs statements under PROFILE on its own connection, because
// graph.Client returns records, not the plan.
type Profiler struct {
	driver   neo4j.DriverWithContext
	database string
}

// OpenProfiler connects to the database of cfg.
func OpenProfiler(ctx context.Context, cfg graph.Config) (*Profiler, error) {
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		return nil, fmt.Errorf("bench: profiler: %w", err)
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		_ = d.Close(context.Background())
		return nil, fmt.Errorf("bench: profiler: %s: %w", cfg.URI, err)
	}
	return &Profiler{driver: d, database: cfg.Database}, nil
}

// Close closes the connection.
func (p *Profiler) Close(ctx context.Context) error { return p.driver.Close(ctx) }

// Profile runs st once under PROFILE (the statement text is only prefixed
// with the keyword; values stay parameters) and summarizes the plan.
func (p *Profiler) Profile(ctx context.Context, st graph.Statement, params map[string]any) (*PlanSummary, error) {
	s := p.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: p.database, AccessMode: neo4j.AccessModeRead})
	defer s.Close(ctx)
	sum, err := neo4j.ExecuteRead(ctx, s, func(tx neo4j.ManagedTransaction) (neo4j.ResultSummary, error) {
		res, err := tx.Run(ctx, "PROFILE "+st.Text, params)
		if err != nil {
			return nil, err
		}
		if _, err := res.Collect(ctx); err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	if err != nil {
		return nil, fmt.Errorf("bench: profile %s: %w", st.Name, err)
	}
	if sum.Profile() == nil {
		return nil, fmt.Errorf("bench: profile %s: the server returned no plan", st.Name)
	}
	return summarizePlan(sum.Profile()), nil
}

// bigScan is how many rows a label scan may produce before it is flagged:
// scanning the two hundred :Country nodes is fine, scanning articles is not.
const bigScan = 1000

func summarizePlan(root neo4j.ProfiledPlan) *PlanSummary {
	s := &PlanSummary{Rows: root.Records()}
	seen := map[string]bool{}
	var walk func(p neo4j.ProfiledPlan, depth int)
	walk = func(p neo4j.ProfiledPlan, depth int) {
		op, _, _ := strings.Cut(p.Operator(), "@")
		s.DbHits += p.DbHits()
		if !seen[op] {
			seen[op] = true
			s.Operators = append(s.Operators, op)
		}
		details, _ := p.Arguments()["Details"].(string)
		s.Plan = append(s.Plan, fmt.Sprintf("%s%s rows=%d hits=%d %s", strings.Repeat("  ", depth), op, p.Records(), p.DbHits(), details))
		switch {
		case op == "AllNodesScan":
			s.Warnings = append(s.Warnings, fmt.Sprintf("AllNodesScan (%d rows)", p.Records()))
		case strings.HasSuffix(op, "AllRelationshipsScan"), strings.HasSuffix(op, "RelationshipTypeScan"):
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s %s (%d rows): full relationship scan", op, details, p.Records()))
		case strings.Contains(op, "ByLabelScan") && p.Records() > bigScan:
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s %s (%d rows)", op, details, p.Records()))
		}
		for _, ch := range p.Children() {
			walk(ch, depth+1)
		}
	}
	walk(root, 0)
	return s
}
