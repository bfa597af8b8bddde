// Command testserver runs the one Neo4j that a whole test run shares.
//
// scripts/test.sh starts it in the background before `go test ./...`:
//
//	testserver -env FILE [-parent PID]
//
// It starts a throw-away local server as graphtest would for one test
// binary (graphtest.StartServer: free ports, heap 512m, page cache 128m, a
// temporary home under DIPLOGRAPH_TEST_TMPDIR, the distribution in
// DIPLOGRAPH_TEST_NEO4J_DIST or the local server's default home), makes the
// lock file that serializes the tests of all test binaries on it, and
// writes FILE: shell `export` lines of graphtest.Shared (Bolt URI, user,
// password, Neo4j Browser URL, lock file, home), mode 0600, renamed into
// place once the server answers, so that the file's existence means ready.
// Test binaries that find these variables use the server instead of
// starting their own (see graphtest).
//
// On SIGTERM, SIGINT or SIGHUP it stops the server, removes its home and
// FILE, and exits. It never outlives the process that started it: on
// Linux it asks the kernel for SIGTERM when its parent dies
// (PR_SET_PDEATHSIG), also when the parent is killed with SIGKILL, and
// should it be killed itself, the server dies with it (localserver's
// DieWithParent). With -parent it exits at once if its parent is no longer
// PID (the parent died before the request took effect). If the server dies
// under it, it says so with the end of the server's log and exits 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/graph/localserver"
)

func main() {
	envFile := flag.String("env", "", "file to write the shared server's environment to (required)")
	parent := flag.Int("parent", 0, "exit at once unless the parent process is this pid")
	flag.Parse()
	if *envFile == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: testserver -env FILE [-parent PID]")
		os.Exit(2)
	}
	if *parent != 0 && os.Getppid() != *parent {
		fmt.Fprintf(os.Stderr, "testserver: the parent process %d is gone\n", *parent)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer stop()
	if err := run(ctx, *envFile); err != nil {
		fmt.Fprintf(os.Stderr, "testserver: %v\n", err)
		stop()
		os.Exit(1)
	}
}

// run starts the server, writes envFile and serves until ctx ends.
func run(ctx context.Context, envFile string) (err error) {
	envFile, err = filepath.Abs(envFile)
	if err != nil {
		return fmt.Errorf("env file: %w", err)
	}
	startCtx, cancel := context.WithTimeout(ctx, 20*time.Minute) // a first start may assemble the distribution
	srv, err := graphtest.StartServer(startCtx, os.Stderr)
	cancel()
	if err != nil {
		return fmt.Errorf("starting the shared test server: %w", err)
	}
	defer func() {
		// SIGKILL after a minute; the context only guards against a hang.
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if serr := srv.Stop(sctx); serr != nil {
			err = errors.Join(err, serr)
		}
	}()
	sh := graphtest.Shared{
		URI:        srv.Server().BoltURI(),
		User:       localserver.User,
		Password:   srv.Password(),
		BrowserURL: srv.Server().BrowserURL(),
		Lock:       filepath.Join(srv.Home(), "graphtest.lock"),
		Home:       srv.Home(),
	}
	if err := os.WriteFile(sh.Lock, nil, 0o600); err != nil {
		return fmt.Errorf("lock file: %w", err)
	}
	if err := writeEnv(envFile, sh); err != nil {
		return err
	}
	defer os.Remove(envFile)
	fmt.Fprintf(os.Stderr, "testserver: shared test Neo4j at %s (home %s)\n", sh.URI, sh.Home)

	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if !srv.Server().Status().Running {
				return fmt.Errorf("the shared test server in %s stopped by itself; last lines of its log:\n%s",
					sh.Home, srv.Server().LogTail(25))
			}
		}
	}
}

// writeEnv writes sh to path as shell export lines, mode 0600 (it holds
// the password), through a temporary file renamed into place.
func writeEnv(path string, sh graphtest.Shared) error {
	var b strings.Builder
	b.WriteString("# The shared test Neo4j (graph/graphtest/testserver); removed when it stops.\n")
	for _, kv := range sh.Env() {
		k, v, _ := strings.Cut(kv, "=")
		fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(v))
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".testserver-env-*")
	if err != nil {
		return fmt.Errorf("env file: %w", err)
	}
	_, werr := f.WriteString(b.String())
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(f.Name(), path)
	}
	if werr != nil {
		_ = os.Remove(f.Name())
		return fmt.Errorf("env file: %w", werr)
	}
	return nil
}

// shellQuote quotes s for a POSIX shell: in single quotes, a single quote
// written as '\”.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
