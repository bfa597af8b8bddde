package graphtest

import (
	"os/exec"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// DeadProcess starts a child process, notes its pid and start time, and
// returns once it has exited and been reaped: a lock holder that is
// provably gone, for tests of lock take-over.
func DeadProcess(t testing.TB) graph.Process {
	t.Helper()
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skipf("no sleep command to start a child process: %v", err)
	}
	cmd := exec.Command(sleep, "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := graph.LocalProcess(cmd.Process.Pid)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	return p
}
