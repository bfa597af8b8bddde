package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// A password written into neo4j.uri never shows: `config show` prints the
// URI with the password as xxxxx, in every format, wherever the URI comes
// from.
func TestConfigShowRedactsURIPassword(t *testing.T) {
	const uri, want = "bolt://neo4j:s3cret-pw@db.example:7687", "bolt://neo4j:xxxxx@db.example:7687"
	tests := []struct {
		name   string
		env    string   // DIPLOGRAPH_NEO4J_URI
		args   []string // global flags
		format string
	}{
		{"env table", uri, nil, "table"},
		{"env json", uri, nil, "json"},
		{"env csv", uri, nil, "csv"},
		{"flag table", "", []string{"--neo4j-uri", uri}, "table"},
		{"flag json", "", []string{"--neo4j-uri", uri}, "json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			if tt.env != "" {
				t.Setenv("DIPLOGRAPH_NEO4J_URI", tt.env)
			}
			out, errOut, code := runCLI(t, "", append(tt.args, "config", "show", "--format", tt.format)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if strings.Contains(out+errOut, "s3cret") {
				t.Fatalf("password shown:\n%s%s", out, errOut)
			}
			if tt.format == "json" {
				var s shown
				if err := json.Unmarshal([]byte(out), &s); err != nil {
					t.Fatal(err)
				}
				if v, _ := s.get("neo4j.uri"); v != want {
					t.Fatalf("neo4j.uri = %v, want %s", v, want)
				}
			} else if !strings.Contains(out, want) {
				t.Fatalf("output lacks %s:\n%s", want, out)
			}
		})
	}
}

// Commands that reach the database refuse a URI with a password, before
// any connection, with a usage error that shows the URI redacted and says
// where the password goes.
func TestURIWithPasswordRefused(t *testing.T) {
	tests := []struct {
		name string
		uri  string
		args []string
	}{
		{"query", "bolt://neo4j:s3cret-pw@127.0.0.1:1", []string{"query", "alliance-summary"}},
		{"init", "bolt://neo4j:s3cret-pw@127.0.0.1:1", []string{"init"}},
		{"browser", "bolt://neo4j:s3cret-pw@127.0.0.1:1", []string{"browser"}},
		{"routing scheme", "neo4j+s://admin:s3cret-pw@db.example", []string{"query", "alliance-summary"}},
		{"not a valid URL", "bolt://neo4j:s3cret-pw@db.example:port", []string{"query", "alliance-summary"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			t.Setenv("DIPLOGRAPH_NEO4J_URI", tt.uri)
			out, errOut, code := runCLI(t, "", tt.args...)
			if strings.Contains(out+errOut, "s3cret") {
				t.Fatalf("password shown (exit %d):\n%s%s", code, out, errOut)
			}
			if code != cmdutil.ExitUsage {
				t.Fatalf("exit %d, want %d: %s", code, cmdutil.ExitUsage, errOut)
			}
			for _, w := range []string{":xxxxx@", "neo4j.password_file", "DIPLOGRAPH_NEO4J_PASSWORD"} {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}

// A password in a source's location (a feed behind basic auth) is shown
// redacted too.
func TestConfigShowRedactsSourceURIs(t *testing.T) {
	dir := isolate(t)
	yaml := "sources:\n  - name: intranet\n    kind: feed\n    location: https://reader:s3cret-pw@feeds.example/rss\n"
	if err := os.WriteFile(filepath.Join(dir, "diplograph.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"table", "json", "csv"} {
		out, errOut, code := runCLI(t, "", "config", "show", "--format", format)
		if code != 0 || strings.Contains(out+errOut, "s3cret") || !strings.Contains(out, "reader:xxxxx@feeds.example") {
			t.Fatalf("%s: exit %d:\n%s%s", format, code, out, errOut)
		}
	}
}
