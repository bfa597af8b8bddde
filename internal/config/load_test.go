package config_test

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/config/configtest"
)

// load loads the configuration from a diplograph.yaml holding file (none
// when ""), with env set, the machine's own settings kept out.
func load(t *testing.T, file string, env map[string]string) (*config.Config, error) {
	t.Helper()
	return loadWarn(t, file, env, nil)
}

// loadWarn is load with the warnings written to warn.
func loadWarn(t *testing.T, file string, env map[string]string, warn io.Writer) (*config.Config, error) {
	t.Helper()
	dir := configtest.Isolate(t)
	for k, v := range env {
		t.Setenv(k, v)
	}
	if file != "" {
		if err := os.WriteFile(filepath.Join(dir, "diplograph.yaml"), []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	config.AddFlags(fs)
	return config.Load(fs, "", warn)
}

// TestLoadAlliance: the alliance settings are checked when the
// configuration is loaded, whatever command loads it; an error names the
// setting, the bad entry and where it came from.
func TestLoadAlliance(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		env        map[string]string
		want       []string // in the error; nil = accepted
	}{
		{name: "defaults"},
		{name: "unknown type", file: "alliance:\n  weights:\n    THREATENED: -3\n",
			want: []string{"alliance.weights.THREATENED", "not a relation type", "REQUESTED", "diplograph.yaml"}},
		{name: "not a number", file: "alliance:\n  weights:\n    met_with: three\n",
			want: []string{"alliance.weights.MET_WITH", `"three"`, "not a number"}},
		{name: "too large", file: "alliance:\n  weights:\n    AIDED: 101\n",
			want: []string{"alliance.weights.AIDED", "101", "out of range", "-100 to 100"}},
		{name: "too small", file: "alliance:\n  weights:\n    ATTACKED: -100.5\n",
			want: []string{"alliance.weights.ATTACKED", "-100.5"}},
		{name: "a list, not a map", file: "alliance:\n  weights: [MET_WITH, 3]\n",
			want: []string{"alliance.weights", "not a map"}},
		{name: "a map as a weight", file: "alliance:\n  weights:\n    WARNED: {x: 1}\n",
			want: []string{"alliance.weights.WARNED"}},
		{name: "bounds", file: "alliance:\n  weights:\n    AIDED: 100\n    ATTACKED: -100\n    requested: -1\n"},
		{name: "event window negative", env: map[string]string{"DIPLOGRAPH_ALLIANCE_EVENT_WINDOW": "-1"},
			want: []string{"alliance.event_window", "-1", "env DIPLOGRAPH_ALLIANCE_EVENT_WINDOW"}},
		{name: "event window fraction", file: "alliance:\n  event_window: 1.5\n",
			want: []string{"alliance.event_window", "1.5", "whole number"}},
		{name: "event window zero", file: "alliance:\n  event_window: 0\n"},
		{name: "min events zero", env: map[string]string{"DIPLOGRAPH_ALLIANCE_MIN_EVENTS": "0"},
			want: []string{"alliance.min_events", "0", "from 1"}},
		{name: "min events word", file: "alliance:\n  min_events: few\n",
			want: []string{"alliance.min_events", `"few"`}},
		{name: "rolling zero", file: "alliance:\n  rolling: 0\n",
			want: []string{"alliance.rolling", "0", "from 1"}},
		{name: "rolling huge", env: map[string]string{"DIPLOGRAPH_ALLIANCE_ROLLING": "1000000"},
			want: []string{"alliance.rolling", "1000000"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := load(t, tc.file, tc.env)
			if tc.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if _, err := c.Alliance.EffectiveWeights(); err != nil {
					t.Fatalf("loaded weights refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want an error with %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestLoadAllianceTyped: the alliance settings reach Config.Alliance,
// defaults and given values, from the file and the environment.
func TestLoadAllianceTyped(t *testing.T) {
	c, err := load(t, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := c.Alliance
	if a.EventWindow != 1 || a.MinEvents != 1 || a.Rolling != 1 || a.PlannedFactor != 0.5 || len(a.Weights) != 0 {
		t.Errorf("defaults: %+v", a)
	}
	w, err := a.EffectiveWeights()
	if err != nil || len(w) != len(alliance.DefaultWeights) || w["REQUESTED"] != 0 || w["ATTACKED"] != -9 {
		t.Errorf("default effective weights: %v, %v", w, err)
	}

	c, err = load(t, "alliance:\n  weights:\n    met_with: 3\n    REQUESTED: \"-0.5\"\n  event_window: 3\n  rolling: 6\n",
		map[string]string{"DIPLOGRAPH_ALLIANCE_MIN_EVENTS": "4"})
	if err != nil {
		t.Fatal(err)
	}
	a = c.Alliance
	if a.EventWindow != 3 || a.MinEvents != 4 || a.Rolling != 6 || a.Weights["MET_WITH"] != 3 || a.Weights["REQUESTED"] != -0.5 {
		t.Errorf("given: %+v", a)
	}
	qw, err := a.QueryWeights()
	if err != nil || qw["MET_WITH"] != 3.0 || qw["REQUESTED"] != -0.5 || qw["AIDED"] != 7.0 || len(qw) != len(alliance.DefaultWeights) {
		t.Errorf("query weights: %v, %v", qw, err)
	}
}

// TestEffectiveWeightsRefusesHandMadeOverride: a Config built without
// Load still cannot pass a bad weight on.
func TestEffectiveWeightsRefusesHandMadeOverride(t *testing.T) {
	if _, err := (config.Alliance{Weights: map[string]float64{"THREATENED": 1}}).EffectiveWeights(); err == nil {
		t.Fatal("unknown type accepted")
	}
	if _, err := (config.Alliance{Weights: map[string]float64{"AIDED": 1e9}}).QueryWeights(); err == nil {
		t.Fatal("huge weight accepted")
	}
}

// TestWeightsHelpListsDefaults: the help of alliance.weights (and so
// --help and the README) states every default weight as it is.
func TestWeightsHelpListsDefaults(t *testing.T) {
	s, ok := config.Lookup("alliance.weights")
	if !ok {
		t.Fatal("no alliance.weights")
	}
	for typ, w := range alliance.DefaultWeights {
		want := typ + " " + strconv.FormatFloat(w, 'f', -1, 64)
		if !strings.Contains(s.Help, want) {
			t.Errorf("help lacks %q: %s", want, s.Help)
		}
	}
	if !strings.Contains(s.Help, "REQUESTED 0") {
		t.Errorf("help does not say REQUESTED 0: %s", s.Help)
	}
}

// TestRemovedSettingWarns: a config file or environment that still sets
// alliance.materialize_after_ingest, removed because every write keeps the
// ALIGNMENT aggregates, loads as before, whatever its value, with one
// warning for each place that sets it, saying it has no effect any more;
// the key is not also reported as unknown, and other unknown keys still
// are.
func TestRemovedSettingWarns(t *testing.T) {
	const (
		key     = "alliance.materialize_after_ingest"
		env     = "DIPLOGRAPH_ALLIANCE_MATERIALIZE_AFTER_INGEST"
		why     = "has no effect any more (the ALIGNMENT aggregates are kept up to date by every write)"
		inFile  = "diplograph.yaml: configuration key \"" + key + "\" " + why + ": remove it\n"
		inEnv   = "warning: environment variable " + env + " (" + key + ") " + why + ": unset it\n"
		unknown = "unknown configuration key"
	)
	for _, tc := range []struct {
		name, file string
		env        map[string]string
		want       []string // the warnings, each once, in this order
		unknown    int      // unknown-key warnings
	}{
		{name: "not set"},
		{name: "file, a list", file: "alliance:\n  materialize_after_ingest: [month, year]\n", want: []string{inFile}},
		{name: "file, a bad period", file: "alliance:\n  materialize_after_ingest: [week]\n", want: []string{inFile}},
		{name: "file, a string", file: "alliance:\n  materialize_after_ingest: month\n", want: []string{inFile}},
		{name: "file, empty", file: "alliance:\n  materialize_after_ingest:\n", want: []string{inFile}},
		{name: "file, a map", file: "alliance:\n  materialize_after_ingest: {month: true}\n", want: []string{inFile}},
		{name: "file, with other settings", file: "alliance:\n  rolling: 3\n  materialize_after_ingest: [year]\n", want: []string{inFile}},
		{name: "environment", env: map[string]string{env: "month,year"}, want: []string{inEnv}},
		{name: "environment, a bad period", env: map[string]string{env: "week"}, want: []string{inEnv}},
		{name: "environment, empty", env: map[string]string{env: ""}},
		{name: "both", file: "alliance:\n  materialize_after_ingest: [month]\n", env: map[string]string{env: "year"},
			want: []string{inFile, inEnv}},
		{name: "with an unknown key", file: "alliance:\n  materialize_after_ingest: [month]\n  rollin: 3\n",
			want: []string{inFile}, unknown: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var warn strings.Builder
			c, err := loadWarn(t, tc.file, tc.env, &warn)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			got := warn.String()
			if n := strings.Count(got, unknown); n != tc.unknown || strings.Contains(got, strconv.Quote(key)+" (see") {
				t.Errorf("%d unknown-key warnings, want %d:\n%s", n, tc.unknown, got)
			}
			rest := got
			for _, w := range tc.want {
				after, ok := "", false
				if strings.Count(got, w) == 1 {
					_, after, ok = strings.Cut(rest, w)
				}
				if !ok {
					t.Errorf("warnings lack, repeat or misplace %q:\n%s", w, got)
					continue
				}
				rest = after
			}
			if n := strings.Count(got, "no effect any more"); n != len(tc.want) {
				t.Errorf("%d removed-setting warnings, want %d:\n%s", n, len(tc.want), got)
			}
			if _, ok := config.Lookup(key); ok {
				t.Errorf("%s is still a setting", key)
			}
			if c.Alliance.Rolling < 1 {
				t.Errorf("alliance settings not loaded: %+v", c.Alliance)
			}
		})
	}
}
