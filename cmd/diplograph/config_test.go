package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// runCLI runs the command line in-process and returns stdout, stderr and
// the exit code main would use.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := newRootCmd(strings.NewReader(stdin), &out, &errOut)
	cmd.SetArgs(args)
	err := cmd.Execute()
	code := exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

// isolate clears every variable the configuration reads and runs the test
// in an empty directory, so the machine's own settings cannot leak in.
func isolate(t *testing.T) string {
	t.Helper()
	for _, s := range settings {
		for _, e := range s.Env {
			t.Setenv(e, "")
			os.Unsetenv(e)
		}
	}
	t.Setenv("DIPLOGRAPH_CONFIG", "")
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg"))
	t.Chdir(dir)
	return dir
}

type shown struct {
	ConfigFile string `json:"config_file"`
	Settings   []struct {
		Key    string `json:"key"`
		Value  any    `json:"value"`
		Source string `json:"source"`
	} `json:"settings"`
}

func configShow(t *testing.T, args ...string) shown {
	t.Helper()
	out, errOut, code := runCLI(t, "", append(args, "config", "show", "--format", "json")...)
	if code != 0 {
		t.Fatalf("config show exit %d: %s", code, errOut)
	}
	var s shown
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("config show output: %v\n%s", err, out)
	}
	return s
}

func (s shown) get(key string) (any, string) {
	for _, e := range s.Settings {
		if e.Key == key {
			return e.Value, e.Source
		}
	}
	return nil, ""
}

