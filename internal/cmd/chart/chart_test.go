package chartcmd

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/chart"
	"github.com/diplograph/diplograph/internal/cmd/queryparams"
	"github.com/diplograph/diplograph/internal/cmd/queryparams/queryparamstest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/queries"
)

// TestNewCmdFlags: the flags of each kind of chart reach Options, with
// their defaults and the configured planned factor.
func TestNewCmdFlags(t *testing.T) {
	f := &cmdutil.Factory{Out: &bytes.Buffer{}, Config: &config.Config{Alliance: config.Alliance{PlannedFactor: 0.25}}}
	var got *Options
	runF := func(_ context.Context, o *Options) error { got = o; return nil }

	if err := queryparamstest.Execute(NewCmd(f, runF), "alliance", "--a", "USA", "--b", "Iran", "--from", "2014", "-o", "x.svg"); err != nil {
		t.Fatal(err)
	}
	want := Options{Out: f.Out, Kind: Alliance, A: "USA", B: "Iran", Period: "month", From: "2014",
		File: File{Path: "x.svg", Width: 1000, Height: 600}}
	if got.PlannedFactor != 0.25 || got.Read == nil || got.Resolve == nil {
		t.Errorf("dependencies %+v", got.Env)
	}
	got.Env = queryparams.Env{}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("alliance: %+v, want %+v", *got, want)
	}

	if err := queryparamstest.Execute(NewCmd(f, runF), "network", "--to", "2014-06", "--min-events", "3", "--width", "1200", "--assets-host", "./", "--out", "n.html"); err != nil {
		t.Fatal(err)
	}
	got.Env = queryparams.Env{}
	want = Options{Out: f.Out, Kind: Network, To: "2014-06", MinEvents: 3,
		File: File{Path: "n.html", Width: 1200, Height: 900, AssetsHost: "./"}}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("network: %+v, want %+v", *got, want)
	}

	if err := queryparamstest.Execute(NewCmd(f, runF)); !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), "which chart?") {
		t.Errorf("chart alone: %v", err)
	}
}

// upper resolves a state to its name in capitals.
func upper(s string) (string, error) {
	if s == "Narnia" {
		return "", errors.New(`"Narnia" is not a state`)
	}
	return strings.ToUpper(s), nil
}

func env(read *queryparamstest.Read) queryparams.Env {
	return queryparams.Env{Read: read.Read, Resolve: upper, PlannedFactor: 0.25}
}

// TestRunAlliance: the rows of alliance-timeline, asked for with the
// flags' window and the configured planned factor, become the chart's
// periods.
func TestRunAlliance(t *testing.T) {
	dir := t.TempDir()
	read := &queryparamstest.Read{Records: queryparamstest.Records(queries.AllianceTimeline.Columns(),
		[]any{"2007-Q1", "quarter", "2007-01-01", int64(2), map[string]any{"MET_WITH": int64(1), "WARNED": int64(1)}, 2.5, -6.0, -3.5, -0.41},
		[]any{"2014-Q2", "quarter", "2014-04-01", int64(2), map[string]any{"MET_WITH": int64(2)}, 3.75, 0.0, 3.75, 1.0})}
	var out bytes.Buffer
	path := filepath.Join(dir, "usa-irn.svg")
	o := &Options{Out: &out, Env: env(read), Kind: Alliance, A: "usa", B: "irn", Period: "quarter", From: "2007", To: "2014",
		File: File{Path: path, Width: 1000, Height: 600}}
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if want := "wrote " + path + ": USA and IRN, 2 quarters with events\n"; out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
	if read.Query != "alliance-timeline" || read.Params["a"] != "USA" || read.Params["b"] != "IRN" ||
		read.Params["period"] != "quarter" || read.Params["planned_factor"] != 0.25 {
		t.Errorf("asked %s %v", read.Query, read.Params)
	}
	if b, err := os.ReadFile(path); err != nil || !bytes.Contains(b, []byte("2007-Q1")) || !bytes.Contains(b, []byte("2014-Q4")) {
		t.Errorf("%s: %v\n%s", path, err, b)
	}

	// No rows: an error naming the dyad and the window, and no file.
	read.Records = nil
	o.File.Path = filepath.Join(dir, "none.svg")
	err := run(context.Background(), o)
	if err == nil || err.Error() != "no events between USA and IRN in 2007-01-01..2014-12-31: nothing to draw" {
		t.Errorf("no rows: %v", err)
	}
	if _, err := os.Stat(o.File.Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no rows left %s: %v", o.File.Path, err)
	}

	// A row of the wrong shape is an error, not a chart.
	read.Records = queryparamstest.Records(queries.AllianceTimeline.Columns(), []any{"2007-03", "month", "2007-03-01", "two", map[string]any{}, 2.5, -6.0, -3.5, -0.41})
	if err := run(context.Background(), o); err == nil || !strings.Contains(err.Error(), "want an integer") {
		t.Errorf("bad row: %v", err)
	}
}

