package schedulecmd

import (
	"bytes"
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmd/sources/sourcestest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/schedule"
)

func TestNewCmdFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want Options
	}{
		{nil, Options{Cron: "@daily"}}, // schedule.cron
		{[]string{"--cron", "*/15 * * * *", "--now", "--source", "voa,afp"}, Options{Cron: "*/15 * * * *", Now: true, Names: []string{"voa", "afp"}}},
		{[]string{"--once", "--json", "--source", "voa"}, Options{Cron: "@daily", Once: true, JSON: true, Names: []string{"voa"}}},
	} {
		f := &cmdutil.Factory{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}, Config: &config.Config{Schedule: config.Schedule{Cron: "@daily"}}}
		var got *Options
		cmd := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if got.Out != f.Out || got.Log != f.ErrOut || got.Extractor == nil || got.Sources == nil {
			t.Errorf("%v: dependencies not filled from the factory: %+v", tt.args, got)
		}
		flags := Options{Cron: got.Cron, Once: got.Once, Now: got.Now, Names: got.Names, JSON: got.JSON}
		if !reflect.DeepEqual(flags, tt.want) {
			t.Errorf("%v:\n got %+v\nwant %+v", tt.args, flags, tt.want)
		}
	}
}

// noExtractor is an Extractor that loads nothing: the fake runs need none.
func noExtractor() (*extract.Extractor, *lexicon.Lexicon, error) { return nil, nil, nil }

// --once: one run, its report as JSON if asked and there is one, its exit
// code.
func TestRunOnce(t *testing.T) {
	partial := schedule.Report{RunID: "h:1@t", Status: schedule.StatusPartial, Summary: ingest.Summary{Seen: 2, Failed: 1}}
	for _, tt := range []struct {
		name string
		json bool
		rep  schedule.Report
		err  error
		want string
		code int
	}{
		{"partial, as JSON", true, partial, nil, `"status": "partial"`, cmdutil.ExitPartial},
		{"partial", false, partial, nil, "", cmdutil.ExitPartial},
		{"skipped", true, schedule.Report{RunID: "h:1@t", Status: schedule.StatusSkipped}, nil, `"status": "skipped"`, cmdutil.ExitOK},
		{"no run", true, schedule.Report{}, context.Canceled, "", cmdutil.ExitInterrupted},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, log bytes.Buffer
			fake := &sourcestest.Runner{Report: tt.rep, Err: tt.err}
			err := run(context.Background(), &Options{Out: &out, Log: &log, Extractor: noExtractor, Sources: fake,
				Once: true, JSON: tt.json, Names: []string{"voa"}, Cron: "not a cron expression"})
			if got := cmdutil.ExitCode(err, io.Discard); got != tt.code {
				t.Errorf("exit %d (%v), want %d", got, err, tt.code)
			}
			if !strings.Contains(out.String(), tt.want) || tt.want == "" && out.Len() > 0 {
				t.Errorf("output\n%s\nwant %q", out.String(), tt.want)
			}
			if len(fake.Runs) != 1 || !reflect.DeepEqual(fake.Names, []string{"voa"}) || log.Len() > 0 {
				t.Errorf("%d runs of %v, want 1 of [voa]; log %q", len(fake.Runs), fake.Names, log.String())
			}
		})
	}
}

// The scheduler runs until its context ends (SIGINT, SIGTERM), then exits
// with 0; a failed run is logged, and the next one runs.
func TestLoop(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fake := &sourcestest.Runner{Opt: schedule.Options{Sources: make([]ingest.SourceConfig, 2)}, Err: errors.New("database unreachable")}
	fake.OnRun = func(context.Context) {
		if len(fake.Runs) == 2 {
			cancel()
		}
	}
	var log bytes.Buffer
	err := run(ctx, &Options{Log: &log, Extractor: noExtractor, Sources: fake, Cron: "@every 1s", Now: true})
	if err != nil || len(fake.Runs) != 2 {
		t.Fatalf("%v after %d runs", err, len(fake.Runs))
	}
	got := log.String()
	for _, want := range []string{`schedule "@every 1s": 2 sources; stop with Ctrl-C or SIGTERM`, "run failed: database unreachable\n", "next run at", "schedule stopped\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "run failed"); n != 1 { // the second run was interrupted
		t.Errorf("%d failed runs logged, want 1:\n%s", n, got)
	}
}

// A bad cron expression or bad dictionaries fail at start, before any run.
func TestLoopFailsAtStart(t *testing.T) {
	bad := errors.New("extract.lexicon_dirs: x is not a directory")
	for _, tt := range []struct {
		cron      string
		extractor func() (*extract.Extractor, *lexicon.Lexicon, error)
		want      string
	}{
		{"61 * * * *", func() (*extract.Extractor, *lexicon.Lexicon, error) {
			t.Error("dictionaries loaded for a bad cron expression")
			return nil, nil, nil
		}, "cron expression"},
		{"@hourly", func() (*extract.Extractor, *lexicon.Lexicon, error) { return nil, nil, cmdutil.UsageError{Err: bad} }, bad.Error()},
	} {
		fake := &sourcestest.Runner{}
		err := run(context.Background(), &Options{Log: io.Discard, Extractor: tt.extractor, Sources: fake, Cron: tt.cron, Now: true})
		if cmdutil.ExitCode(err, io.Discard) != cmdutil.ExitUsage || !strings.Contains(err.Error(), tt.want) || len(fake.Runs) > 0 {
			t.Errorf("%s: %v after %d runs, want a usage error with %q before any", tt.cron, err, len(fake.Runs), tt.want)
		}
	}
}
