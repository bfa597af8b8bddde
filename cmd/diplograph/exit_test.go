package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

var update = flag.Bool("update", false, "rewrite golden files and the README table")

func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		code int
	}{
		{nil, cmdutil.ExitOK},
		{errors.New("boom"), cmdutil.ExitError},
		{cmdutil.Usagef("bad flag"), cmdutil.ExitUsage},
		{fmt.Errorf("wrapped: %w", context.Canceled), cmdutil.ExitInterrupted},
		{fmt.Errorf("graph: %w", graph.ErrUnavailable), cmdutil.ExitDatabase},
		{fmt.Errorf("graph: %w", graph.ErrAuth), cmdutil.ExitDatabase},
		{fmt.Errorf("graph: schema version 40 is newer: %w", graph.ErrSchemaNewer), cmdutil.ExitSetup},
		{cmdutil.ServerStartError{Err: errors.New("exited")}, cmdutil.ExitDatabase},
		{fmt.Errorf("x: %w", localserver.ErrJavaMissing), cmdutil.ExitSetup},
		{fmt.Errorf("x: %w", localserver.ErrMavenMissing), cmdutil.ExitSetup},
		{fmt.Errorf("x: %w", localserver.ErrDownload), cmdutil.ExitSetup},
		{cmdutil.PartialError{Failed: 1, Total: 3}, cmdutil.ExitPartial},
		{fmt.Errorf("graph: bolt://u:xxxxx@h: %w", graph.ErrCredentialsInURI), cmdutil.ExitUsage},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if got := cmdutil.ExitCode(tt.err, &buf); got != tt.code {
			t.Errorf("cmdutil.ExitCode(%v) = %d, want %d", tt.err, got, tt.code)
		}
		if tt.err != nil && buf.Len() == 0 {
			t.Errorf("cmdutil.ExitCode(%v) printed nothing", tt.err)
		}
	}
}

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
