package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

func newNeo4jCmd(a *app) *cobra.Command {
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
	cmd.AddCommand(newNeo4jStartCmd(a), newNeo4jStopCmd(a), newNeo4jStatusCmd(a), newNeo4jLogsCmd(a))
	return cmd
}

func newNeo4jStartCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "start",
		Short: "Assemble (first time only) and start the local server; a no-op when it runs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := a.LocalServer()
			if err != nil {
				return err
			}
			return runNeo4jStart(cmd.Context(), srv, a.Out)
		},
	}
}

func runNeo4jStart(ctx context.Context, srv *localserver.Server, out io.Writer) error {
	t0 := time.Now()
	started, err := srv.Start(ctx)
	if err != nil {
		return cmdutil.StartError(err)
	}
	st := srv.Status()
	if !started {
		fmt.Fprintf(out, "Neo4j is already running (pid %d) at %s\n", st.PID, st.BoltURI)
		return nil
	}
	fmt.Fprintf(out, "Neo4j %s started in %.1fs (pid %d)\n", st.Version, time.Since(t0).Seconds(), st.PID)
	printAccess(out, st)
	return nil
}

func printAccess(out io.Writer, st localserver.Status) {
	fmt.Fprintf(out, "  Bolt:     %s\n  Browser:  %s\n  User:     %s\n", st.BoltURI, st.BrowserURL, st.User)
	if st.PasswordFile != "" {
		fmt.Fprintf(out, "  Password: in %s\n", st.PasswordFile)
	} else {
		fmt.Fprintf(out, "  Password: the configured neo4j.password\n")
	}
}

func newNeo4jStopCmd(a *app) *cobra.Command {
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "stop",
		Short: "Stop the local server (SIGTERM, then SIGKILL after --timeout)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := a.LocalServer()
			if err != nil {
				return err
			}
			pid := srv.Status().PID
			stopped, err := srv.Stop(cmd.Context(), timeout)
			if err != nil {
				return err
			}
			if !stopped {
				fmt.Fprintln(a.Out, "Neo4j is not running")
				return nil
			}
			fmt.Fprintf(a.Out, "Neo4j stopped (pid %d)\n", pid)
			return nil
		},
	}
	cmd.Flags().DurationVar(&timeout, "timeout", time.Minute, "how long to wait for a clean shutdown before SIGKILL")
	return cmd
}

func newNeo4jStatusCmd(a *app) *cobra.Command {
	var format string
	var showPassword bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show whether the local server runs, where, and how to log in",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := cmdutil.CheckFormat(format, cmdutil.FormatTable, cmdutil.FormatJSON); err != nil {
				return err
			}
			srv, err := a.LocalServer()
			if err != nil {
				return err
			}
			return runNeo4jStatus(srv, a.Out, format, showPassword)
		},
	}
	cmd.Flags().StringVar(&format, "format", cmdutil.FormatTable, "output format: table or json")
	cmd.Flags().BoolVar(&showPassword, "show-password", false, "also print the generated password")
	return cmd
}

func runNeo4jStatus(srv *localserver.Server, out io.Writer, format string, showPassword bool) error {
	st := srv.Status()
	var pw string
	if showPassword && st.PasswordFile != "" {
		if b, err := os.ReadFile(st.PasswordFile); err == nil {
			pw = strings.TrimSpace(string(b))
		}
	}
	if format == cmdutil.FormatJSON {
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

func newNeo4jLogsCmd(a *app) *cobra.Command {
	var lines int
	var follow bool
	cmd := &cobra.Command{
		Use:   "logs",
		Short: "Print the end of the local server's log (-f to follow)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv, err := a.LocalServer()
			if err != nil {
				return err
			}
			fmt.Fprintln(a.Out, srv.LogTail(lines))
			if follow {
				return followFile(cmd.Context(), srv.LogFiles()[0], a.Out)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&lines, "lines", "n", 50, "how many lines")
	cmd.Flags().BoolVarP(&follow, "follow", "f", false, "keep printing new lines until interrupted")
	return cmd
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
