package chart

import (
	"fmt"
	"io"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TimelinePoint is one period of a dyad, a row of alliance-timeline.
type TimelinePoint struct {
	Period                string // "2007-03", "2007-Q1" or "2007"
	Events                int
	Cooperation, Conflict float64 // weighted sums; Conflict is <= 0
	Net                   float64 // Cooperation + Conflict
	// Alignment is Net / (Cooperation - Conflict), in [-1, 1], or nil when
	// the period has too few events for an index (alliance-timeline's
	// min_events): its bar is drawn, its index not.
	Alignment *float64
}

// Index returns an alignment index for a TimelinePoint.
func Index(v float64) *float64 { return &v }

// Timeline is what WriteAlliance draws: one dyad's points per period.
type Timeline struct {
	A, B   string // the two states, as they are to be labelled (codes)
	Period Period
	// First and Last, when set, are period labels the time axis must
	// reach, so that the window asked for is shown even where it has no
	// events. Otherwise the axis runs from the first to the last point.
	First, Last string
	// Points in any order, one per period at most. Periods between them
	// without a point are drawn as periods without events: a bar of 0 and
	// no index point.
	Points []TimelinePoint
}

// WriteAlliance draws the alignment index and the number of events of
// one dyad per period and writes the chart to w in format f. It returns
// an error wrapping ErrNoData when no period has events.
func WriteAlliance(w io.Writer, f Format, t Timeline, opt Options) error {
	if err := checkFormat(f); err != nil {
		return err
	}
	if _, err := ParsePeriod(string(t.Period)); err != nil {
		return err
	}
	width, height, err := opt.size(allianceWidth, allianceHeight)
	if err != nil {
		return err
	}
	// A year's row in a month or quarter timeline holds the events dated
	// to that year only: it has no place on the axis and is left out, and
	// the subtitle says how many events that is.
	var points []TimelinePoint
	yearOnly := 0
	for _, p := range t.Points {
		if p.Events < 0 {
			return fmt.Errorf("chart: period %s: negative event count %d", p.Period, p.Events)
		}
		if !finite(p.Cooperation, p.Conflict, p.Net) || p.Alignment != nil && !finite(*p.Alignment) {
			return fmt.Errorf("chart: period %s: score is not a finite number", p.Period)
		}
		if t.Period != Year {
			if _, err := Year.index(p.Period); err == nil {
				yearOnly += p.Events
				continue
			}
		}
		points = append(points, p)
	}
	pts, err := fill(points, t.Period, t.First, t.Last)
	if err != nil {
		return err
	}
	withEvents := 0
	for _, p := range pts {
		if p.Events > 0 {
			withEvents++
		}
	}
	if withEvents == 0 {
		return fmt.Errorf("%w: no events between %s and %s", ErrNoData, t.A, t.B)
	}
	d := allianceText{
		title:    fmt.Sprintf("Alignment of %s and %s per %s, %s to %s", t.A, t.B, t.Period, pts[0].Period, pts[len(pts)-1].Period),
		subtitle: "index = net / (cooperation + |conflict|), -1 hostile to +1 friendly; ",
	}
	if withEvents == len(pts) {
		d.subtitle += "every " + string(t.Period) + " has events"
	} else {
		d.subtitle += fmt.Sprintf("%d of %s have events (the others: 0 events, no index)", withEvents, plural(len(pts), string(t.Period)))
	}
	if noIndex := countNoIndex(pts); noIndex > 0 {
		d.subtitle += fmt.Sprintf("; %s too few events for an index", plural(noIndex, string(t.Period)))
	}
	if yearOnly > 0 {
		d.subtitle += fmt.Sprintf("; %s dated to a year only not drawn", plural(yearOnly, "event"))
	}
	if f == HTML {
		return allianceHTML(w, t, pts, d, width, height, opt.assetsHost())
	}
	return allianceStatic(w, f, t, pts, d, width, height)
}

type allianceText struct{ title, subtitle string }

// countNoIndex counts the periods with events but no index.
func countNoIndex(pts []TimelinePoint) int {
	n := 0
	for _, p := range pts {
		if p.Events > 0 && p.Alignment == nil {
			n++
		}
	}
	return n
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// allianceStatic draws two aligned panels with gonum/plot: the index as a
// line broken where periods have no events, over bars of event counts.
func allianceStatic(w io.Writer, f Format, t Timeline, pts []TimelinePoint, d allianceText, width, height int) error {
	n := len(pts)
	labels := make([]string, n)
	for i, p := range pts {
		labels[i] = p.Period
	}
	xmin, xmax := -0.5, float64(n)-0.5
	step := labelStep(t.Period, n, width)

	top := plot.New()
	setTitle(top, d.title, d.subtitle, width)
	top.Title.Padding = vg.Points(6)
	top.Y.Label.Text = "alignment index"
	top.Y.Min, top.Y.Max = -1.1, 1.1
	top.Y.Tick.Marker = plot.ConstantTicks{{Value: -1, Label: "-1"}, {Value: -0.5, Label: "-0.5"},
		{Value: 0, Label: "0"}, {Value: 0.5, Label: "0.5"}, {Value: 1, Label: "1"}}
	ticks := periodTicks{labels: labels, step: step, first: firstIndex(t.Period, pts[0].Period)}
	top.X.Tick.Marker = periodTicks{labels: labels, step: step, first: ticks.first, unlabelled: true}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	top.Add(grid)
	zero, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: 0}, {X: xmax, Y: 0}})
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	zero.Color = colorZero
	zero.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
	top.Add(zero)
	for _, run := range eventRuns(pts) {
		line, points, err := plotter.NewLinePoints(run)
		if err != nil {
			return fmt.Errorf("chart: %w", err)
		}
		line.Color, line.Width = colorIndex, vg.Points(1.5)
		points.Shape, points.Color, points.Radius = draw.CircleGlyph{}, colorIndex, vg.Points(2.5)
		top.Add(line, points)
	}
	top.X.Min, top.X.Max = xmin, xmax

	bottom := plot.New()
	bottom.X.Label.Text = fmt.Sprintf("%s (label every %d; periods without events have no bar)", t.Period, step)
	if step == 1 {
		bottom.X.Label.Text = fmt.Sprintf("%s (periods without events have no bar)", t.Period)
	}
	bottom.Y.Label.Text = "events"
	bins := make([]plotter.HistogramBin, 0, n)
	maxEvents := 0
	for i, p := range pts {
		if p.Events == 0 {
			continue
		}
		bins = append(bins, plotter.HistogramBin{Min: float64(i) - 0.4, Max: float64(i) + 0.4, Weight: float64(p.Events)})
		maxEvents = max(maxEvents, p.Events)
	}
	bars := &plotter.Histogram{Bins: bins, Width: 0.8, FillColor: colorEvents,
		LineStyle: draw.LineStyle{Color: colorEvents, Width: vg.Points(0.5)}}
	bottom.Add(bars)
	bottom.X.Min, bottom.X.Max = xmin, xmax
	bottom.Y.Min, bottom.Y.Max = 0, float64(maxEvents)*1.1
	bottom.Y.Tick.Marker = integerTicks{}
	bottom.X.Tick.Marker = ticks
	sans(bottom)

	c := newCanvas(f, width, height)
	dc := draw.New(c)
	fillBackground(dc)
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(6),
		PadLeft: vg.Points(6), PadRight: vg.Points(14), PadY: vg.Points(4)}
	canvases := plot.Align([][]*plot.Plot{{top}, {bottom}}, tiles, dc)
	top.Draw(canvases[0][0])
	bottom.Draw(canvases[1][0])
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: writing %s: %w", f, err)
	}
	return nil
}

