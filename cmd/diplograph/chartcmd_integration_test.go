package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/chart"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// svgTextsOf returns the text elements of an SVG file, failing the test
// when it is not well-formed XML.
func svgTextsOf(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", path, err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts[string(x)] = true
			}
		}
	}
}

func TestCLIChart(t *testing.T) {
	seeds := seedsDir(t)
	useTestDB(t)
	if out, errOut, code := runCLI(t, "", "ingest", seeds); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	dir := t.TempDir()

	// The seed dyad per month: the axis runs from the first to the last
	// month with events, both labelled.
	svg := filepath.Join(dir, "usa-irn.svg")
	out, errOut, code := runCLI(t, "", "chart", "alliance", "--a", "USA", "--b", "Iran", "--period", "month", "--out", svg)
	if code != 0 || !strings.Contains(out, "wrote "+svg+": USA and IRN, 2 months with events") {
		t.Fatalf("chart alliance svg: exit %d\n%s%s", code, out, errOut)
	}
	texts := svgTextsOf(t, svg)
	for _, want := range []string{"2007-03", "2014-06", "Alignment of USA and IRN per month, 2007-03 to 2014-06", "alignment index", "events"} {
		if !texts[want] {
			t.Errorf("%s lacks %q; texts: %v", svg, want, texts)
		}
	}

	// Quarterly HTML over a window given by name.
	html := filepath.Join(dir, "usa-irn.html")
	out, errOut, code = runCLI(t, "", "chart", "alliance", "--a", "United States", "--b", "IRN", "--period", "quarter",
		"--from", "2007-01-01", "--to", "2014-12-31", "--out", html)
	if code != 0 {
		t.Fatalf("chart alliance html: exit %d\n%s%s", code, out, errOut)
	}
	page, _ := os.ReadFile(html)
	for _, want := range []string{`"2007-Q1"`, `"2007-Q2"`, `"2014-Q2"`, `"2014-Q4"`, `"type":"line"`, `"type":"bar"`,
		"<script>/* Apache ECharts " + chart.EChartsVersion()} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s lacks %s", html, want)
		}
	}
	if bytes.Contains(page, []byte(`src="http`)) {
		t.Errorf("%s loads a script from the network", html)
	}

	// The network of the window as PNG and SVG.
	pngPath := filepath.Join(dir, "network.png")
	out, errOut, code = runCLI(t, "", "chart", "network", "--from", "2007-01-01", "--to", "2014-12-31", "--out", pngPath)
	if code != 0 || !strings.Contains(out, "pairs") {
		t.Fatalf("chart network png: exit %d\n%s%s", code, out, errOut)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("%s: %v", pngPath, err)
	}
	if b := img.Bounds(); b.Dx() != 900 || b.Dy() != 900 {
		t.Errorf("network PNG is %dx%d, want the default 900x900", b.Dx(), b.Dy())
	}
	netSVG := filepath.Join(dir, "network.svg")
	if out, errOut, code = runCLI(t, "", "chart", "network", "--from", "2007-01-01", "--to", "2014-12-31", "--out", netSVG); code != 0 {
		t.Fatalf("chart network svg: exit %d\n%s%s", code, out, errOut)
	}
	texts = svgTextsOf(t, netSVG)
	for _, code := range []string{"USA", "IRN", "GBR"} {
		if !texts[code] {
			t.Errorf("network lacks node %s; texts: %v", code, texts)
		}
	}

	// Nothing to draw: an error naming the dyad and the window, no file.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Tuvalu", "--out", filepath.Join(dir, "none1.svg")},
			"no events between USA and TUV in the graph: nothing to draw"},
		{[]string{"chart", "alliance", "--a", "USA", "--b", "Iran", "--from", "2030-01-01", "--to", "2031-12-31", "--out", filepath.Join(dir, "none2.png")},
			"no events between USA and IRN in 2030-01-01..2031-12-31: nothing to draw"},
		{[]string{"chart", "network", "--from", "2007-01-01", "--to", "2014-12-31", "--min-events", "50", "--out", filepath.Join(dir, "none3.html")},
			"no pairs of states with at least 50 events in 2007-01-01..2014-12-31: nothing to draw"},
	} {
		_, errOut, code := runCLI(t, "", tc.args...)
		if code != cmdutil.ExitError || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tc.args, code, errOut, cmdutil.ExitError, tc.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "network.png network.svg usa-irn.html usa-irn.svg" {
		t.Errorf("directory holds %v: a failed chart left a file", names)
	}
}
