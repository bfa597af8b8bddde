package chart

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// pixelDPI makes one PNG pixel per CSS pixel (0.75 pt).
const pixelDPI = 96

// newCanvas returns a canvas of width x height pixels: PNG at 96 dots
// per inch, SVG in points that show as that many CSS pixels.
func newCanvas(f Format, width, height int) vg.CanvasWriterTo {
	w, h := vg.Length(width)*0.75, vg.Length(height)*0.75 // 1 px = 0.75 pt
	if f == PNG {
		return pngCanvas(w, h)
	}
	return svgCanvas(w, h)
}

func pngCanvas(w, h vg.Length) vg.CanvasWriterTo {
	return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(pixelDPI))}
}

// svgCanvas does not embed fonts: the SVG names Liberation Sans, and
// viewers fall back to a similar sans-serif font.
func svgCanvas(w, h vg.Length) vg.CanvasWriterTo {
	return vgsvg.NewWith(vgsvg.UseWH(w, h))
}

// fillBackground paints the canvas white: SVG has no background of its
// own, and plot.Align leaves gaps between the plots.
func fillBackground(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
}

// sans sets the plot's texts in Liberation Sans, which reads better on
// screen than gonum/plot's default serif.
func sans(p *plot.Plot) {
	for _, f := range []*font.Font{&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font, &p.Legend.TextStyle.Font} {
		f.Typeface, f.Variant = "Liberation", "Sans"
	}
	p.Title.TextStyle.Font.Size = vg.Points(13)
}

// setTitle sets the plot's title and wraps the subtitle under it to fit
// a chart width pixels wide.
func setTitle(p *plot.Plot, title, subtitle string, width int) {
	sans(p)
	p.Title.Text = title + "\n" + wrap(p.Title.TextStyle, subtitle, vg.Length(width)*0.75-vg.Points(30))
}

// wrap breaks s at spaces into lines no wider than width in style sty.
func wrap(sty text.Style, s string, width vg.Length) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && sty.Width(line+" "+word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}
