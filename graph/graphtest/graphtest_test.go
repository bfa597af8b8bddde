package graphtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
)

func TestMain(m *testing.M) { Main(m) }

// helperEnv makes TestHelperStartServer run: it is the child process of
// TestServerDiesWithTestBinary, not a test of its own.
const helperEnv = "GRAPHTEST_HELPER_START_SERVER"

// TestHelperStartServer starts the test server as any test does, prints
// its process id and home, and waits to be killed.
func TestHelperStartServer(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("helper of TestServerDiesWithTestBinary")
	}
	Config(t)
	if own == nil {
		t.Fatal("no test server of its own (DIPLOGRAPH_TEST_NEO4J_URI or the shared server's variables are set?)")
	}
	fmt.Printf("server pid=%d home=%s\n", own.Server().Status().PID, own.Home())
	time.Sleep(10 * time.Minute) // killed long before
}

// A test binary killed with SIGKILL (nothing of it runs any more: no
// TestMain, no cleanup) takes its Neo4j server with it. The helper starts
// a server of its own also when the suite shares one (scripts/test.sh):
// the shared server's variables are not passed on to it.
func TestServerDiesWithTestBinary(t *testing.T) {
	if os.Getenv("DIPLOGRAPH_TEST_NEO4J_URI") != "" {
		t.Skip("the tests use an external server")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperStartServer$", "-test.v", "-test.count=1")
	cmd.Env = append(WithoutSharedEnv(os.Environ()), helperEnv+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()

	// The helper prints the pid once the server answers; a first start may
	// assemble the distribution, hence the long guard.
	type found struct {
		pid  int
		home string
		log  string
	}
	lines := make(chan found, 1)
	go func() {
		var log strings.Builder
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			log.WriteString(line + "\n")
			var f found
			if _, err := fmt.Sscanf(line, "server pid=%d home=%s", &f.pid, &f.home); err == nil {
				lines <- f
				return
			}
		}
		lines <- found{log: log.String()}
	}()
	var f found
	select {
	case f = <-lines:
	case <-time.After(25 * time.Minute):
		t.Fatal("the helper printed no server pid within 25 minutes")
	}
	if f.pid == 0 {
		if strings.Contains(f.log, "--- SKIP") && os.Getenv("CI") != "true" {
			t.Skipf("the helper could not start a server:\n%s", f.log)
		}
		t.Fatalf("the helper printed no server pid:\n%s", f.log)
	}
	t.Cleanup(func() { _ = os.RemoveAll(f.home) })
	if !isServer(f.pid) {
		t.Fatalf("pid %d is not a running Neo4j", f.pid)
	}

	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	// A guard against a hang, not a speed requirement.
	deadline := time.Now().Add(90 * time.Second)
	for isServer(f.pid) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(f.pid, syscall.SIGKILL)
			t.Fatalf("the Neo4j server (pid %d) still runs 90 s after its test binary was killed", f.pid)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// isServer reports whether pid is a live (not zombie) Neo4j server.
func isServer(pid int) bool {
	cmdline, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	if err != nil || !strings.Contains(string(cmdline), "CommunityEntryPoint") {
		return false
	}
	stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}

// Shared's variables round-trip; without them (a plain `go test`) no
// shared server is looked for; incomplete ones are an error.
func TestSharedFromEnv(t *testing.T) {
	want := Shared{
		{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "pw with 'quotes'",
			BrowserURL: "http://127.0.0.1:2/browser/", Lock: "/x/lock", Home: "/x"},
		{URI: "bolt://127.0.0.1:3", User: "neo4j", Password: "other",
			BrowserURL: "http://127.0.0.1:4/browser/", Lock: "/y/lock", Home: "/y"},
	}
	for _, kv := range want.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	if got, err := SharedFromEnv(); err != nil || !slices.Equal(got, want) {
		t.Fatalf("SharedFromEnv() = %+v, %v; want %+v", got, err, want)
	}
	t.Setenv(SharedEnvPrefix+"1_LOCK", "")
	if _, err := SharedFromEnv(); err == nil {
		t.Fatal("a server without a lock file accepted")
	}
	t.Setenv(SharedEnvPrefix+"SERVERS", "")
	if got, err := SharedFromEnv(); got != nil || err != nil {
		t.Fatalf("with no variables: %+v, %v; want none", got, err)
	}
}

// The lock Client takes keeps out another holder (another open of the
// file, as another test binary's) until it is released.
func TestLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock")
	unlock, err := localserver.LockFile(path, true)
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := syscall.Flock(int(other.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatalf("a second lock while held: %v, want EWOULDBLOCK", err)
	}
	if _, err := localserver.LockFile(path, false); !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatalf("lockFile without waiting while held: %v, want EWOULDBLOCK", err)
	}
	unlock()
	if err := syscall.Flock(int(other.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatalf("a second lock after the release: %v", err)
	}
}

// With several servers, take holds the first one no other test binary
// holds, and waits while all are held.
func TestTakeFreeServer(t *testing.T) {
	dir := t.TempDir()
	saved := servers
	t.Cleanup(func() { servers = saved })
	servers = []server{{lock: filepath.Join(dir, "0")}, {lock: filepath.Join(dir, "1")}}
	other, err := localserver.LockFile(servers[0].lock, true) // as another test binary
	if err != nil {
		t.Fatal(err)
	}
	i, unlock, err := take()
	if err != nil || i != 1 {
		t.Fatalf("take() = %d, %v; want the free server 1", i, err)
	}
	got := make(chan int)
	go func() {
		j, unlock2, err := take()
		if err != nil {
			j = -1
		} else {
			unlock2()
		}
		got <- j
	}()
	// While both are held, take waits: an answer now is a failure (a slow
	// machine only makes this check weaker, never makes it fail).
	select {
	case j := <-got:
		t.Fatalf("take() = %d while both servers were held; want it to wait", j)
	case <-time.After(200 * time.Millisecond):
	}
	other() // server 0 is free again; server 1 is still held
	if j := <-got; j != 0 {
		t.Fatalf("the waiting take() = %d; want server 0 once it was free", j)
	}
	unlock()
}

// Between tests the data goes and the schema stays; a schema a test
// changed (a rule dropped or added, a version rewound, an extra version
// node) is told apart from the migrated one, and the next Client or Wipe
// migrates it again. Each change but the dropped constraint is undone by
// hand after the check (a full migration takes seconds on a loaded
// machine); the dropped constraint is restored by Wipe itself.
func TestResetRestoresSchema(t *testing.T) {
	c := Client(t)
	ctx := context.Background()
	want, err := schemaRules(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(want, migrated) || len(want) < 10 {
		t.Fatalf("after Client, %d rules, not the migrated schema (%d rules)", len(want), len(migrated))
	}
	exec := func(src string) {
		t.Helper()
		st, err := graph.ParseStatement("test.cypher", src)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Exec(ctx, st, nil); err != nil {
			t.Fatal(err)
		}
	}
	versionOf, err := graph.ParseStatement("test.cypher", "MATCH (s:DiplographSchema) RETURN s.version")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := c.Read(ctx, versionOf, nil)
	if err != nil || len(recs) != 1 {
		t.Fatalf("version nodes: %v, %v", recs, err)
	}
	version := recs[0].Values[0].(int64)
	for _, tc := range []struct{ change, undo string }{
		{"MATCH (s:DiplographSchema) SET s.version = 30", fmt.Sprintf("MATCH (s:DiplographSchema) SET s.version = %d", version)},
		{"CREATE (:DiplographSchema {name: 'other', version: 1})", "MATCH (s:DiplographSchema {name: 'other'}) DELETE s"},
		{"CREATE INDEX extra_rule FOR (n:Country) ON (n.name)", "DROP INDEX extra_rule"},
	} {
		exec(tc.change)
		got, err := schemaRules(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Equal(got, want) {
			t.Errorf("after %q the schema still compares equal to the migrated one", tc.change)
		}
		exec(tc.undo)
	}
	for _, change := range []string{
		"CREATE (:Country {code: 'FRA'})", // data only
		"DROP CONSTRAINT country_code_unique",
	} {
		t.Run(change, func(t *testing.T) {
			exec(change)
			Wipe(t, c)
			got, err := schemaRules(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("schema after Wipe:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if n := Counts(t, c); len(n) != 0 {
				t.Errorf("data left after Wipe: %v", n)
			}
		})
	}
}
