package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// NetworkEdge is one pair of states, a row of the network query.
type NetworkEdge struct {
	A, B      string // the states' codes
	Events    int
	Net       float64 // cooperation + conflict
	Alignment float64 // in [-1, 1]
}

// Network is what WriteNetwork draws.
type Network struct {
	// From and To label the window in the title ("" = not shown).
	From, To string
	// MinEvents labels the threshold the edges were chosen with (shown
	// when above 1).
	MinEvents int
	Edges     []NetworkEdge
}

// WriteNetwork draws the states as nodes labelled by code and the pairs
// as edges coloured by the sign of their net score (friendly, hostile,
// neutral) and as wide as their number of events, and writes the chart
// to w in format f. SVG and PNG place the states on a circle in code
// order; HTML lays them out by force and lets the reader drag and zoom.
// It returns an error wrapping ErrNoData when there are no edges.
func WriteNetwork(w io.Writer, f Format, n Network, opt Options) error {
	if err := checkFormat(f); err != nil {
		return err
	}
	width, height, err := opt.size(networkWidth, networkHeight)
	if err != nil {
		return err
	}
	if len(n.Edges) == 0 {
		return fmt.Errorf("%w: no pairs of states", ErrNoData)
	}
	seen := map[[2]string]bool{}
	for _, e := range n.Edges {
		switch {
		case strings.TrimSpace(e.A) == "" || strings.TrimSpace(e.B) == "":
			return fmt.Errorf("chart: edge %q-%q: a state has no code", e.A, e.B)
		case e.A == e.B:
			return fmt.Errorf("chart: edge from %s to itself", e.A)
		case e.Events < 0:
			return fmt.Errorf("chart: edge %s-%s: negative event count %d", e.A, e.B, e.Events)
		case !finite(e.Net, e.Alignment):
			return fmt.Errorf("chart: edge %s-%s: score is not a finite number", e.A, e.B)
		}
		k := pairKey(e.A, e.B)
		if seen[k] {
			return fmt.Errorf("chart: pair %s-%s appears twice", k[0], k[1])
		}
		seen[k] = true
	}
	g := newGraph(n)
	if f == HTML {
		return networkHTML(w, g, width, height, opt.assetsHost())
	}
	return networkStatic(w, f, g, width, height)
}

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// graph is a Network prepared for drawing.
type graph struct {
	title, subtitle string
	nodes           []string       // codes, sorted
	nodeEvents      map[string]int // events of all a node's pairs
	edges           []NetworkEdge  // fewest events first, so that heavy edges are drawn on top
	minEv, maxEv    int
}

