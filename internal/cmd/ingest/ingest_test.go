package ingestcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
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
		{[]string{"a.md", "dir", "--dry-run", "--json", "--published", "2014-06-16", "--include", "*.md,*.txt", "--exclude", "drafts", "--reextract"},
			Options{Paths: []string{"a.md", "dir"}, DryRun: true, JSON: true, Published: "2014-06-16",
				Include: []string{"*.md", "*.txt"}, Exclude: []string{"drafts"}, Reextract: true}},
		{[]string{"--source", "voa", "--source", "afp,bbc"}, Options{Paths: []string{}, Names: []string{"voa", "afp", "bbc"}}},
	} {
		f := &cmdutil.Factory{Out: io.Discard, ErrOut: io.Discard, Quiet: true,
			Config: &config.Config{}}
		var got *Options
		cmd := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if got.Out != f.Out || got.Progress != io.Discard || !got.Quiet || got.Sources == nil || got.Connect == nil ||
			got.SourceOptions == nil || got.Extractor == nil || got.IngestOptions == nil {
			t.Errorf("%v: dependencies not filled from the factory: %+v", tt.args, got)
		}
		flags := Options{Paths: got.Paths, Names: got.Names, DryRun: got.DryRun, JSON: got.JSON, Published: got.Published,
			Include: got.Include, Exclude: got.Exclude, Reextract: got.Reextract}
		if !reflect.DeepEqual(flags, tt.want) {
			t.Errorf("%v:\n got %+v\nwant %+v", tt.args, flags, tt.want)
		}
	}
}

func TestSourceArgumentsAndNames(t *testing.T) {
	o := &Options{Paths: []string{"a.md"}, Names: []string{"voa"}}
	err := run(context.Background(), o)
	if cmdutil.Classify(err) != cmdutil.ExitUsage || err.Error() != "give SOURCE arguments or --source names from diplograph.yaml, not both" {
		t.Fatalf("got %v", err)
	}
}

// With no SOURCE, the configured sources are one run: its summary and
// status, or its report as JSON, or why it was skipped; its exit code.
func TestRunConfiguredSources(t *testing.T) {
	sum := ingest.Summary{Seen: 3, New: 2, Failed: 1, Relations: 4, Seconds: 1,
		Failures: []ingest.Failure{{Origin: "x.md", Error: "x.md: article has no id", Count: 1}}}
	for _, tt := range []struct {
		name   string
		o      Options
		rep    schedule.Report
		err    error
		want   string // output
		code   int
		reread bool // the sources' reading options are those of --published
	}{
		{"succeeded", Options{}, schedule.Report{RunID: "h:1@t", Status: schedule.StatusSucceeded, Summary: ingest.Summary{Seen: 1, New: 1, Seconds: 1}}, nil,
			"ingested: 1 article seen, 1 new, 0 updated, 0 unchanged, 0 failed; 0 relations written; 1.0s (1 article/s)\nrun h:1@t: succeeded\n", cmdutil.ExitOK, false},
		{"partial, reextracted, with --published", Options{Names: []string{"voa"}, Reextract: true, Published: "2014-06-16"},
			schedule.Report{RunID: "h:1@t", Status: schedule.StatusPartial, Summary: sum}, nil,
			"ingested: 3 articles seen, 2 new, 0 updated, 0 unchanged, 1 failed; 4 relations written; 1.0s (3 articles/s)\n  failed: x.md: article has no id\nrun h:1@t: partial\n",
			cmdutil.ExitPartial, true},
		{"skipped", Options{}, schedule.Report{RunID: "h:1@t", Status: schedule.StatusSkipped, Holder: "elsewhere:7 since then"}, nil,
			"skipped: another run holds the ingest lock: elsewhere:7 since then\n", cmdutil.ExitOK, false},
		{"json", Options{JSON: true}, schedule.Report{RunID: "h:1@t", Status: schedule.StatusPartial, Summary: sum}, nil,
			`"run_id": "h:1@t"`, cmdutil.ExitPartial, false},
		{"failed before the run started", Options{JSON: true}, schedule.Report{}, graph.ErrUnavailable,
			"", cmdutil.ExitDatabase, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			fake := &sourcestest.Runner{Opt: schedule.Options{Log: os.Stderr}, Report: tt.rep, Err: tt.err}
			o := tt.o
			o.Out, o.Progress, o.Sources = &out, io.Discard, fake
			var published string
			o.SourceOptions = func(p string) (ingest.SourceOptions, error) {
				published = p
				return ingest.SourceOptions{MaxBytes: 7}, nil
			}
			err := run(context.Background(), &o)
			if got := cmdutil.ExitCode(err, io.Discard); got != tt.code {
				t.Errorf("exit %d (%v), want %d", got, err, tt.code)
			}
			if !strings.Contains(out.String(), tt.want) || tt.want == "" && out.Len() > 0 {
				t.Errorf("output\n%s\nwant\n%s", out.String(), tt.want)
			}
			if tt.o.JSON && tt.want != "" && !json.Valid(out.Bytes()) {
				t.Errorf("not JSON:\n%s", out.String())
			}
			if len(fake.Runs) != 1 || !reflect.DeepEqual(fake.Names, tt.o.Names) {
				t.Fatalf("%d runs of %v, want 1 of %v", len(fake.Runs), fake.Names, tt.o.Names)
			}
			opt := fake.Runs[0]
			if opt.Log != io.Discard || opt.Ingest.Progress == nil || opt.Ingest.Reextract != tt.o.Reextract ||
				(opt.Source.MaxBytes == 7) != tt.reread || published != tt.o.Published {
				t.Errorf("run options %+v (sources read with --published %q)", opt, published)
			}
		})
	}
}

// A dry run of the configured sources reads and extracts them: no
// database, no lock, no record.
func TestDryRunOfConfiguredSources(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\npublished: 2014-06-16\n---\nBritish Foreign Secretary William Hague met Iranian Foreign Minister Mohammad Javad Zarif in Vienna on Monday.\n",
		"b.md": "---\ntitle: undated\n---\nThe United States imposed sanctions on Iran.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fake := &sourcestest.Runner{Opt: schedule.Options{Sources: []ingest.SourceConfig{{Name: "a", Kind: "path", Location: dir}}}}
	var out bytes.Buffer
	o := &Options{Out: &out, Progress: io.Discard, Sources: fake, DryRun: true, Names: []string{"a"},
		SourceOptions: func(string) (ingest.SourceOptions, error) { return ingest.SourceOptions{}, nil },
		Extractor: func() (*extract.Extractor, *lexicon.Lexicon, error) {
			lex, err := lexicon.Default()
			if err != nil {
				return nil, nil, err
			}
			x, err := extract.Load(lex, extract.Options{})
			return x, lex, err
		},
		IngestOptions: func() (ingest.Options, error) { return ingest.Options{}, nil },
		Connect: func(context.Context, bool) (*graph.Client, error) {
			t.Error("a dry run connects to the database")
			return nil, errors.New("no database")
		},
	}
	err := run(context.Background(), o)
	if cmdutil.Classify(err) != cmdutil.ExitPartial || !strings.HasPrefix(out.String(), "dry run: 2 articles seen, 1 extracted, 1 failed, ") {
		t.Fatalf("exit %d (%v):\n%s", cmdutil.Classify(err), err, out.String())
	}
	if len(fake.Runs) != 0 || !reflect.DeepEqual(fake.Names, []string{"a"}) {
		t.Fatalf("runs %v of sources %v; want none, of [a]", fake.Runs, fake.Names)
	}
}
