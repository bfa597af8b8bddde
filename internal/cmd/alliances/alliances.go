// Package alliancescmd is the 'diplograph alliances' command: 'alliances
// rebuild' re-forms the graph's events from its reports and the ALIGNMENT
// aggregates from the events ('materialize' is its deprecated alias).
package alliancescmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// Rebuilder re-forms events and aggregates: *graph.Client.
type Rebuilder interface {
	// EventWindow is the configured event window in days.
	EventWindow() int
	RebuildEvents(ctx context.Context, window int) (graph.RebuildStats, error)
	Close(ctx context.Context) error
}

// Options are what 'alliances rebuild' needs.
type Options struct {
	Out io.Writer
	// Connect opens the database, its schema brought up to date.
	Connect func(context.Context) (Rebuilder, error)
}

// NewCmd builds 'alliances' and its subcommand 'rebuild' (with the
// deprecated alias 'materialize'). runF, when not nil, runs instead of
// 'rebuild' (tests use it to check the wiring).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alliances",
		Short: "Work with the events and alliance aggregates stored in the graph",
	}
	cmd.AddCommand(newRebuildCmd(f, runF), newMaterializeCmd(f, runF))
	return cmd
}

func options(f *cmdutil.Factory) *Options {
	return &Options{
		Out: f.Out,
		Connect: func(ctx context.Context) (Rebuilder, error) {
			c, err := f.Connect(ctx, true)
			if err != nil {
				return nil, err
			}
			return c, nil
		},
	}
}

func newRebuildCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := options(f)
	return &cobra.Command{
		Use:   "rebuild",
		Short: "Re-form all events from the reports and all ALIGNMENT aggregates from the events",
		Long: `Re-form every event of the graph from its reports with the configured
event window (alliance.event_window, days), record that window in the graph,
and recompute every ALIGNMENT aggregate (one per pair of actors and month or
year: event counts by relation type) from the events, with the year totals
and the SHIFT markers (alliance-shifts' default answer) kept beside them.
Ingest keeps events and aggregates up to date by itself; run this after
changing alliance.event_window (writes with another window than the graph's
are refused until then) or to repair the graph.

It works a bounded chunk of reports at a time, one transaction each, so it
runs on a graph of any size; ingests may run meanwhile. One rebuild runs at
a time; a second one waits. Running it twice gives the same graph.

In Neo4j Browser:
  MATCH p=(:Country)-[a:ALIGNMENT {period: '2014-06'}]->(:Country) RETURN p

Example:
  diplograph alliances rebuild`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
}

// newMaterializeCmd is 'materialize', what 'rebuild' was called when the
// graph stored scores: it runs rebuild. Its old flags are accepted and
// ignored (aggregates cover every month and year).
func newMaterializeCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	cmd := newRebuildCmd(f, runF)
	cmd.Use = "materialize"
	cmd.Short = "Deprecated: use 'alliances rebuild'"
	// Not cobra's Deprecated: cobra prints that notice on the command's
	// output, among the results; this one goes to stderr.
	cmd.Hidden = true
	rebuild := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning: 'alliances materialize' is deprecated: use 'diplograph alliances rebuild'; aggregates are kept up to date by every ingest")
		return rebuild(cmd, args)
	}
	var ignored string
	cmd.Flags().StringVar(&ignored, "period", "month", "ignored")
	cmd.Flags().StringVar(&ignored, "from", "", "ignored")
	cmd.Flags().StringVar(&ignored, "to", "", "ignored")
	for _, name := range []string{"period", "from", "to"} {
		_ = cmd.Flags().MarkHidden(name)
	}
	return cmd
}

// run rebuilds the events and aggregates with the configured window.
func run(ctx context.Context, o *Options) error {
	c, err := o.Connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close(context.Background())
	t0 := time.Now()
	window := c.EventWindow()
	st, err := c.RebuildEvents(ctx, window)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "rebuilt %d events from %d reports (event window %d days) and the aggregates of %d pairs in %.1fs\n",
		st.Events, st.Reports, window, st.Aggregates, time.Since(t0).Seconds())
	return nil
}
