// Package configcmd is the `diplograph config` command and its subcommand
// `config show`, which prints the effective configuration and where each
// value came from.
package configcmd

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
)

// NewCmd is the `config` command, the parent of `config show`.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect the configuration",
	}
	cmd.AddCommand(NewCmdShow(f, nil))
	return cmd
}

// Settings is what `config show` prints: the effective values with their
// sources, and the config file they were read from (*config.Config).
type Settings interface {
	Entries() []config.Entry
	File() string
}

// ShowOptions are what `config show` needs.
type ShowOptions struct {
	Out io.Writer
	// Settings is the loaded configuration; a function because the root
	// command loads it after the commands are built.
	Settings func() Settings

	Format string // --format
}

// NewCmdShow is the `config show` command; runF, if not nil, runs instead
// of the command's behaviour (for tests).
func NewCmdShow(f *cmdutil.Factory, runF func(context.Context, *ShowOptions) error) *cobra.Command {
	o := &ShowOptions{Out: f.Out, Settings: func() Settings { return f.Config }}
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print every configuration key, its effective value and its source: a flag,
an environment variable, the config file, or the default. Secrets are shown
as <redacted>.`,
		Example: `  diplograph config show
  DIPLOGRAPH_NEO4J_URI=bolt://db:7687 diplograph config show --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runShow(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", cmdutil.FormatTable, "output format: table, json or csv")
	return cmd
}

func runShow(_ context.Context, o *ShowOptions) error {
	if err := cmdutil.CheckFormat(o.Format, cmdutil.FormatTable, cmdutil.FormatJSON, cmdutil.FormatCSV); err != nil {
		return err
	}
	s := o.Settings()
	es := s.Entries()
	if o.Format == cmdutil.FormatJSON {
		return cmdutil.WriteJSON(o.Out, map[string]any{"config_file": s.File(), "settings": es})
	}
	rows := make([][]any, len(es))
	for i, e := range es {
		rows[i] = []any{e.Key, fmt.Sprint(e.Value), e.Source}
	}
	if o.Format == cmdutil.FormatTable {
		file := s.File()
		if file == "" {
			file = "(none found)"
		}
		fmt.Fprintf(o.Out, "config file: %s\n\n", file)
	}
	return cmdutil.WriteRows(o.Out, o.Format, []string{"key", "value", "source"}, rows)
}
