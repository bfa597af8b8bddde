package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/viper"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/internal/config"
)

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
		v := viper.New()
		v.Set("extract.lexicon_dirs", c.dirs)
		a := &app{Config: &config.Config{Extract: config.Extract{LexiconDirs: v.GetStringSlice("extract.lexicon_dirs")}}}
		resolve := countryResolver(a)
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
	resolve := lazyResolver(func() (*lexicon.Lexicon, error) {
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
	resolve = lazyResolver(func() (*lexicon.Lexicon, error) { return nil, cause })
	if _, err := resolve("Iran"); !errors.Is(err, cause) {
		t.Errorf("err = %v, want it to wrap %v", err, cause)
	}

	v := viper.New()
	v.Set("extract.lexicon_dirs", []string{filepath.Join(t.TempDir(), "missing")})
	a := &app{Config: &config.Config{Extract: config.Extract{LexiconDirs: v.GetStringSlice("extract.lexicon_dirs")}}}
	if _, err := countryResolver(a)("Iran"); err == nil || !strings.Contains(err.Error(), "is not a directory") {
		t.Errorf("missing lexicon directory: err = %v", err)
	}
}

func TestResolveCountry(t *testing.T) {
	resolveCountry := lazyResolver(lexicon.Default) // the built-in dictionaries
	for in, want := range map[string]string{"USA": "USA", "usa": "USA", "Iran": "IRN", "United Kingdom": "GBR", "Britain": "GBR"} {
		if got, err := resolveCountry(in); err != nil || got != want {
			t.Errorf("resolveCountry(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	if _, err := resolveCountry("Atlantis"); err == nil {
		t.Error("Atlantis resolved")
	}
}
