package main

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// TestQueryLimitFlagChecked: --limit is checked before anything is sent
// (the URI points at a closed port: a value that slipped through would
// fail with exit 3), and --wide and --limit are in the help.
func TestQueryLimitFlagChecked(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"negative", []string{"query", "alliance-summary", "--limit", "-1"}, "--limit -1"},
		{"too large", []string{"query", "evidence", "-p", "a=USA", "-p", "b=IRN", "--limit", "2000000"}, "--limit 2000000"},
		{"given twice", []string{"query", "alliance-summary", "--limit", "5", "-p", "limit=5"}, "give the limit once"},
		{"not a number", []string{"query", "alliance-summary", "--limit", "many"}, "many"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			isolate(t)
			t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://127.0.0.1:1")
			t.Setenv("DIPLOGRAPH_NEO4J_CONNECT_TIMEOUT", "1s")
			_, errOut, code := runCLI(t, "", tc.args...)
			if code != cmdutil.ExitUsage || !strings.Contains(errOut, tc.want) {
				t.Fatalf("exit %d, want %d with %q: %s", code, cmdutil.ExitUsage, tc.want, errOut)
			}
		})
	}
	isolate(t)
	out, _, code := runCLI(t, "", "query", "--help")
	for _, want := range []string{"--limit", "--wide", "showing 50 of", "$COLUMNS"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("query --help (exit %d) lacks %q", code, want)
		}
	}
}
