// Package graphtest gives integration tests a real Neo4j.
//
// Where the server comes from, in this order:
//
//   - DIPLOGRAPH_TEST_NEO4J_URI (with DIPLOGRAPH_TEST_NEO4J_USER and
//     DIPLOGRAPH_TEST_NEO4J_PASSWORD): that server, run by someone else.
//   - The variables of Shared (DIPLOGRAPH_TEST_SHARED_NEO4J_*): the servers
//     a whole test run shares. scripts/test.sh starts them with the
//     testserver command (graph/graphtest/testserver) before
//     `go test ./...` and stops them afterwards; every package's tests use
//     them instead of starting a server of their own. It starts two, one
//     for each test binary that go test runs at a time on two cores.
//   - Otherwise (a plain `go test ./graph`) each test binary starts its own
//     throw-away server once (StartServer: free ports, a temporary home
//     under DIPLOGRAPH_TEST_TMPDIR, default the system temporary directory,
//     the distribution that `diplograph neo4j start` assembles,
//     DIPLOGRAPH_TEST_NEO4J_DIST, default the local server's default home)
//     and stops it when the tests end. On Linux the server also dies with
//     the test binary when that is killed.
//
// A package opts in with
//
//	func TestMain(m *testing.M) { graphtest.Main(m) }
//
// and each test calls Client, which returns a connection to an empty graph
// with the schema applied. Neo4j Community has one user database per
// server (no CREATE DATABASE), so a test holds a whole server while it
// runs: Client takes it until the test ends, against the package's other
// tests (a mutex: one test of a binary at a time) and, on shared or
// external servers, against the tests of every other test binary (an
// exclusive flock on the server's lock file: SharedServer.Lock, or for an
// external server a file in the system temporary directory named after
// its URI). With several shared servers Client takes the first free one,
// and waits while all are held. The graph is wiped when a test takes it,
// so each test starts empty whatever ran before. A test that starts a
// child process must not make the child call Client while it holds a
// server itself: the child could wait for the lock forever.
//
// Without a reachable server the test is skipped, except when CI=true: then
// it fails, so that CI never passes by skipping.
package graphtest

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
)

// The package's statements, one per file.
//
//go:embed *.cypher
var statements embed.FS

var (
	wipeData         = mustParse("wipe_data")
	schemaState      = mustParse("schema_state")
	schemaNodes      = mustParse("schema_nodes")
	counts           = mustParse("counts")
	constraintsList  = mustParse("schema_drop_constraints_list")
	dropConstraint   = mustParse("schema_drop_constraint")
	indexesList      = mustParse("schema_drop_indexes_list")
	dropIndex        = mustParse("schema_drop_index")
	dropVersionNodes = mustParse("schema_drop_version")
)

func mustParse(name string) graph.Statement {
	src, err := statements.ReadFile(name + ".cypher")
	if err == nil {
		var st graph.Statement
		if st, err = graph.ParseStatement(name+".cypher", string(src)); err == nil {
			return st
		}
	}
	panic(err)
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

// SharedEnvPrefix begins the names of the environment variables that
// describe the shared servers (see Shared.Env).
const SharedEnvPrefix = "DIPLOGRAPH_TEST_SHARED_NEO4J_"

// SharedServer is one of the servers a whole test run shares.
type SharedServer struct {
	URI        string // Bolt
	User       string
	Password   string
	BrowserURL string // Neo4j Browser on the server's HTTP port
	Lock       string // the file whose flock holds the server's database
	Home       string // the server's home: its logs are in logs/
}

// Shared is the servers a whole test run shares (see the package
// documentation): the testserver command writes them, as environment
// variables, for scripts/test.sh to export.
type Shared []SharedServer

// Env is s as NAME=value pairs: SharedEnvPrefix+"SERVERS" the number of
// servers, and for the i-th (from 0) SharedEnvPrefix+"<i>_URI", "_USER",
// "_PASSWORD", "_BROWSER_URL", "_LOCK" and "_HOME".
func (s Shared) Env() []string {
	env := []string{fmt.Sprintf("%sSERVERS=%d", SharedEnvPrefix, len(s))}
	for i, srv := range s {
		p := fmt.Sprintf("%s%d_", SharedEnvPrefix, i)
		env = append(env, p+"URI="+srv.URI, p+"USER="+srv.User, p+"PASSWORD="+srv.Password,
			p+"BROWSER_URL="+srv.BrowserURL, p+"LOCK="+srv.Lock, p+"HOME="+srv.Home)
	}
	return env
}

// SharedFromEnv reads Shared from the environment: nil when
// SharedEnvPrefix+"SERVERS" is not set, an error when the variables are
// incomplete.
func SharedFromEnv() (Shared, error) {
	v := os.Getenv(SharedEnvPrefix + "SERVERS")
	if v == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("%sSERVERS=%q: want a number of servers, 1 or more", SharedEnvPrefix, v)
	}
	s := make(Shared, n)
	for i := range s {
		p := fmt.Sprintf("%s%d_", SharedEnvPrefix, i)
		s[i] = SharedServer{URI: os.Getenv(p + "URI"), User: os.Getenv(p + "USER"), Password: os.Getenv(p + "PASSWORD"),
			BrowserURL: os.Getenv(p + "BROWSER_URL"), Lock: os.Getenv(p + "LOCK"), Home: os.Getenv(p + "HOME")}
		if s[i].URI == "" || s[i].Lock == "" {
			return nil, fmt.Errorf("%sSERVERS is %d, but %sURI or %sLOCK is not set", SharedEnvPrefix, n, p, p)
		}
	}
	return s, nil
}

