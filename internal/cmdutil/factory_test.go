package cmdutil

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/internal/build"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/config/configtest"
	"github.com/spf13/pflag"
)

// The reading settings reach the reading options.
func TestSourceOptionsFromSettings(t *testing.T) {
	configtest.Isolate(t)
	for k, v := range map[string]string{
		"DIPLOGRAPH_INGEST_HTTP_ALLOW": "127.0.0.1,intranet.example", "DIPLOGRAPH_INGEST_READ_TIMEOUT": "7s",
		"DIPLOGRAPH_INGEST_FEED_BUDGET": "90s", "DIPLOGRAPH_INGEST_FEED_CONCURRENCY": "3", "DIPLOGRAPH_INGEST_FEED_PER_HOST": "1",
	} {
		t.Setenv(k, v)
	}
	cfg, err := config.Load(pflag.NewFlagSet("test", pflag.ContinueOnError), "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	a := &Factory{Config: cfg}
	o, err := a.SourceOptions("")
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(o.HTTP.AllowHosts, o.ReadTimeout, o.HTTP.FeedBudget, o.HTTP.Concurrency, o.HTTP.PerHost)
	if want := "[127.0.0.1 intranet.example] 7s 1m30s 3 1"; got != want {
		t.Fatalf("source options %s, want %s", got, want)
	}
}

// The fingerprint of the dictionaries changes with their content, not with
// where they lie.
func TestExtractorFingerprint(t *testing.T) {
	configtest.Isolate(t)
	fingerprint := func(dir, dict string) string {
		t.Helper()
		t.Setenv("DIPLOGRAPH_EXTRACT_LEXICON_DIRS", dir)
		t.Setenv("DIPLOGRAPH_EXTRACT_DICTIONARIES", dict)
		cfg, err := config.Load(pflag.NewFlagSet("test", pflag.ContinueOnError), "", io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		fp, err := (&Factory{Config: cfg}).Fingerprint()
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	write := func(p, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	one, two := t.TempDir(), t.TempDir()
	for _, d := range []string{one, two} {
		write(filepath.Join(d, "lex", "countries.txt"), "# none\n")
		write(filepath.Join(d, "verbs.txt"), "---  SNUB   [111]  ---\nSNUB {SNUBS SNUBBED SNUBBING}\n")
	}
	builtIn := fingerprint("", "")
	if builtIn != build.ExtractorVersion() {
		t.Fatalf("built-in dictionaries: %q, want %q", builtIn, build.ExtractorVersion())
	}
	base := fingerprint(filepath.Join(one, "lex"), filepath.Join(one, "verbs.txt"))
	if base == builtIn {
		t.Fatal("user dictionaries do not change the fingerprint")
	}
	if moved := fingerprint(filepath.Join(two, "lex"), filepath.Join(two, "verbs.txt")); moved != base {
		t.Errorf("the same dictionaries elsewhere: %q, want %q", moved, base)
	}
	write(filepath.Join(two, "lex", "countries.txt"), "# changed\n")
	if changed := fingerprint(filepath.Join(two, "lex"), filepath.Join(two, "verbs.txt")); changed == base {
		t.Error("a changed lexicon file does not change the fingerprint")
	}
	write(filepath.Join(one, "verbs.txt"), "---  SNUB   [112]  ---\nSNUB {SNUBS SNUBBED SNUBBING}\n")
	if changed := fingerprint(filepath.Join(one, "lex"), filepath.Join(one, "verbs.txt")); changed == base {
		t.Error("a changed dictionary file does not change the fingerprint")
	}
}
