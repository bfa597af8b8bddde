// Command testserver runs the Neo4j servers that a whole test run shares.
//
// scripts/test.sh starts it in the background before `go test ./...`:
//
//	testserver -env FILE [-servers N] [-parent PID]
//
// It starts N throw-away local servers at once (default 1; test.sh asks for
// two, one for each test binary go test runs at a time on two cores), as
// graphtest would for one test binary (graphtest.StartServer: free ports,
// heap 512m, page cache 128m, a temporary home under DIPLOGRAPH_TEST_TMPDIR,
// the distribution in DIPLOGRAPH_TEST_NEO4J_DIST or the local server's
// default home), makes in each home the lock file that lets one test at a
// time hold that server, and writes FILE: shell `export` lines of
// graphtest.Shared (per server the Bolt URI, user, password, Neo4j Browser
// URL, lock file and home), mode 0600, renamed into place once all servers
// answer, so that the file's existence means ready. Test binaries that
// find these variables use the servers instead of starting their own (see
// graphtest).
//
// On SIGTERM, SIGINT or SIGHUP it stops the servers, removes their homes
// and FILE, and exits. It never outlives the process that started it: on
// Linux it asks the kernel for SIGTERM when its parent dies
// (PR_SET_PDEATHSIG), also when the parent is killed with SIGKILL, and
// should it be killed itself, the servers die with it (localserver's
// DieWithParent). With -parent it exits at once if its parent is no longer
// PID (the parent died before the request took effect). If a server dies
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
	"sync"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/graph/localserver"
)

func main() {
	envFile := flag.String("env", "", "file to write the shared servers' environment to (required)")
	parent := flag.Int("parent", 0, "exit at once unless the parent process is this pid")
	n := flag.Int("servers", 1, "how many servers to start (the tests take whichever is free)")
	flag.Parse()
	if *envFile == "" || flag.NArg() > 0 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: testserver -env FILE [-servers N] [-parent PID]")
		os.Exit(2)
	}
	if *parent != 0 && os.Getppid() != *parent {
		fmt.Fprintf(os.Stderr, "testserver: the parent process %d is gone\n", *parent)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	defer stop()
	if err := run(ctx, *envFile, *n); err != nil {
		fmt.Fprintf(os.Stderr, "testserver: %v\n", err)
		stop()
		os.Exit(1)
	}
}

// run starts n servers at once, writes envFile and serves until ctx ends;
// then it stops them.
func run(ctx context.Context, envFile string, n int) (err error) {
	envFile, err = filepath.Abs(envFile)
	if err != nil {
		return fmt.Errorf("env file: %w", err)
	}
	srvs := make([]*localserver.Throwaway, n)
	errs := make([]error, n)
	startCtx, cancel := context.WithTimeout(ctx, 20*time.Minute) // a first start may assemble the distribution
	var wg sync.WaitGroup
	for i := range srvs {
		wg.Go(func() {
			if srvs[i], errs[i] = graphtest.StartServer(startCtx, os.Stderr); errs[i] != nil {
				errs[i] = fmt.Errorf("starting shared test server %d: %w", i, errs[i])
				cancel() // the others are of no use
			}
		})
	}
	wg.Wait()
	cancel()
	defer func() {
		// Each Stop kills its server after a minute; the context only
		// guards against a hang.
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		stopErrs := make([]error, n)
		var wg sync.WaitGroup
		for i, srv := range srvs {
			if srv != nil {
				wg.Go(func() { stopErrs[i] = srv.Stop(sctx) })
			}
		}
		wg.Wait()
		err = errors.Join(append([]error{err}, stopErrs...)...)
	}()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	shared := make(graphtest.Shared, n)
	for i, srv := range srvs {
		shared[i] = graphtest.SharedServer{
			URI:        srv.Server().BoltURI(),
			User:       localserver.User,
			Password:   srv.Password(),
			BrowserURL: srv.Server().BrowserURL(),
			Lock:       filepath.Join(srv.Home(), "graphtest.lock"),
			Home:       srv.Home(),
		}
		if err := os.WriteFile(shared[i].Lock, nil, 0o600); err != nil {
			return fmt.Errorf("lock file: %w", err)
		}
		fmt.Fprintf(os.Stderr, "testserver: shared test Neo4j at %s (home %s)\n", shared[i].URI, shared[i].Home)
	}
	if err := writeEnv(envFile, shared); err != nil {
		return err
	}
	defer os.Remove(envFile)

	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			for _, srv := range srvs {
				if !srv.Server().Status().Running {
					return fmt.Errorf("the shared test server in %s stopped by itself; last lines of its log:\n%s",
						srv.Home(), srv.Server().LogTail(25))
				}
			}
		}
	}
}

// writeEnv writes sh to path as shell export lines, mode 0600 (it holds
// the passwords), through a temporary file renamed into place.
func writeEnv(path string, sh graphtest.Shared) error {
	var b strings.Builder
	b.WriteString("# The shared test Neo4j servers (graph/graphtest/testserver); removed when they stop.\n")
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
