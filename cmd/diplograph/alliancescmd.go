package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

func newAlliancesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alliances",
		Short: "Work with the alliance scores stored in the graph",
	}
	var period string
	mat := &cobra.Command{
		Use:   "materialize [--period month|quarter|year]",
		Short: "Write each pair of states' score per period as ALIGNMENT edges for exploration",
		Long: `Compute, for every pair of states and every period, cooperation, conflict,
net score, alignment index and event count, and write them as
(:Country)-[:ALIGNMENT {period_kind, period, cooperation, conflict, net, index,
events}]->(:Country), from the lower to the higher country code. The edges of
that period length are replaced as a whole in one transaction, so the command
is idempotent; run it again after ingesting. Planned events count with
alliance.planned_factor; negated and hypothetical ones do not count.

In Neo4j Browser:
  MATCH p=(:Country)-[a:ALIGNMENT {period: '2014-06'}]->(:Country) RETURN p`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if period != "month" && period != "quarter" && period != "year" {
				return usagef("--period %q: want month, quarter or year", period)
			}
			c, err := a.connect(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer c.Close(context.Background())
			t0 := time.Now()
			n, err := c.Materialize(cmd.Context(), period, a.cfg.v.GetFloat64("alliance.planned_factor"))
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "materialized %d ALIGNMENT edges (per %s) in %.1fs\n", n, period, time.Since(t0).Seconds())
			return nil
		},
	}
	mat.Flags().StringVar(&period, "period", "month", "period length: month, quarter or year")
	cmd.AddCommand(mat)
	return cmd
}