// server is a database the tests can use.
type server struct {
	cfg        graph.Config
	browserURL string // its Neo4j Browser ("" when not known)
	lock       string // the flock shared with other test binaries ("" for none)
}

var (
	once    sync.Once
	servers []server // the shared ones, or the one of DIPLOGRAPH_TEST_NEO4J_URI or of this binary
	managed bool     // local servers set up for the tests: APOC, Browser
	own     *localserver.Throwaway
	initErr error
	mu      sync.Mutex // one test of this binary at a time holds a database

	heldMu sync.Mutex
	held   = -1 // the server whose database this binary's current Client test holds
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
	return current().cfg
}

// current is the server of the test that holds a database (Client), or
// else the first.
func current() server {
	heldMu.Lock()
	defer heldMu.Unlock()
	if held >= 0 {
		return servers[held]
	}
	return servers[0]
}

func setHeld(i int) {
	heldMu.Lock()
	held = i
	heldMu.Unlock()
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
	return current().browserURL
}

// Client returns a client connected to an empty graph with the current
// schema. Tests that call it are serialized, also across test binaries on
// shared or external servers (see the package documentation); the client
// is closed when the test ends. A test that also calls Config or
// BrowserURL calls them after Client: they then describe the server
// Client chose.
func Client(t testing.TB) *graph.Client {
	t.Helper()
	Config(t)
	mu.Lock()
	t.Cleanup(mu.Unlock)
	i, unlock, err := take()
	if err != nil {
		t.Fatalf("graphtest: %v", err)
	}
	setHeld(i)
	t.Cleanup(func() { setHeld(-1); unlock() })
	ctx := context.Background()
	cl, err := graph.Open(ctx, servers[i].cfg)
	if err != nil {
		t.Fatalf("graphtest: %v", err)
	}
	t.Cleanup(func() { _ = cl.Close(context.Background()) })
	if err := reset(ctx, cl); err != nil {
		t.Fatalf("graphtest: %v", err)
	}
	return cl
}

// Wipe empties the graph of a test that already holds the database (from
// Client) and brings the schema up to date again.
func Wipe(t testing.TB, c *graph.Client) {
	t.Helper()
	if err := reset(context.Background(), c); err != nil {
		t.Fatalf("graphtest: %v", err)
	}
}

// migrated is the schema (schemaRules) that a full migration of an empty
// graph left, the first time this binary made one; nil before.
var migrated []string

// reset empties the graph and leaves the current schema. The data goes,
// the version node stays; when the schema is then exactly what this
// binary's own full migration left (same indexes and constraints in the
// same state, one version node at the same version), the graph is ready.
// Otherwise, as on a binary's first test, or after a test (of this or
// another binary) changed the schema or its version, the version node
// goes too (dropSchema), every constraint and index is dropped, and every
// migration runs again. That full path took 2.3 s in TestResetRestoresSchema
// run alone on an idle machine; the check is two small reads.
func reset(ctx context.Context, c *graph.Client) error {
	if err := c.Exec(ctx, wipeData, nil); err != nil {
		return fmt.Errorf("wipe: %w", err)
	}
	if migrated != nil {
		rules, err := schemaRules(ctx, c)
		if err != nil {
			return err
		}
		if slices.Equal(rules, migrated) {
			return nil
		}
	}
	// wipe_data left only the version nodes, and dropSchema removes them.
	if err := dropSchema(ctx, c); err != nil {
		return err
	}
	if _, err := c.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	rules, err := schemaRules(ctx, c)
	if err != nil {
		return err
	}
	migrated = rules
	return nil
}

// DropSchema leaves the database of c without diplograph's schema: no
// constraint, no index but the token lookup indexes every database has,
// no recorded version. The data stays.
func DropSchema(t testing.TB, c *graph.Client) {
	t.Helper()
	if err := dropSchema(context.Background(), c); err != nil {
		t.Fatalf("graphtest: %v", err)
	}
}