func TestConfigPrecedence(t *testing.T) {
	dir := isolate(t)
	if err := os.WriteFile(filepath.Join(dir, "diplograph.yaml"), []byte(
		"neo4j:\n  uri: bolt://file:7687\n  user: fileuser\n  database: filedb\nlocal:\n  heap: 768m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://env:7687")
	t.Setenv("DIPLOGRAPH_NEO4J_USER", "envuser")
	t.Setenv("NEO4J_DATABASE", "fallbackdb") // a conventional fallback is still env, above the file
	s := configShow(t, "--neo4j-uri", "bolt://flag:7687")

	tests := []struct {
		key, value string
		source     string // exact, or for the file: "file " + a path ending in diplograph.yaml
	}{
		{"neo4j.uri", "bolt://flag:7687", "flag --neo4j-uri"},
		{"neo4j.user", "envuser", "env DIPLOGRAPH_NEO4J_USER"},
		{"neo4j.database", "fallbackdb", "env NEO4J_DATABASE"},
		{"local.heap", "768m", "file"},
		{"local.bolt_port", "7687", "default"},
	}
	for _, tt := range tests {
		v, src := s.get(tt.key)
		got := strings.Trim(jsonString(v), `"`)
		okSource := src == tt.source ||
			(tt.source == "file" && strings.HasPrefix(src, "file ") && strings.HasSuffix(src, "diplograph.yaml"))
		if got != tt.value || !okSource {
			t.Errorf("%s = %s from %q; want %s from %q", tt.key, got, src, tt.value, tt.source)
		}
	}
	if !strings.HasSuffix(s.ConfigFile, "diplograph.yaml") {
		t.Errorf("config file = %q", s.ConfigFile)
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestConfigDIPLOGRAPHBeatsConventional(t *testing.T) {
	isolate(t)
	t.Setenv("NEO4J_URI", "bolt://conventional:7687")
	v, src := configShow(t).get("neo4j.uri")
	if v != "bolt://conventional:7687" || src != "env NEO4J_URI" {
		t.Fatalf("fallback: %v from %s", v, src)
	}
	t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://ours:7687")
	v, src = configShow(t).get("neo4j.uri")
	if v != "bolt://ours:7687" || src != "env DIPLOGRAPH_NEO4J_URI" {
		t.Fatalf("DIPLOGRAPH_ first: %v from %s", v, src)
	}
}

func TestConfigExplicitFileAndXDG(t *testing.T) {
	dir := isolate(t)
	xdg := filepath.Join(dir, "xdg", "diplograph")
	os.MkdirAll(xdg, 0o755)
	os.WriteFile(filepath.Join(xdg, "diplograph.yaml"), []byte("neo4j:\n  user: xdguser\n"), 0o644)
	if v, src := configShow(t).get("neo4j.user"); v != "xdguser" || !strings.Contains(src, "xdg") {
		t.Fatalf("XDG file: %v from %s", v, src)
	}
	other := filepath.Join(dir, "other.yaml")
	os.WriteFile(other, []byte("neo4j:\n  user: explicit\n"), 0o644)
	if v, _ := configShow(t, "--config", other).get("neo4j.user"); v != "explicit" {
		t.Fatalf("--config: %v", v)
	}
	t.Setenv("DIPLOGRAPH_CONFIG", other)
	if v, _ := configShow(t).get("neo4j.user"); v != "explicit" {
		t.Fatalf("DIPLOGRAPH_CONFIG: %v", v)
	}
}

func TestConfigSecretsRedacted(t *testing.T) {
	dir := isolate(t)
	t.Setenv("DIPLOGRAPH_NEO4J_PASSWORD", "hunter2-very-secret")
	for _, format := range []string{"table", "json", "csv"} {
		out, _, code := runCLI(t, "", "config", "show", "--format", format)
		if code != 0 || strings.Contains(out, "hunter2") || !strings.Contains(out, "<redacted>") {
			t.Fatalf("%s: exit %d, output:\n%s", format, code, out)
		}
	}
	// A password file with higher precedence than the password wins.
	pwFile := filepath.Join(dir, "pw")
	os.WriteFile(pwFile, []byte("from-file-123\n"), 0o600)
	out, errOut, code := runCLI(t, "", "--neo4j-password-file", pwFile, "config", "show")
	if code != 0 || strings.Contains(out+errOut, "from-file-123") {
		t.Fatalf("password file leaked or failed: %d\n%s%s", code, out, errOut)
	}
	flags := pflag.NewFlagSet("t", pflag.ContinueOnError)
	flags.String("neo4j-password-file", "", "")
	if err := flags.Parse([]string{"--neo4j-password-file", pwFile}); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(flags, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if pw, err := cfg.password(); err != nil || pw != "from-file-123" {
		t.Fatalf("password = %q, %v; want the file's (flag beats env)", pw, err)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := isolate(t)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("neo4j: [unclosed\n"), 0o644)
	_, errOut, code := runCLI(t, "", "--config", bad, "config", "show")
	if code != exitUsage || !strings.Contains(errOut, "bad.yaml") {
		t.Fatalf("bad YAML: exit %d, %s", code, errOut)
	}
	typo := filepath.Join(dir, "typo.yaml")
	os.WriteFile(typo, []byte("neo4j:\n  url: bolt://x\n"), 0o644)
	_, errOut, code = runCLI(t, "", "--config", typo, "config", "show")
	if code != 0 || !strings.Contains(errOut, `unknown configuration key "neo4j.url"`) {
		t.Fatalf("typo: exit %d, %s", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "--config", filepath.Join(dir, "missing.yaml"), "config", "show")
	if code != exitUsage || !strings.Contains(errOut, "missing.yaml") {
		t.Fatalf("missing file: exit %d, %s", code, errOut)
	}
}

func TestHelpNamesEveryEnvVar(t *testing.T) {
	isolate(t)
	out, _, code := runCLI(t, "", "--help")
	if code != 0 {
		t.Fatal(code)
	}
	for _, s := range settings {
		for _, e := range s.Env {
			if !strings.Contains(out, e) {
				t.Errorf("--help does not name %s", e)
			}
		}
	}
	for _, want := range []string{"Exit codes:", "diplograph.yaml", "neo4j", "ingest", "query"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

// The README's configuration table is generated from the registry; this
// test keeps them in step (run with -update to rewrite the README block).
func TestREADMEConfigTable(t *testing.T) {
	readme := filepath.Join("..", "..", "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- config-table:begin -->\n", "<!-- config-table:end -->"
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q block", begin, end)
	}
	want := settingsMarkdown()
	if got := s[i+len(begin) : j]; got != want {
		if *update {
			s = s[:i+len(begin)] + want + s[j:]
			if err := os.WriteFile(readme, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Fatalf("README configuration table is out of date; run go test ./cmd/diplograph -run README -update\n--- want\n%s", want)
	}
}

func TestConfigSearchTakesOnlyYAMLNames(t *testing.T) {
	isolate(t)
	// A binary named like the tool in the working directory is not a
	// config file.
	if err := os.WriteFile("diplograph", []byte("\x7fELF\x00\x01binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := runCLI(t, "", "config", "show"); code != 0 || !strings.Contains(out, "(none found)") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if err := os.WriteFile("diplograph.yml", []byte("neo4j: {user: alice}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := configShow(t)
	if v, src := s.get("neo4j.user"); v != "alice" || !strings.Contains(src, "diplograph.yml") {
		t.Fatalf("neo4j.user = %v from %s", v, src)
	}
}