func newGraph(n Network) graph {
	g := graph{nodeEvents: map[string]int{}, minEv: math.MaxInt}
	for _, e := range n.Edges {
		g.nodeEvents[e.A] += e.Events
		g.nodeEvents[e.B] += e.Events
		g.minEv, g.maxEv = min(g.minEv, e.Events), max(g.maxEv, e.Events)
	}
	for c := range g.nodeEvents {
		g.nodes = append(g.nodes, c)
	}
	slices.Sort(g.nodes)
	g.edges = append([]NetworkEdge(nil), n.Edges...)
	slices.SortFunc(g.edges, func(a, b NetworkEdge) int {
		ka, kb := pairKey(a.A, a.B), pairKey(b.A, b.B)
		return cmp.Or(cmp.Compare(a.Events, b.Events), cmp.Compare(ka[0], kb[0]), cmp.Compare(ka[1], kb[1]))
	})

	g.title = "Aligned network of states"
	switch {
	case n.From != "" && n.To != "":
		g.title += ", " + n.From + " to " + n.To
	case n.From != "":
		g.title += " from " + n.From
	case n.To != "":
		g.title += " until " + n.To
	}
	pairs := plural(len(g.edges), "pair")
	if n.MinEvents > 1 {
		pairs += fmt.Sprintf(" with at least %d events", n.MinEvents)
	}
	g.subtitle = fmt.Sprintf("%s, %s; colour: sign of the net score; width: number of events",
		plural(len(g.nodes), "state"), pairs)
	return g
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

type sign int

const (
	hostile sign = iota - 1
	neutral
	friendly
)

func signOf(net float64) sign {
	switch {
	case net > 0:
		return friendly
	case net < 0:
		return hostile
	}
	return neutral
}

func (s sign) color() color.RGBA {
	switch s {
	case friendly:
		return colorFriendly
	case hostile:
		return colorHostile
	}
	return colorNeutral
}

func (s sign) legend() string {
	switch s {
	case friendly:
		return "friendly (net > 0)"
	case hostile:
		return "hostile (net < 0)"
	}
	return "neutral (net = 0)"
}

// edgeWidth maps events linearly from the fewest (thin) to the most
// (thick) in points.
func (g graph) edgeWidth(events int) float64 {
	const thin, thick = 1.0, 6.0
	if g.maxEv == g.minEv {
		return 2
	}
	return thin + (thick-thin)*float64(events-g.minEv)/float64(g.maxEv-g.minEv)
}

// circle places the nodes on the unit circle, clockwise from the top.
func (g graph) circle() map[string]plotter.XY {
	pos := make(map[string]plotter.XY, len(g.nodes))
	for i, c := range g.nodes {
		a := math.Pi/2 - 2*math.Pi*float64(i)/float64(len(g.nodes))
		pos[c] = plotter.XY{X: math.Cos(a), Y: math.Sin(a)}
	}
	return pos
}

// networkStatic draws the circular layout with gonum/plot, the legend in
// a column of its own on the right.
func networkStatic(w io.Writer, f Format, g graph, width, height int) error {
	pos := g.circle()
	p := plot.New()
	setTitle(p, g.title, g.subtitle, width)
	p.HideAxes()

	signs := map[sign]bool{}
	for _, e := range g.edges {
		s := signOf(e.Net)
		signs[s] = true
		l, err := plotter.NewLine(plotter.XYs{pos[e.A], pos[e.B]})
		if err != nil {
			return fmt.Errorf("chart: %w", err)
		}
		l.Color, l.Width = s.color(), vg.Points(g.edgeWidth(e.Events))
		p.Add(l)
	}
	xys := make(plotter.XYs, len(g.nodes))
	for i, c := range g.nodes {
		xys[i] = pos[c]
	}
	nodes, err := plotter.NewScatter(xys)
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	nodes.Shape, nodes.Color, nodes.Radius = draw.CircleGlyph{}, colorNode, vg.Points(3)
	p.Add(nodes)

	for _, s := range []sign{friendly, hostile, neutral} {
		if signs[s] {
			p.Legend.Add(s.legend(), &plotter.Line{LineStyle: draw.LineStyle{Color: s.color(), Width: vg.Points(3)}})
		}
	}
	evs := []int{g.minEv, g.maxEv}
	if g.minEv == g.maxEv {
		evs = evs[:1]
	}
	for _, ev := range evs {
		p.Legend.Add(plural(ev, "event"), &plotter.Line{LineStyle: draw.LineStyle{Color: colorNeutral, Width: vg.Points(g.edgeWidth(ev))}})
	}
	p.Legend.Top = true
	p.Legend.ThumbnailWidth = vg.Points(28)
	p.Legend.Padding = vg.Points(2)
	p.Legend.TextStyle.Font.Size = vg.Points(10)

	c := newCanvas(f, width, height)
	dc := draw.New(c)
	fillBackground(dc)
	pad := vg.Points(8)
	dc = draw.Crop(dc, pad, -pad, pad, -pad)

	// Fit the circle, with room for the labels, into the data area left
	// of the legend, and keep it round.
	data := p.DataCanvas(dc)
	dataW, dataH := data.Max.X-data.Min.X, data.Max.Y-data.Min.Y
	leftW := dataW - p.Legend.Rectangle(data).Size().X - vg.Points(12)
	const labelRoom = 34                                 // points around the circle for the labels
	radius := min(leftW, dataH)/2 - vg.Points(labelRoom) // points per unit of the layout
	if radius < vg.Points(20) {
		return fmt.Errorf("chart: %dx%d pixels is too small for a network of %s", width, height, plural(len(g.nodes), "state"))
	}
	// Shrink the labels when neighbours on the circle are close.
	fontSize := max(vg.Points(5), min(vg.Points(10), vg.Length(2*math.Pi)*radius/vg.Length(len(g.nodes))*0.55))
	xmin, ymin := -float64(leftW/2/radius), -float64(dataH/2/radius)
	xmax, ymax := xmin+float64(dataW/radius), ymin+float64(dataH/radius)

	labelXYs := make(plotter.XYs, len(g.nodes))
	out := 1 + float64(vg.Points(6)/radius) // labels sit 6 points outside the circle
	for i, c := range g.nodes {
		labelXYs[i] = plotter.XY{X: pos[c].X * out, Y: pos[c].Y * out}
	}
	labels, err := plotter.NewLabels(plotter.XYLabels{XYs: labelXYs, Labels: g.nodes})
	if err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	for i, c := range g.nodes {
		st := &labels.TextStyle[i]
		st.Font.Typeface, st.Font.Variant, st.Font.Size = "Liberation", "Sans", fontSize
		// Labels sit outside the circle: left of nodes on the left, above
		// nodes at the top, and so on.
		st.XAlign = text.XAlignment(-0.5 + 0.5*pos[c].X)
		st.YAlign = text.YAlignment(-0.5 + 0.5*pos[c].Y)
	}
	p.Add(labels)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax

	p.Draw(dc)
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("chart: writing %s: %w", f, err)
	}
	return nil
}

