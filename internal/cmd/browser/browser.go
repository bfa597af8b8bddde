// Package browsercmd is the `diplograph browser` command: how to open the
// graph in Neo4j Browser, and diplograph's style and guide for it, printed,
// served or written.
package browsercmd

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/browser"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// DefaultPort is where `browser --serve` listens unless --port says
// otherwise: next to Neo4j's 7473 (HTTPS) and 7474 (HTTP).
const DefaultPort = 7475

// Server is what `browser` uses of the local server (*localserver.Server).
type Server interface {
	Status() localserver.Status
	BrowserURL() string
}

// Options are what `browser` needs. The configuration is read through
// functions because the root command loads it after the commands are built.
type Options struct {
	Out io.Writer
	// Progress receives the served requests (stderr, or nothing with --quiet).
	Progress func() io.Writer
	// Graph is the configured database (its URI is "" for the local server).
	Graph func() (graph.Config, error)
	// Server is the local server.
	Server func() (Server, error)

	Serve bool   // --serve
	Port  int    // --port
	Dir   string // --write
}

// NewCmd is the `browser` command; runF, if not nil, runs instead of the
// command's behaviour (for tests).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{
		Out:      f.Out,
		Progress: f.Progress,
		Graph:    func() (graph.Config, error) { return f.Config.Graph() },
		Server: func() (Server, error) {
			srv, err := f.LocalServer()
			if err != nil {
				return nil, err
			}
			return srv, nil
		},
	}
	cmd := &cobra.Command{
		Use:   "browser",
		Short: "Print how to open the graph in Neo4j Browser; serve or write its style and guide",
		Long: `Print the Neo4j Browser URL, the user and where the password is, and how to
load diplograph's style and guide into Browser.

The style (diplograph.grass) colours states, organizations, people, meetings,
places and articles apart, and relation types by polarity: cooperation green,
conflict orange to red, deployments purple, structure grey. The guide
(guide.html) walks through the predefined queries with runnable Cypher.

--serve serves both on http://localhost:PORT (127.0.0.1 only) until Ctrl-C
and prints the two commands to type in Browser:
  :style http://localhost:PORT/diplograph.grass
  :play http://localhost:PORT/guide.html
Browser fetches remote content only from hosts in the server's
browser.remote_content_hostname_allowlist, which admits localhost by default.

--write DIR writes guide.html, diplograph.grass and diplograph-queries.zip
into DIR. Dropping diplograph.grass on the Browser window applies the style;
dropping diplograph-queries.zip adds every query as a favourite.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&o.Serve, "serve", false, "serve the style and the guide on http://localhost:PORT until interrupted")
	fl.IntVar(&o.Port, "port", DefaultPort, "port for --serve on 127.0.0.1 (0 = a free port)")
	fl.StringVar(&o.Dir, "write", "", "write guide.html, diplograph.grass and diplograph-queries.zip into this directory")
	return cmd
}

func run(ctx context.Context, o *Options) error {
	if o.Port < 0 || o.Port > 65535 {
		return cmdutil.Usagef("--port %d: want 0 to 65535", o.Port)
	}
	if o.Dir != "" {
		paths, err := browser.Write(o.Dir)
		if err != nil {
			return err
		}
		for _, p := range paths {
			fmt.Fprintf(o.Out, "wrote %s\n", p)
		}
		if !o.Serve {
			fmt.Fprintln(o.Out, "Drop diplograph.grass on the Browser window to apply the style, diplograph-queries.zip to add the queries as favourites.")
			return nil
		}
	}
	if !o.Serve {
		if err := printAccess(o); err != nil {
			return err
		}
		fmt.Fprintln(o.Out)
		printStyleAndGuideHelp(o.Out)
		return nil
	}
	return serve(ctx, o)
}

// serve serves the style and the guide until ctx ends, after printing the
// commands that load them.
func serve(ctx context.Context, o *Options) error {
	files, err := browser.Files()
	if err != nil {
		return err
	}
	ln, err := browser.Listen(o.Port)
	if err != nil {
		return fmt.Errorf("%w (is another 'diplograph browser --serve' running? choose a port with --port)", err)
	}
	base := browser.BaseURL(ln.Addr())
	style, guide := browser.Commands(base)
	fmt.Fprintf(o.Out, "Serving diplograph's style and guide for Neo4j Browser on %s (Ctrl-C stops).\n", base)
	where := "Neo4j Browser"
	if url := localBrowserURL(o); url != "" {
		where += " (" + url + ")"
	}
	fmt.Fprintf(o.Out, "In %s, type:\n  %s\n  %s\n", where, style, guide)
	fmt.Fprintf(o.Out, "(:guide %s/%s opens the guide in the sidebar instead.)\n", base, browser.GuideFile)
	return browser.Serve(ctx, ln, files, o.Progress())
}

// printAccess prints where Browser is and how to log in.
func printAccess(o *Options) error {
	gc, err := o.Graph()
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	if gc.URI != "" {
		fmt.Fprintf(o.Out, "Neo4j Browser: open your server's Browser and connect to %s as %s.\n", gc.URI, gc.User)
		return nil
	}
	srv, err := o.Server()
	if err != nil {
		return err
	}
	st := srv.Status()
	state := "running"
	if !st.Running {
		state = "not running: start it with 'diplograph neo4j start'"
	}
	fmt.Fprintf(o.Out, "Neo4j Browser (local server %s)\n", state)
	fmt.Fprintf(o.Out, "  URL:      %s\n  Connect:  %s\n  User:     %s\n", st.BrowserURL, st.BoltURI, st.User)
	if st.PasswordFile != "" {
		fmt.Fprintf(o.Out, "  Password: in %s (diplograph neo4j status --show-password)\n", st.PasswordFile)
	} else {
		fmt.Fprintln(o.Out, "  Password: the configured neo4j.password")
	}
	fmt.Fprintln(o.Out, "  Try:      MATCH p=(:Country)-[:MET_WITH]-(:Country) RETURN p LIMIT 50")
	return nil
}

// localBrowserURL is the local server's Browser URL, or "" when a server
// is configured or the configuration is unusable.
func localBrowserURL(o *Options) string {
	gc, err := o.Graph()
	if err != nil || gc.URI != "" {
		return ""
	}
	srv, err := o.Server()
	if err != nil {
		return ""
	}
	return srv.BrowserURL()
}

// printStyleAndGuideHelp tells how to load the style and the guide.
func printStyleAndGuideHelp(w io.Writer) {
	base := fmt.Sprintf("http://localhost:%d", DefaultPort)
	style, guide := browser.Commands(base)
	fmt.Fprintf(w, "Style and guide (colours for states and relation types; the predefined queries as runnable slides):\n")
	fmt.Fprintf(w, "  diplograph browser --serve       serve them on %s until Ctrl-C, then type in Browser:\n", base)
	fmt.Fprintf(w, "                                     %s\n", style)
	fmt.Fprintf(w, "                                     %s\n", guide)
	fmt.Fprintf(w, "  diplograph browser --write DIR   write them to DIR; drop DIR/%s on the Browser window\n", browser.StyleFile)
	fmt.Fprintf(w, "                                   to apply the style, DIR/%s to add the queries as favourites\n", browser.FavoritesFile)
}
