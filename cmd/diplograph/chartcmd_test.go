package main

import (
	"os"
	"strings"
	"testing"

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
