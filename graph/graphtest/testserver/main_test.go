package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

// runMainEnv makes the test binary run the command instead of the tests.
const runMainEnv = "TESTSERVER_RUN_MAIN"

// servers is how many servers TestStopsWithItsParent starts: as many as
// scripts/test.sh starts.
const servers = 2

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestShellQuote(t *testing.T) {
	for _, v := range []string{"", "plain", "it's", `a"b$c\d`, "'"} {
		out, err := exec.Command("/bin/sh", "-c", "printf %s "+shellQuote(v)).Output()
		if err != nil || string(out) != v {
			t.Errorf("shellQuote(%q) read back as %q (%v)", v, out, err)
		}
	}
}

// The command started as scripts/test.sh starts it: the environment file
// appears once the servers answer, the shell reads it, graphtest reads
// the variables, and each server they name answers with its credentials.
// Then the shell that started the command is killed with SIGKILL (nothing
// of it runs any more, no trap): the command stops the servers, removes
// their homes and the file, and exits.
func TestStopsWithItsParent(t *testing.T) {
	if os.Getenv("DIPLOGRAPH_TEST_NEO4J_URI") != "" {
		t.Skip("the tests use an external server")
	}
	if _, err := exec.LookPath("java"); err != nil && os.Getenv("JAVA_HOME") == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Java (CI=true): %v", err)
		}
		t.Skipf("no Java: %v", err)
	}
	envFile := filepath.Join(t.TempDir(), "neo4j.env")
	sh := exec.Command("/bin/sh", "-c", `"$0" -env "$1" -servers "$2" -parent $$ & echo "pid=$!"; wait`,
		os.Args[0], envFile, strconv.Itoa(servers))
	sh.Env = append(graphtest.WithoutSharedEnv(os.Environ()), runMainEnv+"=1")
	sh.Stderr = os.Stderr
	out, err := sh.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sh.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sh.Process.Kill(); _ = sh.Wait() }()
	var pid int
	if sc := bufio.NewScanner(out); !sc.Scan() {
		t.Fatal("the shell printed no pid")
	} else if _, err := fmt.Sscanf(sc.Text(), "pid=%d", &pid); err != nil {
		t.Fatalf("shell output %q: %v", sc.Text(), err)
	}
	defer func() {
		if alive(pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}()

	// A first start may assemble the distribution: a guard against a
	// hang, not a speed requirement.
	deadline := time.Now().Add(25 * time.Minute)
	for {
		if _, err := os.Stat(envFile); err == nil {
			break
		}
		if !alive(pid) {
			t.Fatal("the command exited without writing the environment file (its output is above)")
		}
		if time.Now().After(deadline) {
			t.Fatal("no environment file within 25 minutes")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if fi, err := os.Stat(envFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("environment file: %v, mode %v; want 0600 (it holds the password)", err, fi.Mode().Perm())
	}
	read, err := exec.Command("/bin/sh", "-c", `. "$0" && env`, envFile).Output()
	if err != nil {
		t.Fatalf("sourcing the environment file: %v", err)
	}
	for _, kv := range strings.Split(string(read), "\n") {
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, graphtest.SharedEnvPrefix) {
			t.Setenv(k, v)
		}
	}
	shared, err := graphtest.SharedFromEnv()
	if err != nil || len(shared) != servers {
		t.Fatalf("the environment file describes %d servers (%v), want %d", len(shared), err, servers)
	}
	tmp, _ := filepath.Abs(os.Getenv("DIPLOGRAPH_TEST_TMPDIR"))
	var homes []string
	var pids []int
	for _, s := range shared {
		if s.User == "" || s.Password == "" || s.BrowserURL == "" {
			t.Errorf("server %+v: a field is empty", s)
		}
		if os.Getenv("DIPLOGRAPH_TEST_TMPDIR") != "" && !strings.HasPrefix(s.Home, filepath.Join(tmp, "neo4j-test-")) {
			t.Errorf("home %s: want a neo4j-test-* directory in DIPLOGRAPH_TEST_TMPDIR %s", s.Home, tmp)
		}
		if _, err := os.Stat(s.Lock); err != nil {
			t.Errorf("lock file: %v", err)
		}
		pids = append(pids, answers(t, s))
		homes = append(homes, s.Home)
	}
	defer func() {
		for _, p := range pids {
			if alive(p) {
				_ = syscall.Kill(p, syscall.SIGKILL)
			}
		}
	}()

	if err := sh.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = sh.Wait()
	// A guard against a hang, not a speed requirement: the servers have a
	// minute to stop before they are killed.
	deadline = time.Now().Add(3 * time.Minute)
	for running(append([]int{pid}, pids...)) {
		if time.Now().After(deadline) {
			t.Fatalf("3 minutes after its parent was killed: command running %v, servers running %v", alive(pid), running(pids))
		}
		time.Sleep(200 * time.Millisecond)
	}
	for _, p := range append(homes, envFile) {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is left behind (%v)", p, err)
		}
	}
}

// answers checks that s answers with its credentials and returns its
// process id.
func answers(t *testing.T, s graphtest.SharedServer) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := graph.Open(ctx, graph.Config{URI: s.URI, User: s.User, Password: s.Password})
	if err != nil {
		t.Fatalf("the shared server does not answer: %v", err)
	}
	info, err := c.Server(ctx)
	c.Close(context.Background())
	if err != nil || !strings.HasPrefix(info.Version, "5.26") {
		t.Fatalf("server = %+v, %v", info, err)
	}
	b, err := os.ReadFile(filepath.Join(s.Home, "run", "diplograph-neo4j.pid"))
	if err != nil {
		t.Fatal(err)
	}
	neo4j, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || !alive(neo4j) {
		t.Fatalf("server pid %q: %v, or not running", b, err)
	}
	return neo4j
}

// running reports whether any of pids is alive.
func running(pids []int) bool {
	for _, p := range pids {
		if alive(p) {
			return true
		}
	}
	return false
}

// alive reports whether pid is a live process (not a zombie).
func alive(pid int) bool {
	stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}
