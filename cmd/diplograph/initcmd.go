package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
)

func newInitCmd(a *app) *cobra.Command {
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
			c, err := a.Connect(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer c.Close(context.Background())
			return runInit(cmd.Context(), c, a.Out)
		},
	}
}

func runInit(ctx context.Context, c *graph.Client, out io.Writer) error {
	res, err := c.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(res.Applied) == 0 {
		fmt.Fprintf(out, "schema is up to date (version %d) on %s\n", res.To, c.URI())
		return nil
	}
	fmt.Fprintf(out, "schema migrated from version %d to %d on %s:\n", res.From, res.To, c.URI())
	for _, name := range res.Applied {
		fmt.Fprintf(out, "  %s\n", name)
	}
	return nil
}