func TestRunNetwork(t *testing.T) {
	dir := t.TempDir()
	read := &queryparamstest.Read{Records: queryparamstest.Records(queries.Network.Columns(),
		[]any{"GBR", "IRN", int64(1), map[string]any{"MET_WITH": int64(1)}, 2.5, 0.0, 2.5, 1.0, "friendly"},
		[]any{"IRN", "USA", int64(4), map[string]any{"MET_WITH": int64(1), "WARNED": int64(3)}, 2.5, -12.0, -9.5, -0.65, "hostile"})}
	var out bytes.Buffer
	path := filepath.Join(dir, "network.svg")
	o := &Options{Out: &out, Env: env(read), Kind: Network, MinEvents: 1, File: File{Path: path, Width: 900, Height: 900}}
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if want := "wrote " + path + ": 2 pairs\n"; out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
	if read.Query != "network" || read.Params["min_events"] != int64(1) || read.Params["planned_factor"] != 0.25 {
		t.Errorf("asked %s %v", read.Query, read.Params)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"GBR", "IRN", "USA"} {
		if !bytes.Contains(b, []byte(">"+code+"<")) {
			t.Errorf("%s lacks %s", path, code)
		}
	}

	read.Records = nil
	o.MinEvents, o.File.Path = 50, filepath.Join(dir, "none.png")
	if err := run(context.Background(), o); err == nil || err.Error() != "no pairs of states with at least 50 events in the graph: nothing to draw" {
		t.Errorf("no rows: %v", err)
	}
}

// TestRunRefuses: what is wrong with the flags is a usage error, found
// before anything is read.
func TestRunRefuses(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "x.svg")
	alliance := func(a, b, period, from, to, out string, width int) *Options {
		return &Options{Kind: Alliance, A: a, B: b, Period: period, From: from, To: to, File: File{Path: out, Width: width, Height: 600}}
	}
	for _, tc := range []struct {
		o    *Options
		want string
	}{
		{alliance("", "Iran", "month", "", "", svg, 1000), "--a and --b are required"},
		{alliance("USA", "Iran", "month", "", "", "", 1000), "--out is required"},
		{alliance("USA", "Iran", "month", "", "", filepath.Join(dir, "x.pdf"), 1000), "unknown extension .pdf"},
		{alliance("USA", "Iran", "month", "", "", filepath.Join(dir, "missing", "x.svg"), 1000), "missing does not exist"},
		{alliance("USA", "Iran", "month", "", "", svg, 50), "--width 50"},
		{alliance("USA", "Iran", "week", "", "", svg, 1000), `--period "week"`},
		{alliance("USA", "Narnia", "month", "", "", svg, 1000), `--b: "Narnia" is not a state`},
		{alliance("usa", "USA", "month", "", "", svg, 1000), "are the same state (USA)"},
		{alliance("USA", "Iran", "month", "2014-13", "", svg, 1000), "--from: "},
		{&Options{Kind: Network, MinEvents: 0, File: File{Path: svg, Width: 900, Height: 900}}, "--min-events 0"},
		{&Options{Kind: Network, MinEvents: 1, To: "yesterday", File: File{Path: svg, Width: 900, Height: 900}}, "--to: "},
	} {
		read := &queryparamstest.Read{}
		tc.o.Env = env(read)
		err := run(context.Background(), tc.o)
		if !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want a usage error %q", tc.o, err, tc.want)
		}
		if read.Query != "" {
			t.Errorf("%+v: read %s", tc.o, read.Query)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused charts left files: %v", entries)
	}
}

// TestChartData: the typed rows become the chart's points and edges.
func TestChartData(t *testing.T) {
	pts := timelinePoints([]queries.TimelineRow{
		{Period: "2007-03", Events: 2, Cooperation: 2.5, Conflict: -6, Net: -3.5, Alignment: chart.Index(-0.41), ByType: map[string]int{"MET_WITH": 1}},
		{Period: "2007-04", Events: 1, Cooperation: 2.5, Net: 2.5}, // too few events for an index
	})
	want := []chart.TimelinePoint{
		{Period: "2007-03", Events: 2, Cooperation: 2.5, Conflict: -6, Net: -3.5, Alignment: chart.Index(-0.41)},
		{Period: "2007-04", Events: 1, Cooperation: 2.5, Net: 2.5},
	}
	if !reflect.DeepEqual(pts, want) {
		t.Errorf("points %+v, want %+v", pts, want)
	}
	edges := networkEdges([]queries.NetworkRow{{A: "IRN", B: "USA", Events: 4, Net: 0.25, Alignment: 0.02, Sign: "friendly"}})
	if want := (chart.NetworkEdge{A: "IRN", B: "USA", Events: 4, Net: 0.25, Alignment: 0.02}); len(edges) != 1 || edges[0] != want {
		t.Errorf("edges %+v, want %+v", edges, want)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.svg")
	if err := writeFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "<svg/>"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "<svg/>" {
		t.Fatalf("file = %q, %v", b, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}

	// A failed render keeps the old file and leaves no temporary file.
	boom := errors.New("boom")
	err := writeFile(path, func(w io.Writer) error { io.WriteString(w, "<half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "<svg/>" {
		t.Errorf("old file clobbered: %q", b)
	}
	newPath := filepath.Join(dir, "new.png")
	if err := writeFile(newPath, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "c.svg" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only c.svg", names)
	}
}
