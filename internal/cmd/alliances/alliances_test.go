package alliancescmd

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
)

// TestNewCmdFlags: the flags of 'materialize' reach Options, with their
// defaults and the configured planned factor.
func TestNewCmdFlags(t *testing.T) {
	f := &cmdutil.Factory{Out: &bytes.Buffer{}, Config: &config.Config{Alliance: config.Alliance{PlannedFactor: 0.25}}}
	for _, tc := range []struct {
		args             []string
		period, from, to string
	}{
		{[]string{"materialize"}, "month", "", ""},
		{[]string{"materialize", "--period", "year", "--from", "2025-01", "--to", "2025-06"}, "year", "2025-01", "2025-06"},
	} {
		var got *Options
		cmd := NewCmd(f, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		cmd.SetOut(io.Discard)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if got.Period != tc.period || got.From != tc.from || got.To != tc.to || got.PlannedFactor != 0.25 || got.Out != f.Out || got.Connect == nil {
			t.Errorf("%v: %+v", tc.args, got)
		}
	}
}

// fakeGraph records what it was asked to materialize.
type fakeGraph struct {
	calls  []string
	closed bool
}

func (g *fakeGraph) Materialize(_ context.Context, period string, planned float64) (int, error) {
	g.calls = append(g.calls, "all "+period)
	return 7, nil
}

func (g *fakeGraph) MaterializeRange(_ context.Context, period string, from, to time.Time, planned float64) (int, error) {
	g.calls = append(g.calls, "range "+period+" "+from.Format(time.DateOnly)+" "+to.Format(time.DateOnly))
	return 3, nil
}

func (g *fakeGraph) Close(context.Context) error { g.closed = true; return nil }

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		period, from, to string
		call, printed    string
	}{
		{"month", "", "", "all month", "materialized 7 ALIGNMENT edges (per month) in "},
		{"year", "2025-01", "2025-06", "range year 2025-01-01 2025-06-30", "materialized 3 ALIGNMENT edges (per year) in "},
		{"quarter", "2024", "", "range quarter 2024-01-01 2100-12-31", "materialized 3 ALIGNMENT edges (per quarter) in "},
		{"month", "", "2014", "range month 1900-01-01 2014-12-31", "materialized 3 ALIGNMENT edges (per month) in "},
	} {
		g := &fakeGraph{}
		var out bytes.Buffer
		o := &Options{Out: &out, Connect: func(context.Context) (Materializer, error) { return g, nil },
			Period: tc.period, From: tc.from, To: tc.to}
		if err := run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		if len(g.calls) != 1 || g.calls[0] != tc.call || !g.closed {
			t.Errorf("%s %s..%s: calls %v, closed %v; want %q", tc.period, tc.from, tc.to, g.calls, g.closed, tc.call)
		}
		if !strings.HasPrefix(out.String(), tc.printed) || !strings.HasSuffix(out.String(), "s\n") {
			t.Errorf("printed %q", out.String())
		}
	}
}

// TestRunRefuses: bad flags are usage errors, found before the database
// is opened.
func TestRunRefuses(t *testing.T) {
	for _, tc := range []struct {
		period, from, to string
		want             string
	}{
		{"week", "", "", `--period "week": want month, quarter or year`},
		{"month", "2014-13", "", "--from: "},
		{"month", "", "soon", "--to: "},
		{"month", "2015", "2014", "--to 2014 is before --from 2015"},
	} {
		o := &Options{Period: tc.period, From: tc.from, To: tc.to, Connect: func(context.Context) (Materializer, error) {
			t.Errorf("%+v: connected", tc)
			return nil, errors.New("no database")
		}}
		err := run(context.Background(), o)
		if !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want a usage error %q", tc, err, tc.want)
		}
	}
}
