package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// TestInvalidAllianceSettingsRefusedByEveryCommand: a bad alliance
// setting in the config file fails `config show` and `query` alike (the
// configuration is loaded, and checked, before any command runs), with a
// usage error naming the setting and the bad entry, and before anything
// is sent: the URI points at a closed port, so a query that went on would
// fail with exit 3 instead.
func TestInvalidAllianceSettingsRefusedByEveryCommand(t *testing.T) {
	commands := map[string][]string{
		"config show": {"config", "show"},
		"query":       {"query", "network"},
	}
	for _, tc := range []struct {
		name, file string
		want       []string
	}{
		{"unknown type", "alliance:\n  weights:\n    THREATENED: -3\n", []string{"alliance.weights.THREATENED", "not a relation type"}},
		{"not a number", "alliance:\n  weights:\n    MET_WITH: three\n", []string{"alliance.weights.MET_WITH", `"three"`}},
		{"out of range", "alliance:\n  weights:\n    WARNED: -400\n", []string{"alliance.weights.WARNED", "-400", "out of range"}},
		{"min events zero", "alliance:\n  min_events: 0\n", []string{"alliance.min_events", "0"}},
		{"rolling zero", "alliance:\n  rolling: 0\n", []string{"alliance.rolling", "0"}},
		{"event window negative", "alliance:\n  event_window: -2\n", []string{"alliance.event_window", "-2"}},
	} {
		for cmdName, args := range commands {
			t.Run(tc.name+"/"+cmdName, func(t *testing.T) {
				dir := isolate(t)
				t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://127.0.0.1:1")
				t.Setenv("DIPLOGRAPH_NEO4J_CONNECT_TIMEOUT", "1s")
				if err := os.WriteFile(filepath.Join(dir, "diplograph.yaml"), []byte(tc.file), 0o644); err != nil {
					t.Fatal(err)
				}
				out, errOut, code := runCLI(t, "", args...)
				if code != cmdutil.ExitUsage {
					t.Fatalf("exit %d, want %d (usage): %s", code, cmdutil.ExitUsage, errOut)
				}
				if out != "" {
					t.Errorf("printed %q", out)
				}
				for _, w := range append(tc.want, "diplograph.yaml") {
					if !strings.Contains(errOut, w) {
						t.Errorf("stderr %q lacks %q", errOut, w)
					}
				}
			})
		}
	}
}

// TestAllianceSettingsShown: the new alliance settings show in `config
// show` with their defaults, and values from the environment.
func TestAllianceSettingsShown(t *testing.T) {
	isolate(t)
	t.Setenv("DIPLOGRAPH_ALLIANCE_ROLLING", "3")
	s := configShow(t)
	for key, want := range map[string]string{
		"alliance.event_window": "1 default",
		"alliance.min_events":   "1 default",
		"alliance.rolling":      "3 env DIPLOGRAPH_ALLIANCE_ROLLING",
	} {
		v, src := s.get(key)
		if got := jsonString(v) + " " + src; got != want {
			t.Errorf("%s: %s, want %s", key, got, want)
		}
	}
}
