package neo4jcmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// LogsOptions are what `neo4j logs` needs.
type LogsOptions struct {
	Out    io.Writer
	Server func() (Server, error)

	Lines  int  // --lines
	Follow bool // --follow
}

// NewCmdLogs is the `neo4j logs` command; runF, if not nil, runs instead
// of the command's behaviour (for tests).
func NewCmdLogs(f *cmdutil.Factory, runF func(context.Context, *LogsOptions) error) *cobra.Command {
	o := &LogsOptions{Out: f.Out, Server: localServer(f)}
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Print the end of the local server's log (-f to follow)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runLogs(cmd.Context(), o)
		},
	}
	cmd.Flags().IntVarP(&o.Lines, "lines", "n", 50, "how many lines")
	cmd.Flags().BoolVarP(&o.Follow, "follow", "f", false, "keep printing new lines until interrupted")
	return cmd
}

func runLogs(ctx context.Context, o *LogsOptions) error {
	srv, err := o.Server()
	if err != nil {
		return err
	}
	fmt.Fprintln(o.Out, srv.LogTail(o.Lines))
	if o.Follow {
		return followFile(ctx, srv.LogFiles()[0], o.Out)
	}
	return nil
}

// followFile prints what is appended to path until ctx ends.
func followFile(ctx context.Context, path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return err
	}
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if line != "" {
			fmt.Fprint(out, line)
		}
		if err == io.EOF {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(300 * time.Millisecond):
			}
			continue
		}
		if err != nil {
			return err
		}
	}
}
