package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/browser"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// defaultGuidePort is where `browser --serve` listens unless --port says
// otherwise: next to Neo4j's 7473 (HTTPS) and 7474 (HTTP).
const defaultGuidePort = 7475

func newBrowserCmd(a *app) *cobra.Command {
	var (
		serve bool
		port  int
		dir   string
	)
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
			if port < 0 || port > 65535 {
				return cmdutil.UsageError{Err: fmt.Errorf("--port %d: want 0 to 65535", port)}
			}
			if dir != "" {
				paths, err := browser.Write(dir)
				if err != nil {
					return err
				}
				for _, p := range paths {
					fmt.Fprintf(a.Out, "wrote %s\n", p)
				}
				if !serve {
					fmt.Fprintln(a.Out, "Drop diplograph.grass on the Browser window to apply the style, diplograph-queries.zip to add the queries as favourites.")
					return nil
				}
			}
			if !serve {
				if err := printBrowserAccess(a); err != nil {
					return err
				}
				fmt.Fprintln(a.Out)
				printStyleAndGuideHelp(a.Out)
				return nil
			}
			files, err := browser.Files()
			if err != nil {
				return err
			}
			ln, err := browser.Listen(port)
			if err != nil {
				return fmt.Errorf("%w (is another 'diplograph browser --serve' running? choose a port with --port)", err)
			}
			base := browser.BaseURL(ln.Addr())
			style, guide := browser.Commands(base)
			fmt.Fprintf(a.Out, "Serving diplograph's style and guide for Neo4j Browser on %s (Ctrl-C stops).\n", base)
			where := "Neo4j Browser"
			if url := localBrowserURL(a); url != "" {
				where += " (" + url + ")"
			}
			fmt.Fprintf(a.Out, "In %s, type:\n  %s\n  %s\n", where, style, guide)
			fmt.Fprintf(a.Out, "(:guide %s/%s opens the guide in the sidebar instead.)\n", base, browser.GuideFile)
			return browser.Serve(cmd.Context(), ln, files, a.Progress())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&serve, "serve", false, "serve the style and the guide on http://localhost:PORT until interrupted")
	f.IntVar(&port, "port", defaultGuidePort, "port for --serve on 127.0.0.1 (0 = a free port)")
	f.StringVar(&dir, "write", "", "write guide.html, diplograph.grass and diplograph-queries.zip into this directory")
	return cmd
}

// printBrowserAccess prints where Browser is and how to log in.
func printBrowserAccess(a *app) error {
	gc, err := a.Config.Graph()
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	if gc.URI != "" {
		fmt.Fprintf(a.Out, "Neo4j Browser: open your server's Browser and connect to %s as %s.\n", gc.URI, gc.User)
		return nil
	}
	srv, err := a.LocalServer()
	if err != nil {
		return err
	}
	st := srv.Status()
	state := "running"
	if !st.Running {
		state = "not running: start it with 'diplograph neo4j start'"
	}
	fmt.Fprintf(a.Out, "Neo4j Browser (local server %s)\n", state)
	fmt.Fprintf(a.Out, "  URL:      %s\n  Connect:  %s\n  User:     %s\n", st.BrowserURL, st.BoltURI, st.User)
	if st.PasswordFile != "" {
		fmt.Fprintf(a.Out, "  Password: in %s (diplograph neo4j status --show-password)\n", st.PasswordFile)
	} else {
		fmt.Fprintln(a.Out, "  Password: the configured neo4j.password")
	}
	fmt.Fprintln(a.Out, "  Try:      MATCH p=(:Country)-[:MET_WITH]-(:Country) RETURN p LIMIT 50")
	return nil
}

// localBrowserURL is the local server's Browser URL, or "" when a server
// is configured or the configuration is unusable.
func localBrowserURL(a *app) string {
	gc, err := a.Config.Graph()
	if err != nil || gc.URI != "" {
		return ""
	}
	srv, err := a.LocalServer()
	if err != nil {
		return ""
	}
	return srv.BrowserURL()
}

// printStyleAndGuideHelp tells how to load the style and the guide.
func printStyleAndGuideHelp(w io.Writer) {
	base := fmt.Sprintf("http://localhost:%d", defaultGuidePort)
	style, guide := browser.Commands(base)
	fmt.Fprintf(w, "Style and guide (colours for states and relation types; the predefined queries as runnable slides):\n")
	fmt.Fprintf(w, "  diplograph browser --serve       serve them on %s until Ctrl-C, then type in Browser:\n", base)
	fmt.Fprintf(w, "                                     %s\n", style)
	fmt.Fprintf(w, "                                     %s\n", guide)
	fmt.Fprintf(w, "  diplograph browser --write DIR   write them to DIR; drop DIR/%s on the Browser window\n", browser.StyleFile)
	fmt.Fprintf(w, "                                   to apply the style, DIR/%s to add the queries as favourites\n", browser.FavoritesFile)
}
