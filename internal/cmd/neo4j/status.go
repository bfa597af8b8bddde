package neo4jcmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// StatusOptions are what `neo4j status` needs.
type StatusOptions struct {
	Out    io.Writer
	Server func() (Server, error)

	Format       string // --format
	ShowPassword bool   // --show-password
}

// NewCmdStatus is the `neo4j status` command; runF, if not nil, runs
// instead of the command's behaviour (for tests).
func NewCmdStatus(f *cmdutil.Factory, runF func(context.Context, *StatusOptions) error) *cobra.Command {
	o := &StatusOptions{Out: f.Out, Server: localServer(f)}
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show whether the local server runs, where, and how to log in",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runStatus(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", cmdutil.FormatTable, "output format: table or json")
	cmd.Flags().BoolVar(&o.ShowPassword, "show-password", false, "also print the generated password")
	return cmd
}

func runStatus(_ context.Context, o *StatusOptions) error {
	if err := cmdutil.CheckFormat(o.Format, cmdutil.FormatTable, cmdutil.FormatJSON); err != nil {
		return err
	}
	srv, err := o.Server()
	if err != nil {
		return err
	}
	st := srv.Status()
	var pw string
	if o.ShowPassword && st.PasswordFile != "" {
		if b, err := os.ReadFile(st.PasswordFile); err == nil {
			pw = strings.TrimSpace(string(b))
		}
	}
	out := o.Out
	if o.Format == cmdutil.FormatJSON {
		v := map[string]any{"status": st}
		if pw != "" {
			v["password"] = pw
		}
		return cmdutil.WriteJSON(out, v)
	}
	if st.Running {
		fmt.Fprintf(out, "Neo4j %s is running (pid %d, since %s)\n", st.Version, st.PID, st.Since.Format(time.RFC3339))
	} else {
		fmt.Fprintf(out, "Neo4j %s is not running\n", st.Version)
	}
	fmt.Fprintf(out, "  Home:     %s\n  Assembled: %v (%s)\n", st.Home, st.Assembled, st.Dist)
	printAccess(out, st)
	if pw != "" {
		fmt.Fprintf(out, "  Password: %s\n", pw)
	}
	return nil
}
