package main

import (
	"fmt"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/spf13/cobra"
)

func newConfigCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect the configuration",
	}
	var format string
	show := &cobra.Command{
		Use:   "show",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print every configuration key, its effective value and its source: a flag,
an environment variable, the config file, or the default. Secrets are shown
as <redacted>.`,
		Example: `  diplograph config show
  DIPLOGRAPH_NEO4J_URI=bolt://db:7687 diplograph config show --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := cmdutil.CheckFormat(format, cmdutil.FormatTable, cmdutil.FormatJSON, cmdutil.FormatCSV); err != nil {
				return err
			}
			return runConfigShow(a, format)
		},
	}
	show.Flags().StringVar(&format, "format", cmdutil.FormatTable, "output format: table, json or csv")
	cmd.AddCommand(show)
	return cmd
}

func runConfigShow(a *app, format string) error {
	es := a.Config.Entries()
	if format == cmdutil.FormatJSON {
		return cmdutil.WriteJSON(a.Out, map[string]any{"config_file": a.Config.File(), "settings": es})
	}
	rows := make([][]any, len(es))
	for i, e := range es {
		rows[i] = []any{e.Key, fmt.Sprint(e.Value), e.Source}
	}
	if format == cmdutil.FormatTable {
		file := a.Config.File()
		if file == "" {
			file = "(none found)"
		}
		fmt.Fprintf(a.Out, "config file: %s\n\n", file)
	}
	return cmdutil.WriteRows(a.Out, format, []string{"key", "value", "source"}, rows)
}
