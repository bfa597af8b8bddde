package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newBrowserCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "browser",
		Short: "Print how to open the graph in Neo4j Browser",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			gc, err := a.cfg.graphConfig()
			if err != nil {
				return usageError{err}
			}
			if gc.URI != "" {
				fmt.Fprintf(a.out, "Neo4j Browser: open your server's Browser and connect to %s as %s.\n", gc.URI, gc.User)
				return nil
			}
			srv, err := a.localServer()
			if err != nil {
				return err
			}
			st := srv.Status()
			state := "running"
			if !st.Running {
				state = "not running: start it with 'diplograph neo4j start'"
			}
			fmt.Fprintf(a.out, "Neo4j Browser (local server %s)\n", state)
			fmt.Fprintf(a.out, "  URL:      %s\n  Connect:  %s\n  User:     %s\n", st.BrowserURL, st.BoltURI, st.User)
			if st.PasswordFile != "" {
				fmt.Fprintf(a.out, "  Password: in %s (diplograph neo4j status --show-password)\n", st.PasswordFile)
			} else {
				fmt.Fprintln(a.out, "  Password: the configured neo4j.password")
			}
			fmt.Fprintln(a.out, "  Try:      MATCH p=(:Country)-[:MET_WITH]-(:Country) RETURN p LIMIT 50")
			return nil
		},
	}
}