// networkHTML writes an ECharts force-layout graph: nodes sized by their
// events, edges coloured and sized like the static chart, tooltips with
// each pair's events, net score and alignment.
func networkHTML(w io.Writer, g graph, width, height int, assetsHost string) error {
	maxNode := 0
	for _, c := range g.nodes {
		maxNode = max(maxNode, g.nodeEvents[c])
	}
	nodes := make([]opts.GraphNode, len(g.nodes))
	for i, c := range g.nodes {
		nodes[i] = opts.GraphNode{
			Name:       c,
			Value:      float32(g.nodeEvents[c]),
			SymbolSize: round3(8 + 22*math.Sqrt(float64(g.nodeEvents[c])/float64(max(1, maxNode)))),
			ItemStyle:  &opts.ItemStyle{Color: hex(colorNode)},
		}
	}
	links := make([]opts.GraphLink, len(g.edges))
	for i, e := range g.edges {
		links[i] = opts.GraphLink{
			Source: e.A, Target: e.B, Value: float32(e.Events),
			LineStyle: &opts.LineStyle{Color: hex(signOf(e.Net).color()), Width: float32(round3(g.edgeWidth(e.Events))),
				Opacity: opts.Float(0.8)},
		}
	}
	tooltip := `function (p) {
  var pairs = ` + jsArray(g.edges) + `;
  if (p.dataType === 'edge') {
    var d = pairs[p.dataIndex];
    return p.data.source + ' – ' + p.data.target + '<br/>events: ' + d[0] +
      '<br/>net: ' + d[1] + '<br/>alignment: ' + d[2];
  }
  return p.name + ': ' + p.value + ' events';
}`
	gr := charts.NewGraph()
	gr.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{
			PageTitle:  g.title,
			Width:      fmt.Sprintf("%dpx", width),
			Height:     fmt.Sprintf("%dpx", height),
			ChartID:    "diplograph_network",
			AssetsHost: assetsHost,
		}),
		charts.WithTitleOpts(opts.Title{Title: g.title, Left: "center",
			Subtitle:      g.subtitle + "\nblue: friendly, red: hostile, grey: neutral; drag the states, scroll to zoom",
			SubtitleStyle: &opts.TextStyle{LineHeight: 16}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts(tooltip)}),
	)
	gr.AddSeries("network", nodes, links,
		charts.WithGraphChartOpts(opts.GraphChart{
			Layout:    "force",
			Roam:      opts.Bool(true),
			Draggable: opts.Bool(true),
			Force:     &opts.GraphForce{Repulsion: 300, Gravity: 0.1, EdgeLength: []int{60, 200}},
		}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		charts.WithEmphasisOpts(opts.Emphasis{Focus: "adjacency"}),
	)
	useAssets(gr, assetsHost)
	return render(w, gr.Render)
}

// jsArray writes each edge's events, net score and alignment as a
// JavaScript array literal indexed like the links. (go-echarts puts a
// function's source into a JSON string and takes the quotes off again, so
// the source must hold no string literals with double quotes.)
func jsArray(edges []NetworkEdge) string {
	var b strings.Builder
	b.WriteString("[")
	for i, e := range edges {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "[%d,%s,%s]", e.Events,
			strconv.FormatFloat(round3(e.Net), 'g', -1, 64), strconv.FormatFloat(round3(e.Alignment), 'g', -1, 64))
	}
	b.WriteString("]")
	return b.String()
}
