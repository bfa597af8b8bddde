package chart

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/browsertest"
)

// TestChartBrowserOffline opens the HTML pages in Debian's Chromium
// (driven by playwright-core from scripts/e2e/chart.js) as file:// URLs
// with the network off: the context is offline and every request that is
// not a file is aborted. A page with the inlined ECharts must draw its
// chart (the library loaded, an ECharts instance with its series, a canvas
// of non-zero size with painted pixels) and ask the network for nothing. A
// page that loads ECharts from a CDN, as the pages did before ECharts was
// inlined, must not draw: that shows the network was really off. The
// screenshots (chart-*-offline.png) are kept in $DIPLOGRAPH_TEST_ARTIFACTS
// (default: artifacts/ in the repo).
func TestChartBrowserOffline(t *testing.T) {
	env := browsertest.Setup(t)

	const cdn = "https://go-echarts.github.io/go-echarts-assets/assets/" // go-echarts' default host
	cases := []struct {
		name, id string
		write    func(io.Writer, Options) error
		host     string
		draws    bool
		series   int
		colors   []string // drawn in these colours
		region   []int    // inside this rectangle (x0, y0, x1, y1; nil = anywhere)
	}{
		// The index points and the bars inside the plot area (the grid of
		// allianceHTML: 90 px from the top, below the legend, 60 px from
		// the sides, 80 from the bottom), not only in the legend. A point
		// at +1 sits on the grid's top edge, hence 80.
		{"alliance", "diplograph_alliance", func(w io.Writer, o Options) error { return WriteAlliance(w, HTML, seedTimeline, o) }, "", true, 2,
			[]string{hex(colorIndex), hex(colorEvents)}, []int{60, 80, allianceWidth - 60, allianceHeight - 80}},
		{"network", "diplograph_network", func(w io.Writer, o Options) error { return WriteNetwork(w, HTML, seedNetwork, o) }, "", true, 1,
			[]string{hex(colorFriendly), hex(colorHostile), hex(colorNeutral), hex(colorNode)}, nil},
		{"alliance-cdn", "diplograph_alliance", func(w io.Writer, o Options) error { return WriteAlliance(w, HTML, seedTimeline, o) }, cdn, false, 0, nil, nil},
	}
	dir := t.TempDir()
	type pageSpec struct {
		File       string   `json:"file"`
		ID         string   `json:"id"`
		Colors     []string `json:"colors"`
		Region     []int    `json:"region,omitempty"`
		Screenshot string   `json:"screenshot"`
	}
	var pages []pageSpec
	for _, tc := range cases {
		file := filepath.Join(dir, tc.name+".html")
		f, err := os.Create(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := tc.write(f, Options{AssetsHost: tc.host}); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, pageSpec{file, tc.id, tc.colors, tc.region, filepath.Join(env.Artifacts, "chart-"+tc.name+"-offline.png")})
	}
	b, _ := json.Marshal(map[string]any{"pages": pages})
	specFile := filepath.Join(dir, "spec.json")
	if err := os.WriteFile(specFile, b, 0o600); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // hang guard
	defer cancel()
	cmd := env.Command(ctx, "chart.js", specFile)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chart.js: %v\n%s", err, out)
	}
	var res struct {
		Pages []struct {
			File     string
			ECharts  *string
			Instance bool
			Series   int
			Canvas   []int
			Inked    int
			Colors   map[string]int
			Settled  bool
			Blocked  []string
			Errors   []string
		}
	}
	if err := json.Unmarshal(out, &res); err != nil || len(res.Pages) != len(cases) {
		t.Fatalf("chart.js printed %s (%v), want %d pages", out, err, len(cases))
	}
	for i, tc := range cases {
		r := res.Pages[i]
		t.Run(tc.name, func(t *testing.T) {
			ver := "none"
			if r.ECharts != nil {
				ver = *r.ECharts
			}
			t.Logf("ECharts %s, instance %v, %d series, canvas %v, %d painted pixels, colours %v, settled %v, blocked %v, errors %v",
				ver, r.Instance, r.Series, r.Canvas, r.Inked, r.Colors, r.Settled, r.Blocked, r.Errors)
			if !tc.draws {
				if r.ECharts != nil || r.Inked != 0 {
					t.Errorf("ECharts %v drew %d pixels from %s with the network off: the network was not off", r.ECharts, r.Inked, tc.host)
				}
				if !slices.ContainsFunc(r.Blocked, func(u string) bool { return strings.HasPrefix(u, tc.host) }) {
					t.Errorf("no request to %s was blocked (blocked: %v)", tc.host, r.Blocked)
				}
				return
			}
			if r.ECharts == nil || *r.ECharts != EChartsVersion() {
				t.Fatalf("ECharts %s loaded, want %s: the page did not work offline (blocked: %v, errors: %v)",
					ver, EChartsVersion(), r.Blocked, r.Errors)
			}
			if !r.Instance || r.Series != tc.series {
				t.Errorf("ECharts instance %v with %d series, want %d", r.Instance, r.Series, tc.series)
			}
			if len(r.Canvas) != 2 || r.Canvas[0] == 0 || r.Canvas[1] == 0 {
				t.Errorf("canvas %v: want one of non-zero size", r.Canvas)
			}
			if r.Inked < 1000 {
				t.Errorf("%d painted pixels: the chart is blank", r.Inked)
			}
			for _, c := range tc.colors {
				if r.Colors[c] < 20 {
					t.Errorf("%d pixels of colour %s, want the chart's elements drawn in it (settled: %v)", r.Colors[c], c, r.Settled)
				}
			}
			if len(r.Blocked) > 0 || len(r.Errors) > 0 {
				t.Errorf("the page asked the network for %v; script errors: %v", r.Blocked, r.Errors)
			}
		})
	}
}
