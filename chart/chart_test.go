package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

// seedTimeline is the seed articles' USA-Iran dyad per month, within the
// window 2007-01-01..2014-12-31.
var seedTimeline = Timeline{A: "USA", B: "IRN", Period: Month, First: "2007-01", Last: "2014-12", Points: []TimelinePoint{
	{Period: "2014-06", Events: 2, Cooperation: 3.75, Net: 3.75, Alignment: Index(1)},
	{Period: "2007-03", Events: 2, Cooperation: 2.5, Conflict: -6, Net: -3.5, Alignment: Index(-0.4117647058823529)},
}}

var seedNetwork = Network{From: "2007-01-01", To: "2014-12-31", MinEvents: 1, Edges: []NetworkEdge{
	{A: "GBR", B: "IRN", Events: 1, Net: 2.5, Alignment: 1},
	{A: "GBR", B: "IRQ", Events: 1},
	{A: "IRN", B: "IRQ", Events: 1},
	{A: "IRN", B: "SYR", Events: 1, Net: 2.5, Alignment: 1},
	{A: "IRN", B: "USA", Events: 4, Net: 0.25, Alignment: 0.02},
	{A: "IRQ", B: "SAU", Events: 1, Net: -3, Alignment: -1},
	{A: "IRQ", B: "USA", Events: 2},
}}

func TestChartFormatOf(t *testing.T) {
	for _, tc := range []struct {
		path string
		want Format
		err  string
	}{
		{"out/usa-irn.svg", SVG, ""},
		{"A.PNG", PNG, ""},
		{"page.html", HTML, ""},
		{"page.htm", HTML, ""},
		{"chart.pdf", "", "unknown extension .pdf"},
		{"chart", "", "has no extension"},
	} {
		got, err := FormatOf(tc.path)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("FormatOf(%q) error = %v, want %q", tc.path, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
		}
	}
}

func TestChartFill(t *testing.T) {
	pt := func(period string, events int) TimelinePoint { return TimelinePoint{Period: period, Events: events} }
	for _, tc := range []struct {
		name        string
		period      Period
		first, last string
		in          []TimelinePoint
		want        []string // periods, "*" marking those with events
		err         string
	}{
		{"months across a year", Month, "", "", []TimelinePoint{pt("2008-02", 1), pt("2007-11", 3)},
			[]string{"2007-11*", "2007-12", "2008-01", "2008-02*"}, ""},
		{"window wider than data", Month, "2007-01", "2007-04", []TimelinePoint{pt("2007-03", 2)},
			[]string{"2007-01", "2007-02", "2007-03*", "2007-04"}, ""},
		{"quarters", Quarter, "", "", []TimelinePoint{pt("2007-Q4", 1), pt("2008-Q2", 1)},
			[]string{"2007-Q4*", "2008-Q1", "2008-Q2*"}, ""},
		{"years", Year, "2005", "", []TimelinePoint{pt("2007", 1)}, []string{"2005", "2006", "2007*"}, ""},
		{"one period", Year, "", "", []TimelinePoint{pt("2014", 2)}, []string{"2014*"}, ""},
		{"nothing", Month, "", "", nil, nil, ""},
		{"duplicate", Month, "", "", []TimelinePoint{pt("2007-03", 1), pt("2007-03", 1)}, nil, "appears twice"},
		{"bad month", Month, "", "", []TimelinePoint{pt("2007-13", 1)}, nil, `"2007-13" is not a month label`},
		{"quarter label for months", Month, "", "", []TimelinePoint{pt("2007-Q1", 1)}, nil, "not a month label"},
		{"too long", Month, "1900-01", "", []TimelinePoint{pt("2400-01", 1)}, nil, "too many to draw"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := fill(tc.in, tc.period, tc.first, tc.last)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, p := range got {
				l := p.Period
				if p.Events > 0 {
					l += "*"
				}
				labels = append(labels, l)
			}
			if strings.Join(labels, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("fill = %v, want %v", labels, tc.want)
			}
		})
	}
}

func TestChartPeriodTicksLabelFirstLastAndRoundPeriods(t *testing.T) {
	pts, err := fill(seedTimeline.Points, Month, "2007-01", "2014-12")
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]string, len(pts))
	for i, p := range pts {
		labels[i] = p.Period
	}
	step := labelStep(Month, len(labels), 1000)
	if step != 12 {
		t.Fatalf("labelStep(96 months, 1000 px) = %d, want 12", step)
	}
	var shown []string
	for _, tk := range (periodTicks{labels: labels, step: step, first: firstIndex(Month, labels[0])}).Ticks(0, 0) {
		if tk.Label != "" {
			shown = append(shown, tk.Label)
		}
	}
	want := "2007-01 2008-01 2009-01 2010-01 2011-01 2012-01 2013-01 2014-01 2014-12"
	if strings.Join(shown, " ") != want {
		t.Fatalf("labels %v, want %s", shown, want)
	}
}

