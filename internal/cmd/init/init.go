// Package initcmd is the `diplograph init` command: it creates the graph's
// constraints and indexes, migrating an older schema.
package initcmd

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// Graph is what `init` uses of the database (*graph.Client).
type Graph interface {
	Migrate(ctx context.Context) (graph.MigrateResult, error)
	URI() string
	Close(ctx context.Context) error
}

// Options are what `init` needs.
type Options struct {
	Out io.Writer
	// Connect opens the database, without migrating it.
	Connect func(ctx context.Context) (Graph, error)
}

// NewCmd is the `init` command; runF, if not nil, runs instead of the
// command's behaviour (for tests).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Out: f.Out, Connect: func(ctx context.Context) (Graph, error) {
		c, err := f.Connect(ctx, false)
		if err != nil {
			return nil, err
		}
		return c, nil
	}}
	return &cobra.Command{
		Use:   "init",
		Short: "Create the graph's constraints and indexes (idempotent)",
		Long: `Create, if they do not exist, the constraints and indexes of diplograph's
graph model: a uniqueness constraint per node key, a range index on the date
of every relation type, and a full-text index on names. The schema version is
kept in the graph, so a newer diplograph migrates an older graph. Every
command that writes runs this implicitly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
}

func run(ctx context.Context, o *Options) error {
	c, err := o.Connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close(context.Background())
	res, err := c.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(res.Applied) == 0 {
		fmt.Fprintf(o.Out, "schema is up to date (version %d) on %s\n", res.To, c.URI())
		return nil
	}
	fmt.Fprintf(o.Out, "schema migrated from version %d to %d on %s:\n", res.From, res.To, c.URI())
	for _, name := range res.Applied {
		fmt.Fprintf(o.Out, "  %s\n", name)
	}
	return nil
}
