// Command diplograph turns news articles into a Neo4j graph of relations
// between states and answers, with predefined Cypher queries, how alliances
// change over time. Run `diplograph --help`.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	rootcmd "github.com/diplograph/diplograph/internal/cmd/root"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// main builds the root command, runs it with a context that SIGINT and
// SIGTERM cancel, and maps its error to the exit code (cmdutil.Classify).
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd(os.Stdin, os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	os.Exit(cmdutil.ExitCode(err, os.Stderr))
}

// newRootCmd is the root command on the given streams.
func newRootCmd(in io.Reader, out, errOut io.Writer) *cobra.Command {
	return rootcmd.NewCmd(&cmdutil.Factory{In: in, Out: out, ErrOut: errOut})
}
