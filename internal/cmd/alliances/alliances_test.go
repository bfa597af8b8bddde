package alliancescmd

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
)

// TestNewCmdWiring: 'rebuild' and its deprecated alias 'materialize' (whose
// old flags are accepted) reach the same run.
func TestNewCmdWiring(t *testing.T) {
	f := &cmdutil.Factory{Out: &bytes.Buffer{}, Config: &config.Config{}}
	for _, args := range [][]string{
		{"rebuild"},
		{"materialize"},
		{"materialize", "--period", "year", "--from", "2025-01", "--to", "2025-06"},
	} {
		var got *Options
		cmd := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs(args)
		var errOut bytes.Buffer
		cmd.SetOut(io.Discard)
		cmd.SetErr(&errOut)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if warned := strings.Contains(errOut.String(), "deprecated"); warned != (args[0] == "materialize") {
			t.Errorf("%v: stderr %q", args, errOut.String())
		}
		if got == nil || got.Out != f.Out || got.Connect == nil {
			t.Errorf("%v: %+v", args, got)
		}
	}
}

// fakeGraph records the windows it was asked to rebuild with.
type fakeGraph struct {
	windows []int
	closed  bool
	err     error
}

func (g *fakeGraph) EventWindow() int { return 3 }

func (g *fakeGraph) RebuildEvents(_ context.Context, window int) (graph.RebuildStats, error) {
	g.windows = append(g.windows, window)
	return graph.RebuildStats{Reports: 10, Events: 4, Aggregates: 2}, g.err
}

func (g *fakeGraph) Close(context.Context) error { g.closed = true; return nil }

func TestRun(t *testing.T) {
	g := &fakeGraph{}
	var out bytes.Buffer
	o := &Options{Out: &out, Connect: func(context.Context) (Rebuilder, error) { return g, nil }}
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if len(g.windows) != 1 || g.windows[0] != 3 || !g.closed {
		t.Errorf("windows %v, closed %v; want one rebuild with the configured window 3", g.windows, g.closed)
	}
	want := "rebuilt 4 events from 10 reports (event window 3 days) and the aggregates of 2 pairs in "
	if !strings.HasPrefix(out.String(), want) || !strings.HasSuffix(out.String(), "s\n") {
		t.Errorf("printed %q, want %q...", out.String(), want)
	}
}

// TestRunFails: a failed rebuild is reported and the connection closed.
func TestRunFails(t *testing.T) {
	g := &fakeGraph{err: errors.New("graph: rebuild: boom")}
	o := &Options{Out: io.Discard, Connect: func(context.Context) (Rebuilder, error) { return g, nil }}
	if err := run(context.Background(), o); err == nil || !strings.Contains(err.Error(), "boom") || !g.closed {
		t.Fatalf("err = %v, closed %v", err, g.closed)
	}
}
