package neo4jcmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// StopOptions are what `neo4j stop` needs.
type StopOptions struct {
	Out    io.Writer
	Server func() (Server, error)

	Timeout time.Duration // --timeout
}

// NewCmdStop is the `neo4j stop` command; runF, if not nil, runs instead
// of the command's behaviour (for tests).
func NewCmdStop(f *cmdutil.Factory, runF func(context.Context, *StopOptions) error) *cobra.Command {
	o := &StopOptions{Out: f.Out, Server: localServer(f)}
	cmd := &cobra.Command{
		Use:   "stop",
		Short: "Stop the local server (SIGTERM, then SIGKILL after --timeout)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runStop(cmd.Context(), o)
		},
	}
	cmd.Flags().DurationVar(&o.Timeout, "timeout", time.Minute, "how long to wait for a clean shutdown before SIGKILL")
	return cmd
}

func runStop(ctx context.Context, o *StopOptions) error {
	srv, err := o.Server()
	if err != nil {
		return err
	}
	pid := srv.Status().PID
	stopped, err := srv.Stop(ctx, o.Timeout)
	if err != nil {
		return err
	}
	if !stopped {
		fmt.Fprintln(o.Out, "Neo4j is not running")
		return nil
	}
	fmt.Fprintf(o.Out, "Neo4j stopped (pid %d)\n", pid)
	return nil
}
