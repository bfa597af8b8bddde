package benchcmd

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/cmdutil/cmdtest"
)

// The flags reach the Options each subcommand runs with.
func TestFlags(t *testing.T) {
	f := &cmdutil.Factory{Out: io.Discard, ErrOut: io.Discard}
	q := cmdtest.Parse(t, f, NewCmdQueries, "--edges", "5000000", "--runs", "3", "--warmup", "0", "--materialize-runs", "0", "--heap", "768m", "--json")
	if q.Spec.Edges != 5_000_000 || q.Runs != 3 || q.Warmup != 0 || q.MaterializeRuns != 0 || q.Heap != "768m" || q.PageCache != "1g" || !q.JSON || q.Factory != f {
		t.Errorf("queries options %+v", *q)
	}

	in := cmdtest.Parse(t, f, NewCmdIngest, "--synthetic", "0", "a.jsonl", "b")
	if in.Synthetic != 0 || len(in.Paths) != 2 || in.JSON {
		t.Errorf("ingest options %+v", *in)
	}

	ex := cmdtest.Parse(t, f, NewCmdExtract, "x.md")
	if ex.Runs != 7 || len(ex.Paths) != 1 {
		t.Errorf("extract options %+v", *ex)
	}
}

// Bad run counts are usage errors, refused before any server starts.
func TestQueriesUsageErrors(t *testing.T) {
	for _, o := range []QueriesOptions{{Runs: 0}, {Runs: 1, Warmup: -1}} {
		err := runQueries(context.Background(), &o)
		var ue cmdutil.UsageError
		if !errors.As(err, &ue) {
			t.Errorf("runs %d warmup %d: err = %v, want a usage error", o.Runs, o.Warmup, err)
		}
	}
}
