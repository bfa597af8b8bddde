// Package chartcmd is the 'diplograph chart' command: 'chart alliance'
// draws a dyad's alignment over time and 'chart network' the aligned
// network of a window, as SVG, PNG or HTML, from the rows of the
// predefined queries alliance-timeline and network, read through their
// typed readers (queries.AllianceTimeline, queries.Network).
package chartcmd

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/chart"
	"github.com/diplograph/diplograph/internal/cmd/queryparams"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// Kind is the chart to draw: the subcommand.
type Kind string

// The kinds of chart.
const (
	Alliance Kind = "alliance"
	Network  Kind = "network"
)

// Options are what 'chart alliance' and 'chart network' need.
type Options struct {
	Out io.Writer
	// Env reads queries and resolves states; filled when the command runs.
	queryparams.Env

	Kind Kind
	// File is --out, --width, --height and --assets-host.
	File File
	// From and To are --from and --to, "" when not given.
	From, To string
	// A, B and Period are --a, --b and --period of 'chart alliance'.
	A, B, Period string
	// MinEvents is --min-events of 'chart network'.
	MinEvents int
}

// File is what every chart command takes about its output.
type File struct {
	Path          string
	Width, Height int
	AssetsHost    string
}

// NewCmd builds 'chart' and its subcommands 'alliance' and 'network'.
// runF, when not nil, runs instead of a subcommand (tests use it to check
// the flags).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "chart",
		Short: "Draw a dyad's alignment over time or the aligned network as SVG, PNG or HTML",
		Long: `Draw the alliance data of the graph as a chart file. The charts take their
rows from the predefined queries alliance-timeline and network, so they show
exactly what 'diplograph query' prints: the same weights (alliance.weights),
planned events at alliance.planned_factor, negated ones left out.

The extension of --out picks the format:
  .svg    vector image, for reports and web pages
  .png    raster image of --width x --height pixels
  .html   interactive page (Apache ECharts): zoomable timeline with tooltips,
          force-layout network whose states can be dragged

An .html page carries Apache ECharts (Apache-2.0) inline, so it works
offline, sent by mail or opened from a USB stick, with no file beside it
(about 1 MB). For a small page that loads echarts.min.js when opened, pass
--assets-host with a URL prefix, e.g. ./ for the file beside the page, or
https://cdn.jsdelivr.net/npm/echarts@` + chart.EChartsVersion() + `/dist/ (needs the internet).

The file is written whole or not at all: a failed chart leaves no partial
file behind.`,
		Example: `  diplograph chart alliance --a USA --b Iran --period quarter --out usa-irn.svg
  diplograph chart network --from 2014-01-01 --to 2014-12-31 --min-events 2 --out 2014.png`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.Usagef("which chart? 'diplograph chart alliance' or 'diplograph chart network' (see --help)")
		},
	}
	cmd.AddCommand(newAllianceCmd(f, runF), newNetworkCmd(f, runF))
	return cmd
}

func newAllianceCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Out: f.Out, Kind: Alliance}
	cmd := &cobra.Command{
		Use:   "alliance --a STATE --b STATE --out FILE [--period month|quarter|year] [--from DATE] [--to DATE]",
		Short: "Chart a dyad's alignment index and number of events per period",
		Long: `Chart how the relations of two states changed: the alignment index per
period (net / (cooperation + |conflict|), from -1 hostile to +1 friendly)
above the number of events per period. The rows are those of the query
alliance-timeline.

Every period from the first to the last with events is shown, or from --from
to --to when they are given. A period without events shows no bar and no
index point, and the index line is broken there, so that no trend is drawn
through months the news said nothing about.

States are given by name, alias or ISO alpha-3 code (USA, "United States",
Iran, IRN), including the names added by extract.lexicon_dirs and
extract.dictionaries. Dates are YYYY-MM-DD, YYYY-MM or YYYY, as in
'diplograph query': --from 2014 is the first day of 2014, --to 2014 its last.`,
		Example: `  # SVG per month, for the seed articles' USA-Iran dyad
  diplograph chart alliance --a USA --b Iran --period month --out usa-irn.svg

  # PNG per quarter over a window, at 1600x800 pixels
  diplograph chart alliance --a "United Kingdom" --b IRN --period quarter \
      --from 2010-01-01 --to 2015-12-31 --width 1600 --height 800 --out gbr-irn.png

  # interactive page: zoom with the slider, values in the tooltips
  diplograph chart alliance --a USA --b Russia --period year --out usa-rus.html`,
		Args: cobra.NoArgs,
		RunE: runE(f, o, runF),
	}
	fl := cmd.Flags()
	fl.StringVar(&o.A, "a", "", "one state: name, alias or ISO code (required)")
	fl.StringVar(&o.B, "b", "", "the other state (required)")
	fl.StringVar(&o.Period, "period", "month", "period length: month, quarter or year")
	fl.StringVar(&o.From, "from", "", "first day of the window (default: the first event)")
	fl.StringVar(&o.To, "to", "", "last day of the window (default: the last event)")
	o.File.addFlags(cmd, 1000, 600)
	return cmd
}

func newNetworkCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Out: f.Out, Kind: Network}
	cmd := &cobra.Command{
		Use:   "network --out FILE [--from DATE] [--to DATE] [--min-events N]",
		Short: "Chart the aligned network of states in a window",
		Long: `Chart the pairs of states with events in a window as a network: one node
per state, labelled by its ISO code, and one edge per pair, blue when its net
score is friendly (> 0), red when hostile (< 0), grey when neutral, and the
wider the more events it has. The rows are those of the query network.

SVG and PNG place the states on a circle in code order. The .html page lays
them out by force; drag the states, zoom with the mouse wheel, and hover an
edge for its events, net score and alignment.

Without --from and --to the whole graph is drawn; on a large graph choose a
window, and --min-events to keep only the pairs with that many events.`,
		Example: `  diplograph chart network --from 2007-01-01 --to 2014-12-31 --out network.svg
  diplograph chart network --from 2014-01-01 --to 2014-12-31 --min-events 3 --out 2014.png
  diplograph chart network --from 2014-01-01 --to 2014-12-31 --out 2014.html`,
		Args: cobra.NoArgs,
		RunE: runE(f, o, runF),
	}
	fl := cmd.Flags()
	fl.StringVar(&o.From, "from", "", "first day of the window (default: the whole graph)")
	fl.StringVar(&o.To, "to", "", "last day of the window (default: the whole graph)")
	fl.IntVar(&o.MinEvents, "min-events", 1, "leave out pairs with fewer events")
	o.File.addFlags(cmd, 900, 900)
	return cmd
}

func (file *File) addFlags(cmd *cobra.Command, defW, defH int) {
	fl := cmd.Flags()
	fl.StringVarP(&file.Path, "out", "o", "", "file to write; its extension picks the format: .svg, .png or .html (required)")
	fl.IntVar(&file.Width, "width", defW, "width in pixels")
	fl.IntVar(&file.Height, "height", defH, "height in pixels")
	fl.StringVar(&file.AssetsHost, "assets-host", "",
		"load echarts.min.js from this URL prefix (./ = beside the page) instead of carrying it inline in the .html page")
}

// runE fills o's Env, which reads the configuration loaded once the
// command runs, and runs runF, or else run.
func runE(f *cmdutil.Factory, o *Options, runF func(context.Context, *Options) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		o.Env = queryparams.EnvOf(f)
		if runF != nil {
			return runF(cmd.Context(), o)
		}
		return run(cmd.Context(), o)
	}
}
