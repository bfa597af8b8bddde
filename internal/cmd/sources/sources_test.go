package sources

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/build"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/config/configtest"
	"github.com/diplograph/diplograph/schedule"
)

// factory is a Factory with the configuration of yaml, written to a file
// of its own; a test that uses it first calls configtest.Isolate, so that
// none of the machine's settings leak in.
func factory(t *testing.T, yaml string) *cmdutil.Factory {
	t.Helper()
	file := filepath.Join(t.TempDir(), "diplograph.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(pflag.NewFlagSet("test", pflag.ContinueOnError), file, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return &cmdutil.Factory{ErrOut: io.Discard, Config: cfg}
}

// The schedule settings reach the options of a run of the sources, and
// the ingest settings the ingest options built at each run, with what the
// command set itself.
func TestOptionsFromSettings(t *testing.T) {
	configtest.Isolate(t)
	t.Setenv("DIPLOGRAPH_SCHEDULE_LOCK_TTL", "2m")
	t.Setenv("DIPLOGRAPH_SCHEDULE_STALL_LIMIT", "45s")
	t.Setenv("DIPLOGRAPH_INGEST_ALLOW_UNDATED", "true")
	f := factory(t, "sources:\n  - name: a\n    location: articles\n  - name: b\n    location: more\n")
	o, err := ForFactory(f).Options([]string{"b"})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintln(o.LockTTL, o.StallLimit, len(o.Sources), o.Sources[0].Name, filepath.Base(o.Sources[0].Location))
	if want := "2m0s 45s 1 b more\n"; got != want {
		t.Fatalf("schedule options %s, want %s", got, want)
	}
	called := false
	in, err := ingestOptions(f, ingest.Options{Reextract: true, Progress: func(ingest.Summary) { called = true }})
	if err != nil {
		t.Fatal(err)
	}
	in.Progress(ingest.Summary{})
	if !in.AllowUndated || !in.Reextract || !called || in.ExtractorVersion != build.ExtractorVersion() || in.BatchSize == 0 {
		t.Fatalf("ingest options %+v (progress called: %v)", in, called)
	}
}

func TestOptionsUsageErrors(t *testing.T) {
	configtest.Isolate(t)
	for _, tt := range []struct{ yaml, want string }{
		{"neo4j: {uri: bolt://127.0.0.1:1}\n", "no sources configured: list them under 'sources:' in diplograph.yaml (see 'diplograph schedule --help')"},
		{"sources:\n  - name: a\n    kind: rss\n    location: https://x/rss\n", `unknown kind "rss"`},
		{"sources:\n  - name: a\n    location: x\n", `no source named "b"`},
	} {
		_, err := ForFactory(factory(t, tt.yaml)).Options([]string{"b"})
		if err == nil || cmdutil.Classify(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want a usage error with %q", tt.yaml, err, tt.want)
		}
	}
}

// A partial run exits 5, a skipped one 0; the run's error comes first.
func TestErr(t *testing.T) {
	failed := errors.New("database unreachable")
	for _, tt := range []struct {
		rep  schedule.Report
		err  error
		want int
	}{
		{schedule.Report{Status: schedule.StatusSucceeded}, nil, cmdutil.ExitOK},
		{schedule.Report{Status: schedule.StatusSkipped}, nil, cmdutil.ExitOK},
		{schedule.Report{Status: schedule.StatusPartial, Summary: ingest.Summary{Seen: 3, Failed: 1}}, nil, cmdutil.ExitPartial},
		{schedule.Report{Status: schedule.StatusPartial}, failed, cmdutil.ExitError},
	} {
		err := Err(tt.rep, tt.err)
		if got := cmdutil.ExitCode(err, io.Discard); got != tt.want {
			t.Errorf("%s, %v: exit %d (%v), want %d", tt.rep.Status, tt.err, got, err, tt.want)
		}
		if tt.err != nil && !errors.Is(err, tt.err) {
			t.Errorf("%v: the run's error is lost: %v", tt.err, err)
		}
	}
}