// svgTexts checks that the SVG is well-formed XML and returns its text
// elements' contents, and how many filled circles of colour fill it draws.
func svgTexts(t *testing.T, b []byte, fill string) (texts []string, circles int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "text"
			if x.Name.Local == "path" {
				var d, style string
				for _, a := range x.Attr {
					switch a.Name.Local {
					case "d":
						d = a.Value
					case "style":
						style = a.Value
					}
				}
				if strings.Contains(d, "A") && strings.Contains(style, "fill:"+fill) {
					circles++
				}
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(x))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return texts, circles
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestChartWriteAllianceSVG(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tl     Timeline
		labels []string // tick labels and titles that must be shown
		points int      // index points
	}{
		{"seed months", seedTimeline, []string{"2007-01", "2010-01", "2014-01", "2014-12", "alignment index", "events",
			"Alignment of USA and IRN per month, 2007-01 to 2014-12"}, 2},
		{"quarters without window", Timeline{A: "USA", B: "CHN", Period: Quarter, Points: []TimelinePoint{
			{Period: "2017-Q1", Events: 1, Conflict: -3, Net: -3, Alignment: Index(-1)},
			{Period: "2017-Q2", Events: 3, Cooperation: 5, Conflict: -3, Net: 2, Alignment: Index(0.25)},
			{Period: "2017-Q4", Events: 1, Cooperation: 2.5, Net: 2.5, Alignment: Index(1)},
		}}, []string{"2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"}, 3},
		{"one year", Timeline{A: "GBR", B: "IRN", Period: Year, Points: []TimelinePoint{{Period: "2014", Events: 5, Cooperation: 10, Net: 10, Alignment: Index(1)}}},
			[]string{"2014", "Alignment of GBR and IRN per year, 2014 to 2014"}, 1},
		// alliance-timeline with min_events 2: February has a bar and no
		// index; the row of events dated to 2014 only is not on the axis.
		{"thin period and year row", Timeline{A: "IRN", B: "USA", Period: Month, Points: []TimelinePoint{
			{Period: "2014-01", Events: 2, Cooperation: 2.5, Conflict: -4, Net: -1.5, Alignment: Index(-0.231)},
			{Period: "2014", Events: 1, Conflict: -6, Net: -6},
			{Period: "2014-02", Events: 1, Conflict: -6, Net: -6},
		}}, []string{"2014-01", "2014-02", "Alignment of IRN and USA per month, 2014-01 to 2014-02"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteAlliance(&buf, SVG, tc.tl, Options{}); err != nil {
				t.Fatal(err)
			}
			texts, circles := svgTexts(t, buf.Bytes(), "#2166AC")
			for _, l := range tc.labels {
				if !contains(texts, l) {
					t.Errorf("no text %q in %q", l, texts)
				}
			}
			if circles != tc.points {
				t.Errorf("%d index points, want %d", circles, tc.points)
			}
		})
	}
}

func TestChartWriteAlliancePNGSize(t *testing.T) {
	for _, tc := range []struct {
		opt  Options
		w, h int
	}{{Options{}, 1000, 600}, {Options{Width: 640, Height: 480}, 640, 480}, {Options{Width: 801, Height: 333}, 801, 333}} {
		var buf bytes.Buffer
		if err := WriteAlliance(&buf, PNG, seedTimeline, tc.opt); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("PNG does not decode: %v", err)
		}
		if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("options %+v: PNG is %dx%d, want %dx%d", tc.opt, b.Dx(), b.Dy(), tc.w, tc.h)
		}
		var pix []uint8
		switch im := img.(type) {
		case *image.RGBA:
			pix = im.Pix
		case *image.NRGBA:
			pix = im.Pix
		default:
			t.Fatalf("PNG decodes to %T", img)
		}
		blue := 0
		for i := 0; i+3 < len(pix); i += 4 {
			if pix[i] == 0x21 && pix[i+1] == 0x66 && pix[i+2] == 0xac {
				blue++
			}
		}
		if blue == 0 {
			t.Errorf("options %+v: no index point drawn", tc.opt)
		}
	}
}

