package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/config/configtest"
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
	code := cmdutil.ExitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

// isolate keeps the machine's own settings out of a test (see
// configtest.Isolate).
func isolate(t *testing.T) string { return configtest.Isolate(t) }

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

// TestConfigRemovedKeyWarns: a diplograph.yaml that still sets the
// removed alliance.materialize_after_ingest does not fail a command: one
// warning on standard error says it has no effect any more.
func TestConfigRemovedKeyWarns(t *testing.T) {
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "diplograph.yaml"), []byte("alliance:\n  materialize_after_ingest: [month]\n"), 0o644)
	_, errOut, code := runCLI(t, "", "config", "show")
	want := `configuration key "alliance.materialize_after_ingest" has no effect any more (the ALIGNMENT aggregates are kept up to date by every write): remove it`
	if code != 0 || strings.Count(errOut, want) != 1 || strings.Contains(errOut, "unknown configuration key") {
		t.Fatalf("exit %d; want 0 and one warning %q:\n%s", code, want, errOut)
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
	cfg, err := config.Load(flags, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if pw, err := cfg.Password(); err != nil || pw != "from-file-123" {
		t.Fatalf("password = %q, %v; want the file's (flag beats env)", pw, err)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := isolate(t)
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("neo4j: [unclosed\n"), 0o644)
	_, errOut, code := runCLI(t, "", "--config", bad, "config", "show")
	if code != cmdutil.ExitUsage || !strings.Contains(errOut, "bad.yaml") {
		t.Fatalf("bad YAML: exit %d, %s", code, errOut)
	}
	typo := filepath.Join(dir, "typo.yaml")
	os.WriteFile(typo, []byte("neo4j:\n  url: bolt://x\n"), 0o644)
	_, errOut, code = runCLI(t, "", "--config", typo, "config", "show")
	if code != 0 || !strings.Contains(errOut, `unknown configuration key "neo4j.url"`) {
		t.Fatalf("typo: exit %d, %s", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "--config", filepath.Join(dir, "missing.yaml"), "config", "show")
	if code != cmdutil.ExitUsage || !strings.Contains(errOut, "missing.yaml") {
		t.Fatalf("missing file: exit %d, %s", code, errOut)
	}
}

func TestHelpNamesEveryEnvVar(t *testing.T) {
	isolate(t)
	out, _, code := runCLI(t, "", "--help")
	if code != 0 {
		t.Fatal(code)
	}
	for _, s := range config.Registry {
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
	want := config.Markdown()
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

// TestConfigValidatesNumbers checks that every numeric setting is checked
// when the configuration is loaded (every command loads it): a bad value is
// a usage error naming the key and the value.
func TestConfigValidatesNumbers(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		file string   // diplograph.yaml
		args []string // global flags
		want []string // in stderr; nil = accepted
	}{
		{name: "defaults"},
		{name: "planned factor NaN", env: map[string]string{"DIPLOGRAPH_ALLIANCE_PLANNED_FACTOR": "NaN"},
			want: []string{"alliance.planned_factor", "NaN", "env DIPLOGRAPH_ALLIANCE_PLANNED_FACTOR"}},
		{name: "planned factor huge", env: map[string]string{"DIPLOGRAPH_ALLIANCE_PLANNED_FACTOR": "1e308"},
			want: []string{"alliance.planned_factor", "1e308", "from 0 to 1"}},
		{name: "planned factor negative", file: "alliance:\n  planned_factor: -0.5\n",
			want: []string{"alliance.planned_factor", "-0.5", "diplograph.yaml"}},
		{name: "planned factor .nan in YAML", file: "alliance:\n  planned_factor: .nan\n",
			want: []string{"alliance.planned_factor", "NaN"}},
		{name: "planned factor not a number", env: map[string]string{"DIPLOGRAPH_ALLIANCE_PLANNED_FACTOR": "half"},
			want: []string{"alliance.planned_factor", `"half"`}},
		{name: "planned factor bounds", env: map[string]string{"DIPLOGRAPH_ALLIANCE_PLANNED_FACTOR": "1"}},
		{name: "planned factor zero", file: "alliance:\n  planned_factor: 0\n"},
		{name: "http allow-list bad entry", env: map[string]string{"DIPLOGRAPH_INGEST_HTTP_ALLOW": "10.0.0.0/99"},
			want: []string{"ingest.http_allow", "10.0.0.0/99"}},
		{name: "http allow-list", env: map[string]string{"DIPLOGRAPH_INGEST_HTTP_ALLOW": "intranet.example,10.0.0.0/8"}},
		{name: "feed budget too small", env: map[string]string{"DIPLOGRAPH_INGEST_FEED_BUDGET": "1ms"},
			want: []string{"ingest.feed_budget", "1ms"}},
		{name: "workers negative", env: map[string]string{"DIPLOGRAPH_INGEST_WORKERS": "-1"},
			want: []string{"ingest.workers", "-1"}},
		{name: "workers flag", args: []string{"--workers", "-3"}, want: []string{"ingest.workers", "-3", "flag --workers"}},
		{name: "workers zero means one per CPU", env: map[string]string{"DIPLOGRAPH_INGEST_WORKERS": "0"}},
		{name: "workers not a number", env: map[string]string{"DIPLOGRAPH_INGEST_WORKERS": "many"},
			want: []string{"ingest.workers", `"many"`, "whole number"}},
		{name: "batch size zero", env: map[string]string{"DIPLOGRAPH_INGEST_BATCH_SIZE": "0"},
			want: []string{"ingest.batch_size", "0"}},
		{name: "batch size fraction", file: "ingest:\n  batch_size: 2.5\n",
			want: []string{"ingest.batch_size", "2.5", "whole number"}},
		{name: "batch size whole float", file: "ingest:\n  batch_size: 200.0\n"},
		{name: "max article bytes", env: map[string]string{"DIPLOGRAPH_INGEST_MAX_ARTICLE_BYTES": "-5"},
			want: []string{"ingest.max_article_bytes", "-5"}},
		{name: "bolt port", args: []string{"--local-bolt-port", "70000"}, want: []string{"local.bolt_port", "70000"}},
		{name: "http port", env: map[string]string{"DIPLOGRAPH_LOCAL_HTTP_PORT": "0"}, want: []string{"local.http_port", "0"}},
		{name: "connect timeout negative", env: map[string]string{"DIPLOGRAPH_NEO4J_CONNECT_TIMEOUT": "-5s"},
			want: []string{"neo4j.connect_timeout", "-5s"}},
		{name: "connect timeout no unit", file: "neo4j:\n  connect_timeout: 30\n",
			want: []string{"neo4j.connect_timeout", "30", "unit"}},
		{name: "connect timeout garbage", args: []string{"--neo4j-connect-timeout", "soon"},
			want: []string{"neo4j.connect_timeout", `"soon"`}},
		{name: "start timeout zero", env: map[string]string{"DIPLOGRAPH_LOCAL_START_TIMEOUT": "0s"},
			want: []string{"local.start_timeout", "0s"}},
		{name: "lock ttl tiny", env: map[string]string{"DIPLOGRAPH_SCHEDULE_LOCK_TTL": "1ms"},
			want: []string{"schedule.lock_ttl", "1ms"}},
		{name: "lock ttl ok", env: map[string]string{"DIPLOGRAPH_SCHEDULE_LOCK_TTL": "2m"}},
		{name: "weight NaN", file: "alliance:\n  weights:\n    MET_WITH: .nan\n",
			want: []string{"alliance.weights.MET_WITH", "NaN"}},
		{name: "weight huge", file: "alliance:\n  weights:\n    ATTACKED: -1e308\n",
			want: []string{"alliance.weights.ATTACKED", "-1e+308"}},
		{name: "weight not a number", file: "alliance:\n  weights:\n    warned: lots\n",
			want: []string{"alliance.weights.WARNED", `"lots"`}},
		{name: "weight unknown type", file: "alliance:\n  weights:\n    MET: 3\n",
			want: []string{"alliance.weights.MET", "not a relation type", "MET_WITH"}},
		{name: "weights not a map", file: "alliance:\n  weights: 3\n",
			want: []string{"alliance.weights", "3"}},
		{name: "weights ok", file: "alliance:\n  weights:\n    met_with: 3\n    ATTACKED: -10\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := isolate(t)
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, "diplograph.yaml"), []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, errOut, code := runCLI(t, "", append(tt.args, "config", "show")...)
			if tt.want == nil {
				if code != 0 {
					t.Fatalf("exit %d, want 0: %s", code, errOut)
				}
				return
			}
			if code != cmdutil.ExitUsage {
				t.Fatalf("exit %d, want %d (usage): %s", code, cmdutil.ExitUsage, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}

// TestBoolSettingFlag checks that a setting with a bool default gets a
// boolean flag (--x, no value needed) bound to its key.
func TestBoolSettingFlag(t *testing.T) {
	isolate(t)
	saved := config.Registry
	config.Registry = append(slices.Clone(config.Registry), config.Setting{Key: "test.switch", Flag: "test-switch", Def: false, Help: "a switch"})
	t.Cleanup(func() { config.Registry = saved })
	s := configShow(t, "--test-switch")
	if v, src := s.get("test.switch"); v != true || src != "flag --test-switch" {
		t.Fatalf("test.switch = %v from %q, want true from the flag", v, src)
	}
}
