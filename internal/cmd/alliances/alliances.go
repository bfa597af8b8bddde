// Package alliancescmd is the 'diplograph alliances' command: 'alliances
// materialize' writes each pair of states' scores per period as ALIGNMENT
// edges.
package alliancescmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/queries"
)

// Materializer writes ALIGNMENT edges: *graph.Client.
type Materializer interface {
	Materialize(ctx context.Context, period string, plannedFactor float64) (int, error)
	MaterializeRange(ctx context.Context, period string, from, to time.Time, plannedFactor float64) (int, error)
	Close(ctx context.Context) error
}

// Options are what 'alliances materialize' needs.
type Options struct {
	Out io.Writer
	// Connect opens the database, its schema brought up to date.
	Connect func(context.Context) (Materializer, error)
	// PlannedFactor is alliance.planned_factor; filled when the command
	// runs.
	PlannedFactor float64

	// Period, From and To are --period, --from and --to.
	Period, From, To string
}

// NewCmd builds 'alliances' and its subcommand 'materialize'. runF, when
// not nil, runs instead of 'materialize' (tests use it to check the
// flags).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alliances",
		Short: "Work with the alliance scores stored in the graph",
	}
	cmd.AddCommand(newMaterializeCmd(f, runF))
	return cmd
}

func newMaterializeCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{
		Out: f.Out,
		Connect: func(ctx context.Context) (Materializer, error) {
			c, err := f.Connect(ctx, true)
			if err != nil {
				return nil, err
			}
			return c, nil
		},
	}
	cmd := &cobra.Command{
		Use:   "materialize [--period month|quarter|year] [--from DATE] [--to DATE]",
		Short: "Write each pair of states' score per period as ALIGNMENT edges for exploration",
		Long: `Compute, for every pair of actors (states and organizations) and every
period, cooperation, conflict, net score, alignment index, event count and
counts by type, and write them as (:Country)-[:ALIGNMENT {period_kind, period,
dyad, cooperation, conflict, net, index, events, by_type}]->(:Country) (or to
an :Organization), from the lower to the higher code. The edges of
that period length are replaced, one transaction per calendar year, so the
command is idempotent; run it again after ingesting, or let every ingest do
it (alliance.materialize_after_ingest). With --from and/or --to only the
periods overlapping that window are recomputed (a transaction per calendar
year) and no other edge is touched: the quick way to refresh the recent
months of a large graph. Planned events count with alliance.planned_factor; negated and
hypothetical ones do not count. One materialization runs at a time; a second
one waits.

A complete run by month is recorded in the graph: until the next article is
written, alliance-timeline, partners and rivals read these edges instead of
the events, with the same results, many times faster on a large graph.

In Neo4j Browser:
  MATCH p=(:Country)-[a:ALIGNMENT {period: '2014-06'}]->(:Country) RETURN p

Examples:
  diplograph alliances materialize
  diplograph alliances materialize --period year
  diplograph alliances materialize --from 2025-01 --to 2025-06`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.PlannedFactor = f.Config.Alliance.PlannedFactor
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.Period, "period", "month", "period length: month, quarter or year")
	cmd.Flags().StringVar(&o.From, "from", "", "recompute only periods from this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&o.To, "to", "", "recompute only periods up to this date (a month or year means its last day)")
	return cmd
}

// run checks the flags, then materializes every period, or those of the
// window --from and --to give.
func run(ctx context.Context, o *Options) error {
	if o.Period != "month" && o.Period != "quarter" && o.Period != "year" {
		return cmdutil.Usagef("--period %q: want month, quarter or year", o.Period)
	}
	lo, hi, err := window(o.From, o.To)
	if err != nil {
		return err
	}
	c, err := o.Connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close(context.Background())
	t0 := time.Now()
	var n int
	if lo.IsZero() {
		n, err = c.Materialize(ctx, o.Period, o.PlannedFactor)
	} else {
		n, err = c.MaterializeRange(ctx, o.Period, lo, hi, o.PlannedFactor)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "materialized %d ALIGNMENT edges (per %s) in %.1fs\n", n, o.Period, time.Since(t0).Seconds())
	return nil
}

// window is the first and the last day of the window --from and --to
// give, an open end reaching 1900 or 2100; zero times when neither is
// given.
func window(from, to string) (lo, hi time.Time, err error) {
	if from == "" && to == "" {
		return lo, hi, nil
	}
	f, t := "1900-01-01", "2100-12-31"
	if from != "" {
		f = from
	}
	if to != "" {
		t = to
	}
	d, err := queries.ParseDate(f)
	if err != nil {
		return lo, hi, cmdutil.Usagef("--from: %v", err)
	}
	e, err := queries.ParseEndDate(t)
	if err != nil {
		return lo, hi, cmdutil.Usagef("--to: %v", err)
	}
	lo, hi = d.Time(), e.Time()
	if hi.Before(lo) {
		return time.Time{}, time.Time{}, cmdutil.Usagef("--to %s is before --from %s", t, f)
	}
	return lo, hi, nil
}
