// Package graphtest gives integration tests a real Neo4j.
//
// It uses the server at DIPLOGRAPH_TEST_NEO4J_URI when that is set (with
// DIPLOGRAPH_TEST_NEO4J_USER and DIPLOGRAPH_TEST_NEO4J_PASSWORD). Otherwise
// it starts a local server once per test binary, on free ports, in a
// temporary home under DIPLOGRAPH_TEST_TMPDIR (default: the system temporary
// directory), reusing the distribution that `diplograph neo4j start`
// assembles (DIPLOGRAPH_TEST_NEO4J_DIST, default the local server's default
// home), and stops it when the tests end. On Linux the server also dies
// with the test binary when that is killed (localserver's DieWithParent). A package opts in with
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
	"net"
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

const testPassword = "graphtest-password"

var (
	once    sync.Once
	cfg     graph.Config
	server  *localserver.Server
	home    string
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
	if server != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := server.Stop(ctx, 30*time.Second); err != nil {
			fmt.Fprintf(os.Stderr, "graphtest: stopping the test server: %v\n", err)
		}
	}
	if home != "" {
		_ = os.RemoveAll(home)
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
	root := os.Getenv("DIPLOGRAPH_TEST_TMPDIR")
	if root != "" {
		if initErr = os.MkdirAll(root, 0o700); initErr != nil {
			return
		}
	}
	home, initErr = os.MkdirTemp(root, "neo4j-test-")
	if initErr != nil {
		return
	}
	ports, err := freePorts(2)
	if err != nil {
		initErr = err
		return
	}
	server, initErr = localserver.New(localserver.Options{
		Home:      home,
		Dist:      envOr("DIPLOGRAPH_TEST_NEO4J_DIST", localserver.DefaultHome()),
		BoltPort:  ports[0],
		HTTPPort:  ports[1],
		Heap:      "512m",
		PageCache: "128m",
		Password:  testPassword,
		Progress:  os.Stderr,
		// Killed with the test binary, however it ends (a timeout's
		// panic, SIGKILL): Main stops it only on a normal exit.
		DieWithParent: true,
	})
	if initErr != nil {
		server = nil
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	if _, initErr = server.Start(ctx); initErr != nil {
		return
	}
	cfg = graph.Config{URI: server.BoltURI(), User: localserver.User, Password: testPassword}
}

// Server is the local server this binary started (nil when the tests use
// DIPLOGRAPH_TEST_NEO4J_URI or none could start).
func Server() *localserver.Server { return server }

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// freePorts asks the kernel for n unused loopback ports.
func freePorts(n int) ([]int, error) {
	var ports []int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("graphtest: free port: %w", err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
