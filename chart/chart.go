// Package chart draws diplograph's alliance data: the alignment index and
// event counts of one dyad over time (WriteAlliance), and the aligned
// network of states in a window (WriteNetwork).
//
// It is pure: it takes plain rows (TimelinePoint, NetworkEdge), as the
// predefined queries alliance-timeline and network return them, and writes
// one chart to an io.Writer. It does no database or file I/O.
//
// Formats: SVG and PNG are drawn with gonum.org/v1/plot; HTML is an
// interactive Apache ECharts page made with go-echarts (a zoomable line and
// bar chart for the timeline, a draggable force-layout graph for the
// network). The HTML page carries the ECharts library inline (vendored in
// assets/ by scripts/vendor-echarts.sh and embedded in the binary), so it
// works offline with no file beside it; Options.AssetsHost makes it load
// echarts.min.js from a host instead.
package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strings"
)

// Format is an output format.
type Format string

// The formats WriteAlliance and WriteNetwork can write.
const (
	SVG  Format = "svg"
	PNG  Format = "png"
	HTML Format = "html"
)

// Formats lists the supported formats in the order help texts show them.
var Formats = []Format{SVG, PNG, HTML}

// ErrNoData is returned when there is nothing to draw: no period with
// events, or no edge.
var ErrNoData = errors.New("chart: nothing to draw")

// FormatOf returns the format named by path's extension (.svg, .png,
// .html or .htm, in any case).
func FormatOf(path string) (Format, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if ext == "htm" {
		ext = string(HTML)
	}
	for _, f := range Formats {
		if ext == string(f) {
			return f, nil
		}
	}
	if ext == "" {
		return "", fmt.Errorf("chart: %q has no extension: want .svg, .png or .html", path)
	}
	return "", fmt.Errorf("chart: %q: unknown extension .%s: want .svg, .png or .html", path, ext)
}

// Options are the size and, for HTML, the script location of a chart.
type Options struct {
	// Width and Height in pixels; zero means the chart's default. SVG is
	// sized to show at this many CSS pixels.
	Width, Height int
	// AssetsHost, when set, is the URL prefix HTML pages load
	// echarts.min.js from (a CDN, or "./" for a file beside the page),
	// which makes the page about 1 MB smaller. "" (the default) puts the
	// embedded ECharts library (EChartsVersion) into the page itself.
	AssetsHost string
}

// Size limits, in pixels.
const (
	MinSize = 200
	MaxSize = 10000
)

func (o Options) size(defW, defH int) (w, h int, err error) {
	w, h = o.Width, o.Height
	if w == 0 {
		w = defW
	}
	if h == 0 {
		h = defH
	}
	if w < MinSize || h < MinSize || w > MaxSize || h > MaxSize {
		return 0, 0, fmt.Errorf("chart: size %dx%d: width and height must be between %d and %d pixels", w, h, MinSize, MaxSize)
	}
	return w, h, nil
}

func (o Options) assetsHost() string {
	if o.AssetsHost == "" {
		return ""
	}
	if !strings.HasSuffix(o.AssetsHost, "/") {
		return o.AssetsHost + "/"
	}
	return o.AssetsHost
}

func checkFormat(f Format) error {
	for _, g := range Formats {
		if f == g {
			return nil
		}
	}
	return fmt.Errorf("chart: unknown format %q: want svg, png or html", f)
}

// Default sizes in pixels.
const (
	allianceWidth, allianceHeight = 1000, 600
	networkWidth, networkHeight   = 900, 900
)

// Colours shared by the charts: a blue/red scale that stays readable for
// the colour-blind.
var (
	colorFriendly = color.RGBA{R: 0x21, G: 0x66, B: 0xac, A: 0xff}
	colorHostile  = color.RGBA{R: 0xb2, G: 0x18, B: 0x2b, A: 0xff}
	colorNeutral  = color.RGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	colorIndex    = color.RGBA{R: 0x21, G: 0x66, B: 0xac, A: 0xff}
	colorEvents   = color.RGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff}
	colorZero     = color.RGBA{R: 0x60, G: 0x60, B: 0x60, A: 0xff}
	colorNode     = color.RGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff}
)

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// render runs a go-echarts renderer, which panics on template errors,
// and returns that as an error.
func render(w io.Writer, r func(io.Writer) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("chart: rendering HTML: %v", p)
		}
	}()
	if err := r(w); err != nil {
		return fmt.Errorf("chart: writing html: %w", err)
	}
	return nil
}
