package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
)

// app is what every command shares: the streams and the configuration.
type app struct {
	in          io.Reader
	out, errOut io.Writer
	configPath  string
	quiet       bool
	cfg         *config
}

func newRootCmd(in io.Reader, out, errOut io.Writer) *cobra.Command {
	a := &app{in: in, out: out, errOut: errOut}
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
			cfg, err := loadConfig(cmd.Flags(), a.configPath, a.errOut)
			if err != nil {
				return usageError{err}
			}
			a.cfg = cfg
			return nil
		},
	}
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })

	pf := root.PersistentFlags()
	pf.StringVar(&a.configPath, "config", "", "config file (env DIPLOGRAPH_CONFIG; default: search for diplograph.yaml)")
	pf.BoolVarP(&a.quiet, "quiet", "q", false, "print only results and errors")
	for _, s := range settings {
		if s.Flag == "" {
			continue
		}
		usage := s.Help + s.envHelp()
		switch d := s.Def.(type) {
		case string:
			pf.String(s.Flag, d, usage)
		case int:
			pf.Int(s.Flag, d, usage)
		case bool:
			pf.Bool(s.Flag, d, usage)
		case []string:
			pf.StringSlice(s.Flag, d, usage)
		default:
			pf.String(s.Flag, fmt.Sprint(d), usage)
		}
	}
	if p, ok := lookupEnv("DIPLOGRAPH_CONFIG"); ok && p != "" {
		a.configPath = p
	}

	root.AddCommand(
		newVersionCmd(a),
		newConfigCmd(a),
		newNeo4jCmd(a),
		newInitCmd(a),
		newIngestCmd(a),
		newScheduleCmd(a),
		newExtractCmd(a),
		newEvalCmd(a),
		newQueryCmd(a),
		newBrowserCmd(a),
		newBenchCmd(a),
		newAlliancesCmd(a),
		newChartCmd(a),
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

` + settingsHelp() + "\n" + exitCodesHelp + "\n"
}

// usageArgs makes argument errors (a wrong number of arguments) usage
// errors, exit code 2, like flag errors.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// progress is where progress messages go (stderr, or nowhere with --quiet).
func (a *app) progress() io.Writer {
	if a.quiet {
		return io.Discard
	}
	return a.errOut
}

// localServer is the managed local server as configured.
func (a *app) localServer() (*localserver.Server, error) {
	opt, err := a.cfg.localOptions(a.progress())
	if err != nil {
		return nil, usageError{err}
	}
	s, err := localserver.New(opt)
	if err != nil {
		return nil, usageError{err}
	}
	return s, nil
}

// connect opens the database: the configured URI, or else the local
// server, which is started first if it is not running (the embedded
// default). The schema is brought up to date when migrate is set, as every
// writing command does.
func (a *app) connect(ctx context.Context, migrate bool) (*graph.Client, error) {
	gc, err := a.cfg.graphConfig()
	if err != nil {
		return nil, usageError{err}
	}
	if gc.URI == "" {
		srv, err := a.localServer()
		if err != nil {
			return nil, err
		}
		if _, err := srv.Start(ctx); err != nil {
			return nil, startError(err)
		}
		pw, err := srv.Password()
		if err != nil {
			return nil, err
		}
		gc.URI, gc.User, gc.Password = srv.BoltURI(), localserver.User, pw
	}
	c, err := graph.Open(ctx, gc)
	if err != nil {
		return nil, err
	}
	if migrate {
		if _, err := c.Migrate(ctx); err != nil {
			c.Close(context.Background())
			return nil, err
		}
	}
	return c, nil
}

// startError keeps setup errors (Java, Maven, download) distinct from a
// server that would not start.
func startError(err error) error {
	if classifyExit(err) == exitSetup || classifyExit(err) == exitInterrupted {
		return err
	}
	return serverStartError{err}
}

func lookupEnv(k string) (string, bool) {
	v, ok := os.LookupEnv(k)
	return strings.TrimSpace(v), ok
}
