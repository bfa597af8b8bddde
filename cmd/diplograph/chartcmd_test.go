package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/chart"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

func TestChartHelpTeaches(t *testing.T) {
	for _, args := range [][]string{{"chart", "--help"}, {"chart", "alliance", "--help"}, {"chart", "network", "--help"}} {
		out, _, code := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		for _, want := range []string{"Examples:", "diplograph chart ", ".svg", ".png", ".html", "--out"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: help lacks %q:\n%s", args, want, out)
			}
		}
	}
	out, _, _ := runCLI(t, "", "chart", "--help")
	for _, want := range []string{"carries Apache ECharts (Apache-2.0) inline", "offline", "--assets-host", "echarts@" + chart.EChartsVersion()} {
		if !strings.Contains(out, want) {
			t.Errorf("chart help does not say that .html works offline (%q):\n%s", want, out)
		}
	}
}

// TestChartUsageErrors checks what is refused before any database is
// asked: nothing listens on the configured URI.
func TestChartUsageErrors(t *testing.T) {
	dir := isolate(t)
	t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://127.0.0.1:1")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"chart"}, "which chart?"},
		{[]string{"chart", "alliance", "--b", "Iran", "--out", "x.svg"}, "--a and --b are required"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran"}, "--out is required"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--out", "x.pdf"}, "unknown extension .pdf"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--out", "x"}, "has no extension"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--out", "missing/x.svg"}, "directory missing does not exist"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Narnia", "--out", "x.svg"}, `--b: "Narnia" is not a state`},
		{[]string{"chart", "alliance", "--a", "Congo", "--b", "Iran", "--out", "x.svg"}, "ambiguous"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "United States", "--out", "x.svg"}, "are the same state (USA)"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--period", "week", "--out", "x.svg"}, `--period "week"`},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--from", "2014-13", "--out", "x.svg"}, "--from: "},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--width", "50", "--out", "x.png"}, "--width 50"},
		{[]string{"chart", "network", "--out", "x.png", "--min-events", "0"}, "--min-events 0"},
		{[]string{"chart", "network", "--out", "x.png", "--to", "yesterday"}, "--to: "},
		{[]string{"chart", "network", "--out", "x.gif"}, "unknown extension .gif"},
	} {
		_, errOut, code := runCLI(t, "", tc.args...)
		if code != cmdutil.ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tc.args, code, errOut, cmdutil.ExitUsage, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 1 { // isolate's xdg dir at most
		t.Errorf("refused commands left files: %v", entries)
	}
}

func TestChartTimelinePointsFromRecords(t *testing.T) {
	keys := []string{"period", "events", "cooperation", "conflict", "net", "alignment", "by_type"}
	recs := []*neo4j.Record{
		{Keys: keys, Values: []any{"2007-03", int64(2), 2.5, -6.0, -3.5, -0.41, []any{"MET_WITH:1"}}},
		{Keys: keys, Values: []any{"2014-06", int64(2), 3.75, int64(0), 3.75, 1.0, []any{"MET_WITH:2"}}},
	}
	pts, err := timelinePoints(recs)
	if err != nil {
		t.Fatal(err)
	}
	want := []chart.TimelinePoint{
		{Period: "2007-03", Events: 2, Cooperation: 2.5, Conflict: -6, Net: -3.5, Alignment: -0.41},
		{Period: "2014-06", Events: 2, Cooperation: 3.75, Net: 3.75, Alignment: 1},
	}
	if len(pts) != 2 || pts[0] != want[0] || pts[1] != want[1] {
		t.Fatalf("points %+v, want %+v", pts, want)
	}

	bad := []*neo4j.Record{{Keys: keys, Values: []any{"2007-03", "two", 2.5, -6.0, -3.5, -0.41, nil}}}
	if _, err := timelinePoints(bad); err == nil || !strings.Contains(err.Error(), `column "events": want an integer, got string`) {
		t.Errorf("wrong type: %v", err)
	}
	short := []*neo4j.Record{{Keys: []string{"period"}, Values: []any{"2007-03"}}}
	if _, err := timelinePoints(short); err == nil || !strings.Contains(err.Error(), `no column "events"`) {
		t.Errorf("missing column: %v", err)
	}
}

func TestChartNetworkEdgesFromRecords(t *testing.T) {
	keys := []string{"a", "b", "events", "net", "alignment", "sign"}
	recs := []*neo4j.Record{{Keys: keys, Values: []any{"IRN", "USA", int64(4), 0.25, 0.02, "friendly"}}}
	edges, err := networkEdges(recs)
	if err != nil {
		t.Fatal(err)
	}
	if want := (chart.NetworkEdge{A: "IRN", B: "USA", Events: 4, Net: 0.25, Alignment: 0.02}); len(edges) != 1 || edges[0] != want {
		t.Fatalf("edges %+v, want %+v", edges, want)
	}
	recs[0].Values[3] = "much"
	if _, err := networkEdges(recs); err == nil || !strings.Contains(err.Error(), `column "net": want a number`) {
		t.Errorf("wrong type: %v", err)
	}
}

func TestWriteChartFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.svg")
	if err := writeChartFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "<svg/>"); return err }); err != nil {
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
	err := writeChartFile(path, func(w io.Writer) error { io.WriteString(w, "<half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "<svg/>" {
		t.Errorf("old file clobbered: %q", b)
	}
	newPath := filepath.Join(dir, "new.png")
	if err := writeChartFile(newPath, func(io.Writer) error { return boom }); !errors.Is(err, boom) {
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
