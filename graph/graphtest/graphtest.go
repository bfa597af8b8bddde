// Package graphtest gives integration tests a real Neo4j.
//
// Where the server comes from, in this order:
//
//   - DIPLOGRAPH_TEST_NEO4J_URI (with DIPLOGRAPH_TEST_NEO4J_USER and
//     DIPLOGRAPH_TEST_NEO4J_PASSWORD): that server, run by someone else.
//   - DIPLOGRAPH_TEST_SHARED_NEO4J_URI and the other variables of Shared:
//     the one server a whole test run shares. scripts/test.sh starts it
//     with the testserver command (graph/graphtest/testserver) before
//     `go test ./...` and stops it afterwards; every package's tests use
//     it instead of starting a server of their own.
//   - Otherwise (a plain `go test ./graph`) each test binary starts its own
//     throw-away server once (localserver.StartThrowaway: free ports, a
//     temporary home under DIPLOGRAPH_TEST_TMPDIR, default the system
//     temporary directory, the distribution that `diplograph neo4j start`
//     assembles, DIPLOGRAPH_TEST_NEO4J_DIST, default the local server's
//     default home) and stops it when the tests end. On Linux the server
//     also dies with the test binary when that is killed.
//
// A package opts in with
//
//	func TestMain(m *testing.M) { graphtest.Main(m) }
//
// and each test calls Client, which returns a connection to an empty graph
// with the schema applied. Neo4j Community has one user database, so tests
// never run on it at the same time: Client holds the database until the
// test ends, against the package's other tests (a mutex) and, with a shared
// or external server, against the tests of every other test binary (an
// exclusive flock on a lock file: Shared.Lock, or for an external server a
// file in the system temporary directory named after its URI). The graph is
// wiped when a test takes it, so each test starts empty whatever ran
// before. A test that starts a child process must not make the child call
// Client while it holds the database itself: the child would wait for the
// lock forever.
//
// Without a reachable server the test is skipped, except when CI=true: then
// it fails, so that CI never passes by skipping.
package graphtest

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"syscall"
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

// The environment variables of Shared.
const (
	SharedURIEnv        = "DIPLOGRAPH_TEST_SHARED_NEO4J_URI"
	SharedUserEnv       = "DIPLOGRAPH_TEST_SHARED_NEO4J_USER"
	SharedPasswordEnv   = "DIPLOGRAPH_TEST_SHARED_NEO4J_PASSWORD"
	SharedBrowserURLEnv = "DIPLOGRAPH_TEST_SHARED_NEO4J_BROWSER_URL"
	SharedLockEnv       = "DIPLOGRAPH_TEST_SHARED_NEO4J_LOCK"
	SharedHomeEnv       = "DIPLOGRAPH_TEST_SHARED_NEO4J_HOME"
)

// Shared describes the server a whole test run shares (see the package
// documentation): the testserver command writes it, as environment
// variables, for scripts/test.sh to export.
type Shared struct {
	URI        string // Bolt
	User       string
	Password   string
	BrowserURL string // Neo4j Browser on the server's HTTP port
	Lock       string // the file whose flock holds the database
	Home       string // the server's home: its logs are in logs/
}

// Env is s as NAME=value pairs.
func (s Shared) Env() []string {
	return []string{
		SharedURIEnv + "=" + s.URI,
		SharedUserEnv + "=" + s.User,
		SharedPasswordEnv + "=" + s.Password,
		SharedBrowserURLEnv + "=" + s.BrowserURL,
		SharedLockEnv + "=" + s.Lock,
		SharedHomeEnv + "=" + s.Home,
	}
}

// SharedFromEnv reads Shared from the environment; ok is false when
// SharedURIEnv is not set.
func SharedFromEnv() (s Shared, ok bool) {
	s = Shared{
		URI:        os.Getenv(SharedURIEnv),
		User:       os.Getenv(SharedUserEnv),
		Password:   os.Getenv(SharedPasswordEnv),
		BrowserURL: os.Getenv(SharedBrowserURLEnv),
		Lock:       os.Getenv(SharedLockEnv),
		Home:       os.Getenv(SharedHomeEnv),
	}
	return s, s.URI != ""
}

