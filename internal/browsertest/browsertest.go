// Package browsertest gives the real-browser tests what they need: node,
// Debian's Chromium (or $CHROMIUM) and playwright-core in scripts/e2e, all
// installed by scripts/prereqs.sh --e2e. Without them a test is skipped,
// except when CI=true: then it fails, so that CI never passes by skipping.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/testfiles"
)

// Env is where the browser tools and the screenshots are.
type Env struct {
	Root      string // the module root
	Node      string // the node binary
	Chromium  string // the browser playwright drives
	Artifacts string // where screenshots go: $DIPLOGRAPH_TEST_ARTIFACTS, default artifacts/ in the repo
}

// Setup finds the tools, skipping (or, with CI=true, failing) the test
// when one is missing, and creates the artifacts directory.
func Setup(t testing.TB) Env {
	t.Helper()
	need := func(what string, ok bool) {
		t.Helper()
		if ok {
			return
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing (CI=true; scripts/prereqs.sh --e2e installs it)", what)
		}
		t.Skipf("%s missing: run scripts/prereqs.sh --e2e", what)
	}
	root, err := testfiles.Root()
	if err != nil {
		t.Fatal(err)
	}
	e := Env{Root: root, Chromium: os.Getenv("CHROMIUM")}
	e.Node, err = exec.LookPath("node")
	need("node", err == nil)
	if e.Chromium == "" {
		e.Chromium = "/usr/bin/chromium"
	}
	_, err = os.Stat(e.Chromium)
	need("Debian's chromium", err == nil)
	_, err = os.Stat(filepath.Join(root, "scripts", "e2e", "node_modules", "playwright-core"))
	need("playwright-core (npm ci --prefix scripts/e2e)", err == nil)
	e.Artifacts = os.Getenv("DIPLOGRAPH_TEST_ARTIFACTS")
	if e.Artifacts == "" {
		e.Artifacts = filepath.Join(root, "artifacts")
	}
	if err := os.MkdirAll(e.Artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	return e
}

// Command runs the driver scripts/e2e/<script> with node and args, told
// which browser to use.
func (e Env) Command(ctx context.Context, script string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, e.Node, append([]string{filepath.Join(e.Root, "scripts", "e2e", script)}, args...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+e.Chromium)
	return cmd
}
