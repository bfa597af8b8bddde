package neo4jcmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// StartOptions are what `neo4j start` needs.
type StartOptions struct {
	Out    io.Writer
	Server func() (Server, error)
}

// NewCmdStart is the `neo4j start` command; runF, if not nil, runs instead
// of the command's behaviour (for tests).
func NewCmdStart(f *cmdutil.Factory, runF func(context.Context, *StartOptions) error) *cobra.Command {
	o := &StartOptions{Out: f.Out, Server: localServer(f)}
	return &cobra.Command{
		Use:   "start",
		Short: "Assemble (first time only) and start the local server; a no-op when it runs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runStart(cmd.Context(), o)
		},
	}
}

func runStart(ctx context.Context, o *StartOptions) error {
	srv, err := o.Server()
	if err != nil {
		return err
	}
	t0 := time.Now()
	started, err := srv.Start(ctx)
	if err != nil {
		return cmdutil.StartError(err)
	}
	st := srv.Status()
	if !started {
		fmt.Fprintf(o.Out, "Neo4j is already running (pid %d) at %s\n", st.PID, st.BoltURI)
		return nil
	}
	fmt.Fprintf(o.Out, "Neo4j %s started in %.1fs (pid %d)\n", st.Version, time.Since(t0).Seconds(), st.PID)
	printAccess(o.Out, st)
	return nil
}