// echartsOption returns the option object of an ECharts page.
func echartsOption(t *testing.T, page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`let option_` + id + ` = (.*)\n`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no ECharts option for %s in\n%s", id, page)
	}
	return m[1]
}

func TestChartWriteAllianceHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteAlliance(&buf, HTML, seedTimeline, Options{AssetsHost: "./"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, `<script src="./echarts.min.js"></script>`) {
		t.Errorf("page does not load echarts.min.js from ./:\n%s", page[:min(len(page), 400)])
	}
	// Without showAllSymbol ECharts hides the isolated index points of
	// 2007-03 and 2014-06 (TestChartBrowserOffline sees them drawn).
	if !strings.Contains(page, `goecharts_diplograph_alliance.setOption({series: [{name: 'alignment index', showAllSymbol: true}]});`) {
		t.Errorf("page does not make ECharts show every index point")
	}
	var opt struct {
		XAxis  []struct{ Data []string }
		YAxis  []struct{ Name string }
		Series []struct {
			Name, Type string
			Data       []struct{ Value any }
		}
		DataZoom []any
	}
	if err := json.Unmarshal([]byte(echartsOption(t, page, "diplograph_alliance")), &opt); err != nil {
		t.Fatalf("option is not JSON: %v", err)
	}
	if len(opt.XAxis) != 1 || len(opt.XAxis[0].Data) != 96 || opt.XAxis[0].Data[0] != "2007-01" || opt.XAxis[0].Data[95] != "2014-12" {
		t.Fatalf("x axis %v: want the 96 months 2007-01..2014-12", opt.XAxis)
	}
	if len(opt.Series) != 2 || opt.Series[0].Type != "bar" || opt.Series[1].Type != "line" || len(opt.YAxis) != 2 || len(opt.DataZoom) == 0 {
		t.Fatalf("want events bars and an index line on two axes with zoom: %+v", opt)
	}
	// 2007-03 is the third month, 2014-06 the 90th.
	events, index := opt.Series[0].Data, opt.Series[1].Data
	if events[2].Value != 2.0 || events[89].Value != 2.0 || events[0].Value != 0.0 {
		t.Errorf("events %v", events)
	}
	if index[2].Value != -0.412 || index[89].Value != 1.0 || index[0].Value != "-" {
		t.Errorf("index %v: want -0.412, 1 and gaps (\"-\") elsewhere", index)
	}
	gaps := 0
	for _, d := range index {
		if d.Value == "-" {
			gaps++
		}
	}
	if gaps != 94 {
		t.Errorf("%d gaps in the index, want 94", gaps)
	}
}

func TestChartWriteNetwork(t *testing.T) {
	codes := []string{"GBR", "IRN", "IRQ", "SAU", "SYR", "USA"}
	t.Run("svg", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteNetwork(&buf, SVG, seedNetwork, Options{}); err != nil {
			t.Fatal(err)
		}
		texts, circles := svgTexts(t, buf.Bytes(), "#333333")
		for _, c := range append(codes, "friendly (net > 0)", "hostile (net < 0)", "neutral (net = 0)", "1 event", "4 events",
			"Aligned network of states, 2007-01-01 to 2014-12-31") {
			if !contains(texts, c) {
				t.Errorf("no text %q in %q", c, texts)
			}
		}
		if circles != len(codes) {
			t.Errorf("%d nodes, want %d", circles, len(codes))
		}
		for _, col := range []string{"#2166AC", "#B2182B", "#999999"} {
			if !strings.Contains(buf.String(), "stroke:"+col) {
				t.Errorf("no edge of colour %s", col)
			}
		}
	})
	t.Run("png", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteNetwork(&buf, PNG, seedNetwork, Options{Width: 700, Height: 500}); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 700 || b.Dy() != 500 {
			t.Errorf("PNG is %dx%d, want 700x500", b.Dx(), b.Dy())
		}
	})
	t.Run("html", func(t *testing.T) {
		var buf bytes.Buffer
		if err := WriteNetwork(&buf, HTML, seedNetwork, Options{}); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		opt := echartsOption(t, page, "diplograph_network")
		for _, want := range []string{`"type":"graph"`, `"layout":"force"`, `"draggable":true`, `"roam":true`,
			`{"source":"IRN","target":"USA","value":4,"lineStyle":{"color":"#2166ac","width":6`,
			`"source":"IRQ","target":"SAU","value":1,"lineStyle":{"color":"#b2182b"`} {
			if !strings.Contains(opt, want) && !strings.Contains(page, want) {
				t.Errorf("page lacks %s", want)
			}
		}
		for _, c := range codes {
			if !strings.Contains(opt, `"name":"`+c+`"`) {
				t.Errorf("no node %s", c)
			}
		}
		// go-echarts unquotes the tooltip function's source from a JSON
		// string: an escaped quote left in it is a JavaScript syntax error.
		if strings.Contains(opt, `\"`) {
			t.Errorf("escaped quote in the option's JavaScript: %s", opt)
		}
		if !strings.Contains(opt, "var pairs = [[1,2.5,1],") {
			t.Errorf("tooltip table missing: %s", opt)
		}
	})
}

