package schedulecmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// RunLog is the record of ingest runs in the graph (a *graph.Client).
type RunLog interface {
	RecentRuns(ctx context.Context, limit int) ([]graph.IngestRun, error)
	Close(ctx context.Context) error
}

// RunsOptions are the dependencies and flags of 'diplograph schedule runs'.
type RunsOptions struct {
	Out     io.Writer
	Connect func(ctx context.Context) (RunLog, error)

	Limit  int
	Format string
}

// NewRunsCmd is 'diplograph schedule runs'. runF, if not nil, is called
// instead of running the command (tests use it to check the flags).
func NewRunsCmd(f *cmdutil.Factory, runF func(context.Context, *RunsOptions) error) *cobra.Command {
	o := &RunsOptions{}
	cmd := &cobra.Command{
		Use:   "runs",
		Short: "List the recorded ingest runs, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.Out = f.Out
			o.Connect = func(ctx context.Context) (RunLog, error) {
				c, err := f.Connect(ctx, false)
				if err != nil {
					return nil, err // not a RunLog holding a nil *graph.Client
				}
				return c, nil
			}
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runRuns(cmd.Context(), o)
		},
	}
	cmd.Flags().IntVar(&o.Limit, "limit", 20, "how many runs")
	cmd.Flags().StringVar(&o.Format, "format", cmdutil.FormatTable, "output format: table, json or csv")
	return cmd
}

func runRuns(ctx context.Context, o *RunsOptions) error {
	if err := cmdutil.CheckFormat(o.Format, cmdutil.FormatTable, cmdutil.FormatJSON, cmdutil.FormatCSV); err != nil {
		return err
	}
	c, err := o.Connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close(context.Background())
	runs, err := c.RecentRuns(ctx, o.Limit)
	if err != nil {
		return err
	}
	if o.Format == cmdutil.FormatJSON {
		return cmdutil.WriteJSON(o.Out, runs)
	}
	rows := make([][]any, len(runs))
	for i, r := range runs {
		finished := ""
		if !r.Finished.IsZero() {
			finished = r.Finished.Local().Format(time.DateTime)
		}
		rows[i] = []any{r.StartedAt.Local().Format(time.DateTime), finished, r.Status, r.Seen, r.New, r.Updated,
			r.Unchanged, r.Failed, r.Relations, fmt.Sprintf("%.1f", r.Seconds), r.Host, r.Error}
	}
	return cmdutil.WriteRows(o.Out, o.Format, []string{"started", "finished", "status", "seen", "new", "updated",
		"unchanged", "failed", "relations", "seconds", "by", "error"}, rows)
}
