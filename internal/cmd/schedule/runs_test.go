package schedulecmd

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// runLog is a RunLog of the runs given.
type runLog struct {
	runs   []graph.IngestRun
	limit  int
	closed bool
}

func (l *runLog) RecentRuns(_ context.Context, limit int) ([]graph.IngestRun, error) {
	l.limit = limit
	return l.runs, nil
}

func (l *runLog) Close(context.Context) error { l.closed = true; return nil }

func TestRuns(t *testing.T) {
	// The times are shown in the local time zone.
	saved := time.Local
	time.Local = time.FixedZone("UTC+1", 3600)
	t.Cleanup(func() { time.Local = saved })
	started := time.Date(2025, 3, 1, 11, 0, 0, 0, time.UTC)
	runs := []graph.IngestRun{
		{StartedAt: started, Status: "running", Host: "h:2"},
		{StartedAt: started.Add(-time.Hour), Finished: started.Add(-time.Hour + 90*time.Second), Status: "partial",
			Seen: 3, New: 2, Failed: 1, Relations: 4, Seconds: 90, Host: "h:1", Error: "1 failed, first: x.md: no id"},
	}
	for _, tt := range []struct{ format, want string }{
		{"csv", "started,finished,status,seen,new,updated,unchanged,failed,relations,seconds,by,error\n" +
			"2025-03-01 12:00:00,,running,0,0,0,0,0,0,0.0,h:2,\n" +
			"2025-03-01 11:00:00,2025-03-01 11:01:30,partial,3,2,0,0,1,4,90.0,h:1,\"1 failed, first: x.md: no id\"\n"},
		{"table", "STARTED              FINISHED             STATUS   SEEN  NEW  UPDATED  UNCHANGED  FAILED  RELATIONS  SECONDS  BY   ERROR\n" +
			"2025-03-01 12:00:00                       running  0     0    0        0          0       0          0.0      h:2  \n" +
			"2025-03-01 11:00:00  2025-03-01 11:01:30  partial  3     2    0        0          1       4          90.0     h:1  1 failed, first: x.md: no id\n"},
	} {
		var out bytes.Buffer
		l := &runLog{runs: runs}
		o := &RunsOptions{Out: &out, Connect: func(context.Context) (RunLog, error) { return l, nil }, Limit: 5, Format: tt.format}
		if err := runRuns(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want || l.limit != 5 || !l.closed {
			t.Errorf("%s (limit %d, closed %v):\n got %q\nwant %q", tt.format, l.limit, l.closed, out.String(), tt.want)
		}
	}
	var out bytes.Buffer
	o := &RunsOptions{Out: &out, Connect: func(context.Context) (RunLog, error) { return &runLog{runs: runs}, nil }, Format: "json"}
	var got []graph.IngestRun
	if err := runRuns(context.Background(), o); err != nil || json.Unmarshal(out.Bytes(), &got) != nil || len(got) != 2 {
		t.Fatalf("json: %v\n%s", err, out.String())
	}
}

func TestRunsFormat(t *testing.T) {
	o := &RunsOptions{Out: io.Discard, Format: "xml", Connect: func(context.Context) (RunLog, error) {
		t.Error("connected for a bad --format")
		return &runLog{}, nil
	}}
	if err := runRuns(context.Background(), o); cmdutil.ExitCode(err, io.Discard) != cmdutil.ExitUsage {
		t.Fatalf("--format xml: %v", err)
	}
}

func TestNewRunsCmdFlags(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		limit  int
		format string
	}{
		{nil, 20, "table"},
		{[]string{"--limit", "5", "--format", "csv"}, 5, "csv"},
	} {
		f := &cmdutil.Factory{Out: io.Discard}
		var got *RunsOptions
		cmd := NewRunsCmd(f, func(_ context.Context, o *RunsOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if got.Limit != tt.limit || got.Format != tt.format || got.Out != f.Out || got.Connect == nil {
			t.Errorf("%v: %+v", tt.args, got)
		}
	}
}
