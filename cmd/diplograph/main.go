// Command diplograph turns news articles into a Neo4j graph of relations
// between states and answers, with predefined Cypher queries, how alliances
// change over time. Run `diplograph --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd(os.Stdin, os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	os.Exit(cmdutil.ExitCode(err, os.Stderr))
}
