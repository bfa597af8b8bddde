// Package rootcmd is the root command of diplograph: the global flags
// (--config, --quiet and one flag per setting that has one), loading the
// configuration before any command runs, the list of commands, and the
// root's help (commands first, then the configuration and the exit codes).
// Each command lives in its own package under internal/cmd.
package rootcmd

import (
	"fmt"
	"os"
	"strings"

	alliancescmd "github.com/diplograph/diplograph/internal/cmd/alliances"
	benchcmd "github.com/diplograph/diplograph/internal/cmd/bench"
	browsercmd "github.com/diplograph/diplograph/internal/cmd/browser"
	chartcmd "github.com/diplograph/diplograph/internal/cmd/chart"
	configcmd "github.com/diplograph/diplograph/internal/cmd/config"
	evalcmd "github.com/diplograph/diplograph/internal/cmd/eval"
	extractcmd "github.com/diplograph/diplograph/internal/cmd/extract"
	ingestcmd "github.com/diplograph/diplograph/internal/cmd/ingest"
	initcmd "github.com/diplograph/diplograph/internal/cmd/init"
	neo4jcmd "github.com/diplograph/diplograph/internal/cmd/neo4j"
	querycmd "github.com/diplograph/diplograph/internal/cmd/query"
	schedulecmd "github.com/diplograph/diplograph/internal/cmd/schedule"
	versioncmd "github.com/diplograph/diplograph/internal/cmd/version"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/spf13/cobra"
)

// NewCmd is the root command with every command under it. f holds the
// streams; its Config is loaded from the flags, the environment and the
// config file before any command runs.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	var configPath string
	root := &cobra.Command{
		Use:   "diplograph",
		Short: "Turn news articles into a Neo4j graph of relations between states",
		Long: `diplograph reads news articles, extracts states, officials, organizations,
meetings and typed relations between them (MET_WITH, WARNED, DEPLOYED_TO and
eight more, after the PLOVER event ontology), writes them idempotently to
Neo4j with their provenance, and answers with predefined Cypher queries how
alliances change over time.

With no Neo4j URI configured it uses a local Neo4j Community server that it
assembles from Maven Central and starts itself: see 'diplograph neo4j --help'.
The configuration keys and the exit codes follow the list of commands.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load(cmd.Flags(), configPath, f.ErrOut)
			if err != nil {
				return cmdutil.UsageError{Err: err}
			}
			f.Config = cfg
			return nil
		},
	}
	root.SetIn(f.In)
	root.SetOut(f.Out)
	root.SetErr(f.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cmdutil.UsageError{Err: err} })

	pf := root.PersistentFlags()
	pf.StringVar(&configPath, "config", "", "config file (env DIPLOGRAPH_CONFIG; default: search for diplograph.yaml)")
	pf.BoolVarP(&f.Quiet, "quiet", "q", false, "print only results and errors")
	config.AddFlags(pf)
	if p := strings.TrimSpace(os.Getenv("DIPLOGRAPH_CONFIG")); p != "" {
		configPath = p
	}

	root.AddCommand(
		versioncmd.NewCmd(f, nil),
		configcmd.NewCmd(f),
		neo4jcmd.NewCmd(f),
		initcmd.NewCmd(f, nil),
		ingestcmd.NewCmd(f, nil),
		schedulecmd.NewCmd(f, nil),
		extractcmd.NewCmd(f, nil),
		evalcmd.NewCmd(f, nil),
		querycmd.NewCmd(f, nil),
		browsercmd.NewCmd(f, nil),
		benchcmd.NewCmd(f),
		alliancescmd.NewCmd(f, nil),
		chartcmd.NewCmd(f, nil),
	)
	usageArgs(root)
	// The root's help puts the commands first and the configuration after
	// them; the other commands keep cobra's help.
	defaultHelp := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		defaultHelp(c, args)
		if c == root {
			fmt.Fprint(c.OutOrStdout(), "\n"+configHelp())
		}
	})
	return root
}

// configHelp is the part of the root's help after the commands: where the
// configuration comes from, every key, and the exit codes.
func configHelp() string {
	return `Configuration: flag > environment > config file > default. The config file
is diplograph.yaml in ., $XDG_CONFIG_HOME/diplograph/ or /etc/diplograph/, or
the file given with --config; keys are the names below, nested in YAML
(neo4j: {uri: ...}). 'diplograph config show' prints the effective values and
where each came from.

` + config.Help() + "\n" + cmdutil.ExitCodesHelp + "\n"
}

// usageArgs makes argument errors (a wrong number of arguments) usage
// errors, exit code 2, like flag errors.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return cmdutil.UsageError{Err: err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}
