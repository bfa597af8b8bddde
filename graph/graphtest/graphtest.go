// Package graphtest gives integration tests a real Neo4j.
//
// It uses the server at DIPLOGRAPH_TEST_NEO4J_URI when that is set (with
// DIPLOGRAPH_TEST_NEO4J_USER and DIPLOGRAPH_TEST_NEO4J_PASSWORD). Otherwise
// it starts a throw-away local server (StartServer) once per test binary, on
// free ports, in a temporary home under DIPLOGRAPH_TEST_TMPDIR (default: the
// system temporary directory), reusing the distribution that `diplograph
// neo4j start` assembles (DIPLOGRAPH_TEST_NEO4J_DIST, default the local
// server's default home), and stops it when the tests end. On Linux the
// server also dies with the test binary when that is killed (localserver's
// DieWithParent). A package opts in with
//
//	func TestMain(m *testing.M) { graphtest.Main(m) }
//
// and each test calls Client, which returns a connection to an empty graph
// with the schema applied. Without a reachable server the test is skipped,
// except when CI=true: then it fails, so that CI never passes by skipping.
package graphtest

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
)

//go:embed wipe.cypher
var wipeSrc string

//go:embed counts.cypher
var countsSrc string

var (
	wipe   = mustParse("wipe.cypher", wipeSrc)
	counts = mustParse("counts.cypher", countsSrc)
)

func mustParse(name, src string) graph.Statement {
	st, err := graph.ParseStatement(name, src)
	if err != nil {
		panic(err)
	}
	return st
}

// Counts returns the graph's nodes by label and relationships by type, the
// schema's own metadata left out; an empty graph gives an empty map.
func Counts(t testing.TB, c *graph.Client) map[string]int64 {
	t.Helper()
	recs, err := c.Read(context.Background(), counts, nil)
	if err != nil {
		t.Fatalf("graphtest: counts: %v", err)
	}
	out := map[string]int64{}
	for _, r := range recs {
		out[r.Values[0].(string)] = r.Values[1].(int64)
	}
	return out
}

var (
	once    sync.Once
	cfg     graph.Config
	own     *localserver.Throwaway // the server this binary started
	initErr error
	mu      sync.Mutex // tests that share the one database run one at a time
)

// Main runs the package's tests and stops the server it started.
func Main(m *testing.M) {
	// Since Go 1.15 the test binary exits with m.Run's code when TestMain
	// returns, so the server is stopped on failure too.
	m.Run()
	stop()
}

func stop() {
	if own == nil {
		return
	}
	// Stop kills the server after a minute; this only guards against a hang.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := own.Stop(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "graphtest: stopping the test server: %v\n", err)
	}
}

// Config returns how to reach the test server, starting it on first use.
func Config(t testing.TB) graph.Config {
	t.Helper()
	once.Do(setup)
	if initErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("graphtest: no Neo4j for integration tests (CI=true, so this fails instead of skipping): %v", initErr)
		}
		t.Skipf("graphtest: no Neo4j for integration tests: %v", initErr)
	}
	return cfg
}

// Client returns a client connected to an empty graph with the current
// schema. Tests that call it are serialized (they share one database); the
// client is closed when the test ends.
func Client(t testing.TB) *graph.Client {
	t.Helper()
	c := Config(t)
	mu.Lock()
	t.Cleanup(mu.Unlock)
	ctx := context.Background()
	cl, err := graph.Open(ctx, c)
	if err != nil {
		t.Fatalf("graphtest: %v", err)
	}
	t.Cleanup(func() { _ = cl.Close(context.Background()) })
	if err := cl.Exec(ctx, wipe, nil); err != nil {
		t.Fatalf("graphtest: wipe: %v", err)
	}
	if _, err := cl.Migrate(ctx); err != nil {
		t.Fatalf("graphtest: migrate: %v", err)
	}
	return cl
}

// Wipe empties the graph of a test that already holds the database (from
// Client) and brings the schema up to date again.
func Wipe(t testing.TB, c *graph.Client) {
	t.Helper()
	ctx := context.Background()
	if err := c.Exec(ctx, wipe, nil); err != nil {
		t.Fatalf("graphtest: wipe: %v", err)
	}
	if _, err := c.Migrate(ctx); err != nil {
		t.Fatalf("graphtest: migrate: %v", err)
	}
}

func setup() {
	if uri := os.Getenv("DIPLOGRAPH_TEST_NEO4J_URI"); uri != "" {
		cfg = graph.Config{
			URI:      uri,
			User:     envOr("DIPLOGRAPH_TEST_NEO4J_USER", "neo4j"),
			Password: os.Getenv("DIPLOGRAPH_TEST_NEO4J_PASSWORD"),
			Database: os.Getenv("DIPLOGRAPH_TEST_NEO4J_DATABASE"),
		}
		return
	}
	// A first start may assemble the distribution.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	if own, initErr = StartServer(ctx, os.Stderr); initErr != nil {
		return
	}
	cfg = graph.Config{URI: own.Server().BoltURI(), User: localserver.User, Password: own.Password()}
}

// StartServer starts a throw-away server as the tests use it: free ports,
// heap 512m, page cache 128m, a temporary home under DIPLOGRAPH_TEST_TMPDIR
// (default: the system temporary directory), the distribution in
// DIPLOGRAPH_TEST_NEO4J_DIST (default: the local server's default home).
// It dies with this process, however that ends (on Linux); Main stops it
// only on a normal exit.
func StartServer(ctx context.Context, progress io.Writer) (*localserver.Throwaway, error) {
	return localserver.StartThrowaway(ctx, localserver.ThrowawayOptions{
		Options: localserver.Options{
			Dist:      envOr("DIPLOGRAPH_TEST_NEO4J_DIST", localserver.DefaultHome()),
			Heap:      "512m",
			PageCache: "128m",
			Progress:  progress,
		},
		TempDir: os.Getenv("DIPLOGRAPH_TEST_TMPDIR"),
	})
}

// Server is the local server this binary started (nil when the tests use
// DIPLOGRAPH_TEST_NEO4J_URI or none could start).
func Server() *localserver.Server {
	if own == nil {
		return nil
	}
	return own.Server()
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
