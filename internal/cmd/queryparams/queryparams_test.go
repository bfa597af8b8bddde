package queryparams

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/queries"
)

// factory is a Factory whose configuration names lexicon directories.
func factory(lexiconDirs ...string) *cmdutil.Factory {
	return &cmdutil.Factory{Config: &config.Config{Extract: config.Extract{LexiconDirs: lexiconDirs}}}
}

// TestCountryResolverLexiconDirs: a state's alias and a new state written
// in a directory of extract.lexicon_dirs are accepted where query
// parameters and chart flags name states. Before, the resolver read the
// built-in dictionaries only and refused them.
func TestCountryResolverLexiconDirs(t *testing.T) {
	dir := t.TempDir()
	states := "FRA\tname\tGallia Nova\nZZF\tstate\tFreedonia | Grand Fenwick\n"
	if err := os.WriteFile(filepath.Join(dir, "states.txt"), []byte(states), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in          string
		builtIn     string // code with the built-in dictionaries, "" when refused
		withUserDir string
	}{
		{"Iran", "IRN", "IRN"},
		{"usa", "USA", "USA"},
		{"Gallia Nova", "", "FRA"},
		{"Freedonia", "", "ZZF"},
		{"Grand Fenwick", "", "ZZF"},
		{"ZZF", "", "ZZF"},
		{"Atlantis", "", ""},
	}
	for _, c := range []struct {
		name string
		dirs []string
		want func(tt int) string
	}{
		{"built-in", nil, func(i int) string { return tests[i].builtIn }},
		{"with extract.lexicon_dirs", []string{dir}, func(i int) string { return tests[i].withUserDir }},
	} {
		resolve := CountryResolver(factory(c.dirs...))
		for i, tt := range tests {
			got, err := resolve(tt.in)
			want := c.want(i)
			switch {
			case want == "" && err == nil:
				t.Errorf("%s: %q resolved to %s, want an error", c.name, tt.in, got)
			case want == "" && !strings.Contains(err.Error(), "is not a state diplograph knows"):
				t.Errorf("%s: %q: error %v", c.name, tt.in, err)
			case want != "" && (err != nil || got != want):
				t.Errorf("%s: %q = %q, %v; want %s", c.name, tt.in, got, err, want)
			}
		}
	}
}

// TestCountryResolverLazy: the dictionaries are loaded once, on the first
// state to resolve, and not for a query that names none; a failure to
// load them is reported with its cause.
func TestCountryResolverLazy(t *testing.T) {
	loads := 0
	resolve := LazyResolver(func() (*lexicon.Lexicon, error) {
		loads++
		return lexicon.Default()
	})
	if loads != 0 {
		t.Fatalf("%d loads before any state was asked for", loads)
	}
	for _, s := range []string{"Iran", "USA", "Britain"} {
		if _, err := resolve(s); err != nil {
			t.Fatal(err)
		}
	}
	if loads != 1 {
		t.Errorf("%d loads for three states, want 1", loads)
	}

	cause := errors.New("extract.lexicon_dirs: /nowhere is not a directory")
	resolve = LazyResolver(func() (*lexicon.Lexicon, error) { return nil, cause })
	if _, err := resolve("Iran"); !errors.Is(err, cause) {
		t.Errorf("err = %v, want it to wrap %v", err, cause)
	}

	f := factory(filepath.Join(t.TempDir(), "missing"))
	if _, err := CountryResolver(f)("Iran"); err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("missing lexicon directory: err = %v", err)
	}
}

func TestResolveCountry(t *testing.T) {
	resolveCountry := LazyResolver(lexicon.Default) // the built-in dictionaries
	for in, want := range map[string]string{"USA": "USA", "usa": "USA", "Iran": "IRN", "United Kingdom": "GBR", "Britain": "GBR"} {
		if got, err := resolveCountry(in); err != nil || got != want {
			t.Errorf("resolveCountry(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	if _, err := resolveCountry("Atlantis"); err == nil {
		t.Error("Atlantis resolved")
	}
	if _, err := resolveCountry("Congo"); err == nil || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("Congo: %v, want ambiguous", err)
	}
}

// TestBindPlannedFactor: a query's planned_factor is the configured one
// unless the parameters give it; a query without one gets none; a value
// Bind refuses is a usage error.
func TestBindPlannedFactor(t *testing.T) {
	q, err := queries.Parse("t.cypher", "// name: t\n// description: d\n// param: planned_factor float = 0.5\n// param: n int = 1\nRETURN $planned_factor, $n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		raw  map[string]string
		want float64
	}{
		{map[string]string{}, 0.25},
		{map[string]string{"planned_factor": "1"}, 1},
	} {
		bound, err := (Env{PlannedFactor: 0.25}).Bind(q, tc.raw)
		if err != nil || bound["planned_factor"] != tc.want {
			t.Errorf("%v: planned_factor %v, %v; want %v", tc.raw, bound["planned_factor"], err, tc.want)
		}
	}

	none, err := queries.Parse("u.cypher", "// name: u\n// description: d\n// param: n int = 1\nRETURN $n")
	if err != nil {
		t.Fatal(err)
	}
	raw := map[string]string{}
	if _, err := (Env{PlannedFactor: 0.25}).Bind(none, raw); err != nil || len(raw) != 0 {
		t.Errorf("a query without planned_factor: raw %v, %v", raw, err)
	}

	_, err = (Env{PlannedFactor: 0.25}).Bind(q, map[string]string{"n": "many"})
	if !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), `parameter n: "many" is not a whole number`) {
		t.Errorf("bad value: %v, want a usage error", err)
	}
}

// TestBindConfigured: weights, min_events and rolling are the configured
// ones unless the parameters give them; weights default to
// alliance.DefaultWeights, min_events and rolling to the query's defaults.
func TestBindConfigured(t *testing.T) {
	q, err := queries.Parse("t.cypher", "// name: t\n// description: d\n"+
		"// param: weights map = MET_WITH:1\n// param: min_events int = 1\n// param: rolling int = 1\n"+
		"RETURN $weights, $min_events, $rolling")
	if err != nil {
		t.Fatal(err)
	}
	defaults := map[string]any{}
	for k, v := range alliance.DefaultWeights {
		defaults[k] = v
	}
	for _, tc := range []struct {
		name string
		env  Env
		raw  map[string]string
		want map[string]any
	}{
		{"defaults", Env{}, map[string]string{},
			map[string]any{"weights": defaults, "min_events": int64(1), "rolling": int64(1)}},
		{"configured", Env{Weights: map[string]float64{"MET_WITH": 3, "WARNED": -1}, MinEvents: 2, Rolling: 3}, map[string]string{},
			map[string]any{"weights": map[string]any{"MET_WITH": 3.0, "WARNED": -1.0}, "min_events": int64(2), "rolling": int64(3)}},
		{"given", Env{Weights: map[string]float64{"MET_WITH": 3}, MinEvents: 2, Rolling: 3},
			map[string]string{"weights": "AIDED:7", "min_events": "5", "rolling": "1"},
			map[string]any{"weights": map[string]any{"AIDED": 7.0}, "min_events": int64(5), "rolling": int64(1)}},
	} {
		got, err := tc.env.Bind(q, tc.raw)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: bound %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
	if _, err := (Env{}).Bind(q, map[string]string{"weights": "MET_WITH"}); !errors.As(err, new(cmdutil.UsageError)) {
		t.Errorf("bad weights: %v, want a usage error", err)
	}
}
