// Package neo4jcmd is the `diplograph neo4j` command and its subcommands
// start, stop, status and logs, which manage the local Neo4j server that
// diplograph uses when no neo4j.uri is configured.
package neo4jcmd

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// NewCmd is the `neo4j` command, the parent of start, stop, status and logs.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "neo4j",
		Short: "Manage the local Neo4j server (used when no neo4j.uri is configured)",
		Long: fmt.Sprintf(`Manage the local Neo4j %s Community server that diplograph uses when
neo4j.uri is empty.

The first start assembles the server from Maven Central with Maven (about
140 MB, a minute or two), from a pom.xml built into diplograph, into
local.home, together with Neo4j Browser %s and APOC core %s. Later starts
reuse it and download nothing. Requirements: Java 17 or 21 and Maven
(Debian: apt-get install openjdk-17-jre-headless maven).

The server listens on 127.0.0.1 only, with authentication on. User: neo4j;
password: neo4j.password if configured, else one generated at the first
start and kept in <local.home>/password (mode 0600). The password is never
passed on a command line. local.home is private to you (0700, files 0600,
also for what the server writes); start fixes an older home that was not.
The server keeps running after the command that started it exits.

Commands that need the database start the server themselves; these
commands are for looking at it and stopping it.`, localserver.Neo4jVersion, localserver.BrowserVersion, localserver.APOCVersion),
	}
	cmd.AddCommand(NewCmdStart(f, nil), NewCmdStop(f, nil), NewCmdStatus(f, nil), NewCmdLogs(f, nil))
	return cmd
}

// Server is what the subcommands use of the local server
// (*localserver.Server).
type Server interface {
	Start(ctx context.Context) (started bool, err error)
	Stop(ctx context.Context, timeout time.Duration) (stopped bool, err error)
	Status() localserver.Status
	LogTail(n int) string
	LogFiles() []string
}

// localServer is f's local server as a Server; a function because the
// root command loads the configuration after the commands are built.
func localServer(f *cmdutil.Factory) func() (Server, error) {
	return func() (Server, error) {
		srv, err := f.LocalServer()
		if err != nil {
			return nil, err
		}
		return srv, nil
	}
}

// printAccess prints how to reach the server and log in.
func printAccess(out io.Writer, st localserver.Status) {
	fmt.Fprintf(out, "  Bolt:     %s\n  Browser:  %s\n  User:     %s\n", st.BoltURI, st.BrowserURL, st.User)
	if st.PasswordFile != "" {
		fmt.Fprintf(out, "  Password: in %s\n", st.PasswordFile)
	} else {
		fmt.Fprintf(out, "  Password: the configured neo4j.password\n")
	}
}