// TestChartHTMLScripts checks where the HTML pages take ECharts from: by
// default from the page itself (the embedded library inlined, no script
// loaded from anywhere), with AssetsHost from that host only.
func TestChartHTMLScripts(t *testing.T) {
	writers := map[string]func(io.Writer, Options) error{
		"alliance": func(w io.Writer, o Options) error { return WriteAlliance(w, HTML, seedTimeline, o) },
		"network":  func(w io.Writer, o Options) error { return WriteNetwork(w, HTML, seedNetwork, o) },
	}
	banner := `t.version="` + EChartsVersion() + `"`
	srcs := regexp.MustCompile(`(?i)<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*"?([^"\s>]*)`)
	for _, tc := range []struct {
		name, host string
		wantSrc    []string // script and link URLs
		inline     bool
	}{
		{name: "default inline", inline: true},
		{name: "beside the page", host: "./", wantSrc: []string{"./echarts.min.js"}},
		{name: "cdn without slash", host: "https://cdn.jsdelivr.net/npm/echarts@5.6.0/dist",
			wantSrc: []string{"https://cdn.jsdelivr.net/npm/echarts@5.6.0/dist/echarts.min.js"}},
	} {
		for name, write := range writers {
			t.Run(tc.name+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := write(&buf, Options{AssetsHost: tc.host}); err != nil {
					t.Fatal(err)
				}
				page := buf.String()
				var got []string
				for _, m := range srcs.FindAllStringSubmatch(page, -1) {
					got = append(got, m[1])
				}
				if strings.Join(got, " ") != strings.Join(tc.wantSrc, " ") {
					t.Errorf("scripts and links load %q, want %q", got, tc.wantSrc)
				}
				if n := strings.Count(page, banner); tc.inline && n != 1 || !tc.inline && n != 0 {
					t.Errorf("page holds %d copies of ECharts %s, want inline=%v", n, EChartsVersion(), tc.inline)
				}
				if tc.inline && !strings.Contains(page, "<script>/* Apache ECharts "+EChartsVersion()+", Apache-2.0") {
					t.Errorf("inlined library has no licence banner")
				}
				// The library comes before the chart's script that uses it.
				if lib, use := strings.Index(page, "echarts.min.js"), strings.Index(page, "echarts.init("); tc.inline {
					if lib = strings.Index(page, banner); lib < 0 || lib > use {
						t.Errorf("ECharts at %d, echarts.init at %d", lib, use)
					}
				} else if lib < 0 || lib > use {
					t.Errorf("echarts.min.js at %d, echarts.init at %d", lib, use)
				}
			})
		}
	}
}

func TestChartScriptElement(t *testing.T) {
	for _, tc := range []struct{ js, want string }{
		{`a()`, "a()"},
		{`s="</script>";r=/<\/SCRIPT/;t="</Script "`, `s="<\/script>";r=/<\/SCRIPT/;t="<\/Script "`},
	} {
		got := scriptElement(tc.js, "9.9.9")
		want := "<script>/* Apache ECharts 9.9.9, Apache-2.0, https://echarts.apache.org */\n" + tc.want + "\n</script>"
		if got != want {
			t.Errorf("scriptElement(%q) = %q, want %q", tc.js, got, want)
		}
	}
	if EChartsVersion() == "" || len(echartsJS) < 500_000 {
		t.Errorf("embedded ECharts %q is %d bytes: run scripts/vendor-echarts.sh", EChartsVersion(), len(echartsJS))
	}
}

func TestChartNothingToDraw(t *testing.T) {
	for _, f := range Formats {
		for name, err := range map[string]error{
			"no points":        WriteAlliance(io.Discard, f, Timeline{A: "USA", B: "IRN", Period: Month}, Options{}),
			"window only":      WriteAlliance(io.Discard, f, Timeline{A: "USA", B: "IRN", Period: Year, First: "2007", Last: "2010"}, Options{}),
			"no events":        WriteAlliance(io.Discard, f, Timeline{A: "USA", B: "IRN", Period: Year, Points: []TimelinePoint{{Period: "2007"}}}, Options{}),
			"network no edges": WriteNetwork(io.Discard, f, Network{From: "2030-01-01"}, Options{}),
		} {
			if !errors.Is(err, ErrNoData) {
				t.Errorf("%s %s: error %v, want ErrNoData", f, name, err)
			}
		}
	}
}