func dropSchema(ctx context.Context, c *graph.Client) error {
	for _, kind := range []struct{ list, drop graph.Statement }{
		{constraintsList, dropConstraint},
		{indexesList, dropIndex},
	} {
		recs, err := c.Read(ctx, kind.list, nil)
		if err != nil {
			return fmt.Errorf("drop schema: %w", err)
		}
		for _, r := range recs {
			if err := c.Exec(ctx, kind.drop, map[string]any{"name": r.Values[0]}); err != nil {
				return fmt.Errorf("drop schema: %w", err)
			}
		}
	}
	if err := c.Write(ctx, dropVersionNodes, nil); err != nil {
		return fmt.Errorf("drop schema: %w", err)
	}
	return nil
}

// SchemaNames returns the names of the constraints and of the indexes
// that do not back one (the token lookup indexes left out).
func SchemaNames(t testing.TB, c *graph.Client) map[string]bool {
	t.Helper()
	names := map[string]bool{}
	for _, list := range []graph.Statement{constraintsList, indexesList} {
		recs, err := c.Read(context.Background(), list, nil)
		if err != nil {
			t.Fatalf("graphtest: %v", err)
		}
		for _, r := range recs {
			names[r.Values[0].(string)] = true
		}
	}
	return names
}

// schemaRules lists the graph's indexes and constraints with their
// definitions and states, and its schema version nodes.
func schemaRules(ctx context.Context, c *graph.Client) ([]string, error) {
	var rules []string
	for _, st := range []graph.Statement{schemaState, schemaNodes} {
		recs, err := c.Read(ctx, st, nil)
		if err != nil {
			return nil, fmt.Errorf("schema: %w", err)
		}
		for _, r := range recs {
			s, _ := r.Values[0].(string)
			rules = append(rules, s)
		}
	}
	return rules, nil
}

// take holds the database of one of the servers and returns its index and
// the release: the first server whose lock is free, else it waits for one
// (with several servers, it looks again every 50 ms). The kernel releases
// the locks too when the process ends, however it ends.
func take() (int, func(), error) {
	if len(servers) == 1 {
		if servers[0].lock == "" {
			return 0, func() {}, nil
		}
		unlock, err := localserver.LockFile(servers[0].lock, true)
		return 0, unlock, err
	}
	for {
		for i, s := range servers {
			unlock, err := localserver.LockFile(s.lock, false)
			if err == nil {
				return i, unlock, nil
			}
			if !errors.Is(err, syscall.EWOULDBLOCK) {
				return 0, nil, err
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WithoutSharedEnv is env (as os.Environ gives it) without the shared
// servers' variables: a child process given it starts its own server.
func WithoutSharedEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, SharedEnvPrefix) {
			out = append(out, kv)
		}
	}
	return out
}

func setup() {
	if uri := os.Getenv("DIPLOGRAPH_TEST_NEO4J_URI"); uri != "" {
		cfg := graph.Config{
			URI:      uri,
			User:     envOr("DIPLOGRAPH_TEST_NEO4J_USER", "neo4j"),
			Password: os.Getenv("DIPLOGRAPH_TEST_NEO4J_PASSWORD"),
			Database: os.Getenv("DIPLOGRAPH_TEST_NEO4J_DATABASE"),
		}
		// `go test ./...` runs test binaries in parallel: they must not
		// wipe each other's graph on the one server.
		sum := sha256.Sum256([]byte(uri + "\x00" + cfg.Database))
		lock := filepath.Join(os.TempDir(), "diplograph-graphtest-"+hex.EncodeToString(sum[:8])+".lock")
		servers = []server{{cfg: cfg, lock: lock}}
		return
	}
	shared, err := SharedFromEnv()
	if err != nil {
		initErr = err
		return
	}
	if shared != nil {
		for _, s := range shared {
			servers = append(servers, server{
				cfg:        graph.Config{URI: s.URI, User: s.User, Password: s.Password},
				browserURL: s.BrowserURL,
				lock:       s.Lock,
			})
		}
		managed = true
		return
	}
	// A first start may assemble the distribution.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	if own, initErr = StartServer(ctx, os.Stderr); initErr != nil {
		return
	}
	servers = []server{{
		cfg:        graph.Config{URI: own.Server().BoltURI(), User: localserver.User, Password: own.Password()},
		browserURL: own.Server().BrowserURL(),
	}}
	managed = true
}

// StartServer starts a throw-away server as the tests use it: free ports,
// heap 512m, page cache 128m, localserver's TestTuning, a temporary home
// under DIPLOGRAPH_TEST_TMPDIR (default: the system temporary
// directory), the distribution in
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
			// Tests run thousands of different short queries: a server
			// that compiles less runs them on half the CPU.
			TestTuning: true,
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
