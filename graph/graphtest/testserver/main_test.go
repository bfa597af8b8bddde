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
// appears once the server answers, the shell reads it, and the server it
// names answers with those credentials. Then the shell that started it is
// killed with SIGKILL (nothing of it runs any more, no trap): the command
// stops the server, removes its home and the file, and exits.
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
	sh := exec.Command("/bin/sh", "-c", `"$0" -env "$1" -parent $$ & echo "pid=$!"; wait`, os.Args[0], envFile)
	sh.Env = append(withoutShared(os.Environ()), runMainEnv+"=1")
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
	vars := []string{graphtest.SharedURIEnv, graphtest.SharedUserEnv, graphtest.SharedPasswordEnv,
		graphtest.SharedBrowserURLEnv, graphtest.SharedLockEnv, graphtest.SharedHomeEnv}
	script := `. "$0"`
	for _, v := range vars {
		script += ` && printf '%s\n' "$` + v + `"`
	}
	read, err := exec.Command("/bin/sh", "-c", script, envFile).Output()
	if err != nil {
		t.Fatalf("sourcing the environment file: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(read), "\n"), "\n")
	if len(lines) != len(vars) {
		t.Fatalf("the environment file gave %q", lines)
	}
	for i, v := range vars {
		if lines[i] == "" {
			t.Errorf("%s is empty", v)
		}
	}
	sh2 := graphtest.Shared{URI: lines[0], User: lines[1], Password: lines[2], BrowserURL: lines[3], Lock: lines[4], Home: lines[5]}
	if tmp, _ := filepath.Abs(os.Getenv("DIPLOGRAPH_TEST_TMPDIR")); os.Getenv("DIPLOGRAPH_TEST_TMPDIR") != "" && !strings.HasPrefix(sh2.Home, filepath.Join(tmp, "neo4j-test-")) {
		t.Errorf("home %s: want a neo4j-test-* directory in DIPLOGRAPH_TEST_TMPDIR %s", sh2.Home, tmp)
	}
	if _, err := os.Stat(sh2.Lock); err != nil {
		t.Errorf("lock file: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := graph.Open(ctx, graph.Config{URI: sh2.URI, User: sh2.User, Password: sh2.Password})
	if err != nil {
		t.Fatalf("the shared server does not answer: %v", err)
	}
	info, err := c.Server(ctx)
	c.Close(context.Background())
	if err != nil || !strings.HasPrefix(info.Version, "5.26") {
		t.Fatalf("server = %+v, %v", info, err)
	}
	b, err := os.ReadFile(filepath.Join(sh2.Home, "run", "diplograph-neo4j.pid"))
	if err != nil {
		t.Fatal(err)
	}
	neo4j, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || !alive(neo4j) {
		t.Fatalf("server pid %q: %v, or not running", b, err)
	}
	defer func() {
		if alive(neo4j) {
			_ = syscall.Kill(neo4j, syscall.SIGKILL)
		}
	}()

	if err := sh.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = sh.Wait()
	// A guard against a hang, not a speed requirement: the server has a
	// minute to stop before it is killed.
	deadline = time.Now().Add(3 * time.Minute)
	for alive(pid) || alive(neo4j) {
		if time.Now().After(deadline) {
			t.Fatalf("3 minutes after its parent was killed: command running %v, server running %v", alive(pid), alive(neo4j))
		}
		time.Sleep(200 * time.Millisecond)
	}
	for _, p := range []string{sh2.Home, envFile} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is left behind (%v)", p, err)
		}
	}
}

// withoutShared is env without the shared server's variables.
func withoutShared(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "DIPLOGRAPH_TEST_SHARED_NEO4J_") {
			out = append(out, kv)
		}
	}
	return out
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
