package benchcmd

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/cmdutil/cmdtest"
)

// The flags reach the Options each subcommand runs with.
func TestFlags(t *testing.T) {
	f := &cmdutil.Factory{Out: io.Discard, ErrOut: io.Discard}
	q := cmdtest.Parse(t, f, NewCmdQueries, "--edges", "5000000", "--runs", "3", "--warmup", "0", "--warmup-time", "0", "--heap", "768m", "--multi-report", "0.5", "--json")
	if q.Spec.Edges != 5_000_000 || q.Runs != 3 || q.Warmup != 0 || q.WarmupFor != 0 || q.Heap != "768m" || q.PageCache != "1g" || q.Spec.MultiReport != 0.5 ||
		!q.JSON || q.Factory != f || len(q.Sizes) != 0 {
		t.Errorf("queries options %+v", *q)
	}
	q = cmdtest.Parse(t, f, NewCmdQueries, "--sizes", "1M,5000000")
	if got, err := q.sizes(); err != nil || !slices.Equal(got, []int{1_000_000, 5_000_000}) || q.Spec.MultiReport != 0.3 || q.Warmup != 5 || q.WarmupFor != 30*time.Second {
		t.Errorf("--sizes 1M,5000000: %v, %v (options %+v)", got, err, *q)
	}

	in := cmdtest.Parse(t, f, NewCmdIngest, "--synthetic", "0", "a.jsonl", "b")
	if in.Synthetic != 0 || in.Warmup != 0 || len(in.Paths) != 2 || in.JSON {
		t.Errorf("ingest options %+v", *in)
	}
	in = cmdtest.Parse(t, f, NewCmdIngest, "--warmup", "5000", "a.jsonl")
	if in.Synthetic != 20000 || in.Warmup != 5000 {
		t.Errorf("ingest options %+v", *in)
	}

	ex := cmdtest.Parse(t, f, NewCmdExtract, "x.md")
	if ex.Runs != 7 || len(ex.Paths) != 1 {
		t.Errorf("extract options %+v", *ex)
	}
}

// Bad options are usage errors, refused before any server starts.
func TestQueriesUsageErrors(t *testing.T) {
	ok := QueriesOptions{Runs: 1, Heap: "1g", PageCache: "512m"}
	for _, tt := range []struct {
		name string
		mod  func(*QueriesOptions)
	}{
		{"no runs", func(o *QueriesOptions) { o.Runs = 0 }},
		{"negative warmup", func(o *QueriesOptions) { o.Warmup = -1 }},
		{"negative warmup time", func(o *QueriesOptions) { o.WarmupFor = -time.Second }},
		{"heap over 1g", func(o *QueriesOptions) { o.Heap = "2g" }},
		{"page cache over 1g", func(o *QueriesOptions) { o.PageCache = "1025m" }},
		{"bad heap", func(o *QueriesOptions) { o.Heap = "lots" }},
		{"bad size", func(o *QueriesOptions) { o.Sizes = []string{"1M", "five"} }},
		{"size twice", func(o *QueriesOptions) { o.Sizes = []string{"1M", "1000000"} }},
	} {
		o := ok
		tt.mod(&o)
		err := runQueries(context.Background(), &o)
		var ue cmdutil.UsageError
		if !errors.As(err, &ue) {
			t.Errorf("%s: err = %v, want a usage error", tt.name, err)
		}
	}
}

// Negative article counts are usage errors, refused before any article is
// read or server started.
func TestIngestUsageErrors(t *testing.T) {
	for _, o := range []IngestOptions{{Synthetic: -1}, {Synthetic: 10, Warmup: -5}} {
		err := runIngest(context.Background(), &o)
		var ue cmdutil.UsageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: err = %v, want a usage error", o, err)
		}
	}
}

// --edges and --sizes together are refused.
func TestEdgesAndSizes(t *testing.T) {
	f := &cmdutil.Factory{Out: io.Discard, ErrOut: io.Discard}
	cmd := NewCmdQueries(f, func(context.Context, *QueriesOptions) error { return nil })
	cmd.SetArgs([]string{"--edges", "10", "--sizes", "1M"})
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	var ue cmdutil.UsageError
	if err := cmd.Execute(); !errors.As(err, &ue) {
		t.Fatalf("err = %v, want a usage error", err)
	}
}

func TestMemorySize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1g", 1 << 30, true}, {"1G", 1 << 30, true}, {"512m", 512 << 20, true}, {"1048576k", 1 << 30, true},
		{"1073741824", 1 << 30, true}, {"", 0, false}, {"g", 0, false}, {"-1g", 0, false}, {"1.5g", 0, false},
	} {
		got, err := memorySize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("memorySize(%q) = %d, %v", tt.in, got, err)
		}
	}
}
