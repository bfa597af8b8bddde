package graphtest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
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
	if Server() == nil {
		t.Fatal("no local test server (DIPLOGRAPH_TEST_NEO4J_URI is set?)")
	}
	fmt.Printf("server pid=%d home=%s\n", Server().Status().PID, own.Home())
	time.Sleep(10 * time.Minute) // killed long before
}

// A test binary killed with SIGKILL (nothing of it runs any more: no
// TestMain, no cleanup) takes its Neo4j server with it.
func TestServerDiesWithTestBinary(t *testing.T) {
	if os.Getenv("DIPLOGRAPH_TEST_NEO4J_URI") != "" {
		t.Skip("the tests use an external server")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperStartServer$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"=1")
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