var (
	once       sync.Once
	cfg        graph.Config
	managed    bool                   // a local server set up for the tests: APOC, Browser
	browserURL string                 // its Neo4j Browser
	lockPath   string                 // the flock shared with other test binaries ("" for none)
	own        *localserver.Throwaway // the server this binary started
	initErr    error
	mu         sync.Mutex // tests that share the one database run one at a time
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

// Managed reports whether the tests run on a local server set up for them
// (the binary's own or the shared one): Neo4j Community with APOC and
// Neo4j Browser, as `diplograph neo4j start` runs it. It is false with
// DIPLOGRAPH_TEST_NEO4J_URI, a server of unknown make-up.
func Managed(t testing.TB) bool {
	t.Helper()
	Config(t)
	return managed
}

// BrowserURL is the address of the managed test server's Neo4j Browser.
// With DIPLOGRAPH_TEST_NEO4J_URI there is none known: the test is skipped.
func BrowserURL(t testing.TB) string {
	t.Helper()
	if !Managed(t) {
		t.Skip("graphtest: Neo4j Browser is known on the managed test server only (DIPLOGRAPH_TEST_NEO4J_URI is set)")
	}
	return browserURL
}

// Client returns a client connected to an empty graph with the current
// schema. Tests that call it are serialized, also across test binaries on
// a shared or external server (see the package documentation); the
// client is closed when the test ends.
func Client(t testing.TB) *graph.Client {
	t.Helper()
	c := Config(t)
	mu.Lock()
	t.Cleanup(mu.Unlock)
	if lockPath != "" {
		unlock, err := lockFile(lockPath)
		if err != nil {
			t.Fatalf("graphtest: %v", err)
		}
		t.Cleanup(unlock)
	}
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

// lockFile takes an exclusive flock on path, waiting for other holders,
// and returns its release. The kernel releases it too when the process
// ends, however it ends.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock for the shared database: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}, nil
}

func setup() {
	if uri := os.Getenv("DIPLOGRAPH_TEST_NEO4J_URI"); uri != "" {
		cfg = graph.Config{
			URI:      uri,
			User:     envOr("DIPLOGRAPH_TEST_NEO4J_USER", "neo4j"),
			Password: os.Getenv("DIPLOGRAPH_TEST_NEO4J_PASSWORD"),
			Database: os.Getenv("DIPLOGRAPH_TEST_NEO4J_DATABASE"),
		}
		// `go test ./...` runs test binaries in parallel: they must not
		// wipe each other's graph on the one server.
		sum := sha256.Sum256([]byte(uri + "\x00" + cfg.Database))
		lockPath = filepath.Join(os.TempDir(), "diplograph-graphtest-"+hex.EncodeToString(sum[:8])+".lock")
		return
	}
	if s, ok := SharedFromEnv(); ok {
		if s.Lock == "" {
			initErr = fmt.Errorf("%s is set but %s is not: the test binaries could not take turns on the shared server", SharedURIEnv, SharedLockEnv)
			return
		}
		cfg = graph.Config{URI: s.URI, User: s.User, Password: s.Password}
		managed, browserURL, lockPath = true, s.BrowserURL, s.Lock
		return
	}
	// A first start may assemble the distribution.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	if own, initErr = StartServer(ctx, os.Stderr); initErr != nil {
		return
	}
	cfg = graph.Config{URI: own.Server().BoltURI(), User: localserver.User, Password: own.Password()}
	managed, browserURL = true, own.Server().BrowserURL()
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
		TempDir:    os.Getenv("DIPLOGRAPH_TEST_TMPDIR"),
		HomePrefix: "neo4j-test-",
	})
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
