package main

import (
	"flag"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

var update = flag.Bool("update", false, "rewrite golden files and the README table")

func TestUsageErrors(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"config", "show", "--format", "xml"},
		{"query", "alliance-timeline", "--param", "a=USA"},
		{"query", "alliance-timeline", "--param", "a=Atlantis", "--param", "b=IRN"},
		{"query", "no-such-query"},
		{"query", "alliance-timeline", "--param", "noequals"},
		{"ingest"},
		{"eval", "x"},
		{"browser", "extra"},
		{"schedule", "runs", "extra"},
		{"no-such-command"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, cmdutil.ExitUsage, errOut)
		}
		if !strings.HasPrefix(errOut, "diplograph: ") {
			t.Errorf("%v: stderr %q", args, errOut)
		}
	}
}

func TestVersionAndCompletion(t *testing.T) {
	isolate(t)
	out, _, code := runCLI(t, "", "version")
	if code != 0 || !strings.Contains(out, "diplograph ") || !strings.Contains(out, localserver.Neo4jVersion) {
		t.Fatalf("version: %d %q", code, out)
	}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		out, _, code := runCLI(t, "", "completion", sh)
		if code != 0 || !strings.Contains(out, "diplograph") {
			t.Errorf("completion %s: exit %d", sh, code)
		}
	}
}

func TestQueryList(t *testing.T) {
	isolate(t)
	out, _, code := runCLI(t, "", "query", "list")
	if code != 0 || !strings.Contains(out, "alliance-timeline") || !strings.Contains(out, "--param a=") {
		t.Fatalf("query list: %d\n%s", code, out)
	}
}