func TestChartBadInput(t *testing.T) {
	ok := seedTimeline
	nan := Timeline{A: "USA", B: "IRN", Period: Month, Points: []TimelinePoint{{Period: "2007-03", Events: 1, Alignment: Index(math.NaN())}}}
	neg := Timeline{A: "USA", B: "IRN", Period: Month, Points: []TimelinePoint{{Period: "2007-03", Events: -1}}}
	week := Timeline{A: "USA", B: "IRN", Period: "week", Points: ok.Points}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"format", WriteAlliance(io.Discard, "pdf", ok, Options{}), `unknown format "pdf"`},
		{"too small", WriteAlliance(io.Discard, PNG, ok, Options{Width: 10, Height: 10}), "between 200 and 10000"},
		{"too large", WriteNetwork(io.Discard, PNG, seedNetwork, Options{Width: 20000}), "between 200 and 10000"},
		{"NaN", WriteAlliance(io.Discard, SVG, nan, Options{}), "not a finite number"},
		{"negative events", WriteAlliance(io.Discard, SVG, neg, Options{}), "negative event count"},
		{"week", WriteAlliance(io.Discard, SVG, week, Options{}), `period "week"`},
		{"self loop", WriteNetwork(io.Discard, SVG, Network{Edges: []NetworkEdge{{A: "USA", B: "USA", Events: 1}}}, Options{}), "to itself"},
		{"no code", WriteNetwork(io.Discard, SVG, Network{Edges: []NetworkEdge{{A: "USA", B: " ", Events: 1}}}, Options{}), "has no code"},
		{"pair twice", WriteNetwork(io.Discard, SVG, Network{Edges: []NetworkEdge{{A: "USA", B: "IRN", Events: 1}, {A: "IRN", B: "USA", Events: 2}}}, Options{}), "appears twice"},
		{"infinite net", WriteNetwork(io.Discard, HTML, Network{Edges: []NetworkEdge{{A: "USA", B: "IRN", Events: 1, Net: math.Inf(1)}}}, Options{}), "not a finite number"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, tc.err, tc.want)
		}
	}
}

// TestGolden keeps the SVG and HTML output as reviewed; run with -update
// after an intended change and look at the files. The HTML pages load
// ECharts from ./ here, to keep the 1 MB library out of the golden files;
// TestChartHTMLScripts checks the inlined default.
func TestChartGolden(t *testing.T) {
	for _, tc := range []struct {
		file  string
		write func(io.Writer) error
	}{
		{"alliance.svg", func(w io.Writer) error { return WriteAlliance(w, SVG, seedTimeline, Options{}) }},
		{"alliance.html", func(w io.Writer) error { return WriteAlliance(w, HTML, seedTimeline, Options{AssetsHost: "./"}) }},
		{"network.svg", func(w io.Writer) error { return WriteNetwork(w, SVG, seedNetwork, Options{}) }},
		{"network.html", func(w io.Writer) error { return WriteNetwork(w, HTML, seedNetwork, Options{AssetsHost: "./"}) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tc.file)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./chart -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test ./chart -update after an intended change)", tc.file, path)
			}
		})
	}
}

// The subtitle says which periods have too few events for an index and
// how many events, dated to a year only, are not drawn.
func TestChartAllianceSubtitleNoIndex(t *testing.T) {
	tl := Timeline{A: "IRN", B: "USA", Period: Quarter, Points: []TimelinePoint{
		{Period: "2014-Q1", Events: 3, Cooperation: 2.5, Conflict: -10, Net: -7.5, Alignment: Index(-0.6)},
		{Period: "2014-Q2", Events: 2, Cooperation: 4, Conflict: -4},
		{Period: "2014", Events: 1, Conflict: -6, Net: -6, Alignment: Index(-1)},
	}}
	var buf bytes.Buffer
	if err := WriteAlliance(&buf, SVG, tl, Options{}); err != nil {
		t.Fatal(err)
	}
	texts, _ := svgTexts(t, buf.Bytes(), "#2166AC")
	all := strings.Join(texts, " ")
	for _, want := range []string{"1 quarter too few events for an index", "1 event dated to a year only not drawn"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in %q", want, all)
		}
	}
}