// eventRuns returns the runs of consecutive periods with events as (x =
// period number, y = index) points: a line joins periods only when none
// between them lacks events.
func eventRuns(pts []TimelinePoint) []plotter.XYs {
	var runs []plotter.XYs
	var cur plotter.XYs
	for i, p := range pts {
		if p.Events == 0 || p.Alignment == nil {
			if len(cur) > 0 {
				runs = append(runs, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plotter.XY{X: float64(i), Y: *p.Alignment})
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// firstIndex is the calendar number of the first period, so that labels
// fall on round periods (every January, every first quarter, every fifth
// year).
func firstIndex(p Period, label string) int {
	i, _ := p.index(label) // labels come from fill, which parsed them
	return i
}

// labelStep is how many periods apart the time axis labels are, so that
// labels of about 60 pixels do not overlap in a chart width pixels wide.
func labelStep(p Period, n, width int) int {
	room := max(2, (width-120)/75)
	steps := map[Period][]int{
		Month:   {1, 2, 3, 6, 12, 24, 60, 120, 240, 600},
		Quarter: {1, 2, 4, 8, 20, 40, 80, 200},
		Year:    {1, 2, 5, 10, 20, 50, 100, 200, 500},
	}[p]
	for _, s := range steps {
		if (n+s-1)/s <= room {
			return s
		}
	}
	return steps[len(steps)-1]
}

// periodTicks labels the first and the last period and the round ones
// step apart between them; every period gets a minor tick when there is
// room.
type periodTicks struct {
	labels     []string
	step       int
	first      int  // calendar number of labels[0]
	unlabelled bool // ticks only, for the upper of two aligned panels
}

func (pt periodTicks) Ticks(_, _ float64) []plot.Tick {
	n := len(pt.labels)
	ticks := make([]plot.Tick, 0, n)
	minor := n <= 240
	for i, l := range pt.labels {
		label := ""
		switch {
		case i == 0 || i == n-1:
			label = l
		case (pt.first+i)%pt.step == 0 && 2*i >= pt.step && 2*(n-1-i) >= pt.step:
			label = l // round, and not crowding the first or the last
		}
		if label == "" && !minor {
			continue
		}
		if pt.unlabelled {
			label = ""
		}
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: label})
	}
	return ticks
}

// integerTicks puts ticks on whole numbers only (event counts).
type integerTicks struct{}

func (integerTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Value != math.Trunc(t.Value) {
			continue
		}
		if t.Label != "" {
			t.Label = fmt.Sprintf("%d", int(t.Value))
		}
		out = append(out, t)
	}
	return out
}

// allianceHTML writes an ECharts page: the index as a line (gaps where a
// period has no events) over bars of events on a second axis, with a
// zoom slider and tooltips.
func allianceHTML(w io.Writer, t Timeline, pts []TimelinePoint, d allianceText, width, height int, assetsHost string) error {
	labels := make([]string, len(pts))
	index := make([]opts.LineData, len(pts))
	events := make([]opts.BarData, len(pts))
	for i, p := range pts {
		labels[i] = p.Period
		events[i] = opts.BarData{Value: p.Events}
		if p.Events == 0 || p.Alignment == nil {
			index[i] = opts.LineData{Value: "-"} // ECharts' missing value: a gap
		} else {
			index[i] = opts.LineData{Value: round3(*p.Alignment)}
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{
			PageTitle:  d.title,
			Width:      fmt.Sprintf("%dpx", width),
			Height:     fmt.Sprintf("%dpx", height),
			ChartID:    "diplograph_alliance",
			AssetsHost: assetsHost,
		}),
		charts.WithTitleOpts(opts.Title{Title: d.title, Subtitle: d.subtitle, Left: "center"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "55"}),
		charts.WithGridOpts(opts.Grid{Top: "90", Bottom: "80", Left: "60", Right: "60"}),
		charts.WithDataZoomOpts(opts.DataZoom{Type: "slider"}, opts.DataZoom{Type: "inside"}),
		charts.WithYAxisOpts(opts.YAxis{Name: "alignment index", Min: -1, Max: 1, SplitNumber: 4}),
	)
	bar.ExtendYAxis(opts.YAxis{Name: "events", Position: "right", MinInterval: 1,
		SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	bar.SetXAxis(labels).AddSeries("events", events,
		charts.WithBarChartOpts(opts.BarChart{YAxisIndex: 1}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: hex(colorEvents)}))
	line := charts.NewLine()
	line.SetXAxis(labels).AddSeries("alignment index", index,
		charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false), ShowSymbol: opts.Bool(true),
			Symbol: "circle", SymbolSize: 7}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: hex(colorIndex)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 2}))
	bar.Overlap(line)
	// ECharts hides line symbols on a category axis when they are closer
	// than about 1.5 symbols, and then shows only those at label
	// positions: an isolated index point between two labels (a period with
	// events among months without) would not be drawn at all. go-echarts
	// has no showAllSymbol, so it is set after the option.
	bar.AddJSFuncStrs(types.FuncStr(`%MY_ECHARTS%.setOption({series: [{name: 'alignment index', showAllSymbol: true}]});`))
	useAssets(bar, assetsHost)
	return render(w, bar.Render)
}
