package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/chart"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/queries"
)

func newChartCmd(a *app) *cobra.Command {
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
	cmd.AddCommand(newChartAllianceCmd(a), newChartNetworkCmd(a))
	return cmd
}

// chartFile is what every chart command takes about its output.
type chartFile struct {
	out           string
	width, height int
	assetsHost    string
}

func (cf *chartFile) addFlags(cmd *cobra.Command, defW, defH int) {
	f := cmd.Flags()
	f.StringVarP(&cf.out, "out", "o", "", "file to write; its extension picks the format: .svg, .png or .html (required)")
	f.IntVar(&cf.width, "width", defW, "width in pixels")
	f.IntVar(&cf.height, "height", defH, "height in pixels")
	f.StringVar(&cf.assetsHost, "assets-host", "",
		"load echarts.min.js from this URL prefix (./ = beside the page) instead of carrying it inline in the .html page")
}

// check validates the output flags before anything is queried.
func (cf *chartFile) check() (chart.Format, chart.Options, error) {
	if cf.out == "" {
		return "", chart.Options{}, cmdutil.Usagef("--out is required: the file to write (.svg, .png or .html)")
	}
	format, err := chart.FormatOf(cf.out)
	if err != nil {
		return "", chart.Options{}, cmdutil.UsageError{Err: err}
	}
	if fi, err := os.Stat(filepath.Dir(cf.out)); err != nil || !fi.IsDir() {
		return "", chart.Options{}, cmdutil.Usagef("--out %s: directory %s does not exist", cf.out, filepath.Dir(cf.out))
	}
	for _, s := range []struct {
		name string
		v    int
	}{{"--width", cf.width}, {"--height", cf.height}} {
		if s.v < chart.MinSize || s.v > chart.MaxSize {
			return "", chart.Options{}, cmdutil.Usagef("%s %d: want %d to %d pixels", s.name, s.v, chart.MinSize, chart.MaxSize)
		}
	}
	return format, chart.Options{Width: cf.width, Height: cf.height, AssetsHost: cf.assetsHost}, nil
}

func newChartAllianceCmd(a *app) *cobra.Command {
	var stateA, stateB, period, from, to string
	var file chartFile
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
		RunE: func(cmd *cobra.Command, _ []string) error {
			if stateA == "" || stateB == "" {
				return cmdutil.Usagef("--a and --b are required: the two states, by name or code (--a USA --b Iran)")
			}
			format, opt, err := file.check()
			if err != nil {
				return err
			}
			p, err := chart.ParsePeriod(period)
			if err != nil {
				return cmdutil.Usagef("--period %q: want month, quarter or year", period)
			}
			resolve := countryResolver(a)
			codeA, err := resolve(stateA)
			if err != nil {
				return cmdutil.Usagef("--a: %w", err)
			}
			codeB, err := resolve(stateB)
			if err != nil {
				return cmdutil.Usagef("--b: %w", err)
			}
			if codeA == codeB {
				return cmdutil.Usagef("--a %q and --b %q are the same state (%s)", stateA, stateB, codeA)
			}
			if err := checkDates(from, to); err != nil {
				return err
			}
			q, err := queries.Get("alliance-timeline")
			if err != nil {
				return err
			}
			raw := map[string]string{"a": codeA, "b": codeB, "period": period,
				"planned_factor": strconv.FormatFloat(a.Config.Alliance.PlannedFactor, 'g', -1, 64)}
			setIf(raw, "from", from)
			setIf(raw, "to", to)
			params, err := q.Bind(raw, resolve)
			if err != nil {
				return cmdutil.UsageError{Err: err}
			}
			tl := chart.Timeline{A: codeA, B: codeB, Period: p}
			if from != "" {
				tl.First = p.Label(dateParam(params, "from"))
			}
			if to != "" {
				tl.Last = p.Label(dateParam(params, "to"))
			}

			recs, err := readChartRows(a, cmd.Context(), q, params)
			if err != nil {
				return err
			}
			if tl.Points, err = timelinePoints(recs); err != nil {
				return err
			}
			if len(tl.Points) == 0 {
				return fmt.Errorf("no events between %s and %s %s: nothing to draw", codeA, codeB, window(params, from, to))
			}
			if err := writeChartFile(file.out, func(w io.Writer) error {
				return chart.WriteAlliance(w, format, tl, opt)
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.Out, "wrote %s: %s and %s, %s with events\n", file.out, codeA, codeB, plural(len(tl.Points), string(p)))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&stateA, "a", "", "one state: name, alias or ISO code (required)")
	f.StringVar(&stateB, "b", "", "the other state (required)")
	f.StringVar(&period, "period", "month", "period length: month, quarter or year")
	f.StringVar(&from, "from", "", "first day of the window (default: the first event)")
	f.StringVar(&to, "to", "", "last day of the window (default: the last event)")
	file.addFlags(cmd, 1000, 600)
	return cmd
}

func newChartNetworkCmd(a *app) *cobra.Command {
	var from, to string
	var minEvents int
	var file chartFile
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
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, opt, err := file.check()
			if err != nil {
				return err
			}
			if minEvents < 1 {
				return cmdutil.Usagef("--min-events %d: want 1 or more", minEvents)
			}
			if err := checkDates(from, to); err != nil {
				return err
			}
			q, err := queries.Get("network")
			if err != nil {
				return err
			}
			raw := map[string]string{"min_events": strconv.Itoa(minEvents),
				"planned_factor": strconv.FormatFloat(a.Config.Alliance.PlannedFactor, 'g', -1, 64)}
			setIf(raw, "from", from)
			setIf(raw, "to", to)
			params, err := q.Bind(raw, countryResolver(a))
			if err != nil {
				return cmdutil.UsageError{Err: err}
			}
			nw := chart.Network{MinEvents: minEvents}
			if from != "" {
				nw.From = dateParam(params, "from").Format(time.DateOnly)
			}
			if to != "" {
				nw.To = dateParam(params, "to").Format(time.DateOnly)
			}

			recs, err := readChartRows(a, cmd.Context(), q, params)
			if err != nil {
				return err
			}
			if nw.Edges, err = networkEdges(recs); err != nil {
				return err
			}
			if len(nw.Edges) == 0 {
				return fmt.Errorf("no pairs of states with at least %s %s: nothing to draw",
					plural(minEvents, "event"), window(params, from, to))
			}
			if err := writeChartFile(file.out, func(w io.Writer) error {
				return chart.WriteNetwork(w, format, nw, opt)
			}); err != nil {
				return err
			}
			fmt.Fprintf(a.Out, "wrote %s: %s\n", file.out, plural(len(nw.Edges), "pair"))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&from, "from", "", "first day of the window (default: the whole graph)")
	f.StringVar(&to, "to", "", "last day of the window (default: the whole graph)")
	f.IntVar(&minEvents, "min-events", 1, "leave out pairs with fewer events")
	file.addFlags(cmd, 900, 900)
	return cmd
}

// readChartRows runs a predefined query as 'diplograph query' does.
func readChartRows(a *app, ctx context.Context, q queries.Query, params map[string]any) ([]*neo4j.Record, error) {
	c, err := a.Connect(ctx, false)
	if err != nil {
		return nil, err
	}
	defer c.Close(context.Background())
	return c.Read(ctx, graph.Statement{Name: q.Name, Text: q.Cypher}, params)
}

// checkDates names the flag of a date that is not one.
func checkDates(from, to string) error {
	for _, d := range []struct{ flag, v string }{{"--from", from}, {"--to", to}} {
		if d.v == "" {
			continue
		}
		if _, err := queries.ParseDate(d.v); err != nil {
			return cmdutil.Usagef("%s: %w", d.flag, err)
		}
	}
	return nil
}

func setIf(raw map[string]string, k, v string) {
	if v != "" {
		raw[k] = v
	}
}

func dateParam(params map[string]any, k string) time.Time {
	d, _ := params[k].(dbtype.Date) // Bind made it a date
	return time.Time(d)
}

// window describes the dates asked for, for messages.
func window(params map[string]any, from, to string) string {
	if from == "" && to == "" {
		return "in the graph"
	}
	return fmt.Sprintf("in %s..%s", dateParam(params, "from").Format(time.DateOnly), dateParam(params, "to").Format(time.DateOnly))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// timelinePoints converts alliance-timeline records.
func timelinePoints(recs []*neo4j.Record) ([]chart.TimelinePoint, error) {
	pts := make([]chart.TimelinePoint, 0, len(recs))
	for _, r := range recs {
		var p chart.TimelinePoint
		var err error
		if p.Period, err = recordString(r, "period"); err != nil {
			return nil, err
		}
		if p.Events, err = recordInt(r, "events"); err != nil {
			return nil, err
		}
		for _, f := range []struct {
			key string
			dst *float64
		}{{"cooperation", &p.Cooperation}, {"conflict", &p.Conflict}, {"net", &p.Net}, {"alignment", &p.Alignment}} {
			if *f.dst, err = recordFloat(r, f.key); err != nil {
				return nil, err
			}
		}
		pts = append(pts, p)
	}
	return pts, nil
}

// networkEdges converts network records.
func networkEdges(recs []*neo4j.Record) ([]chart.NetworkEdge, error) {
	edges := make([]chart.NetworkEdge, 0, len(recs))
	for _, r := range recs {
		var e chart.NetworkEdge
		var err error
		if e.A, err = recordString(r, "a"); err != nil {
			return nil, err
		}
		if e.B, err = recordString(r, "b"); err != nil {
			return nil, err
		}
		if e.Events, err = recordInt(r, "events"); err != nil {
			return nil, err
		}
		if e.Net, err = recordFloat(r, "net"); err != nil {
			return nil, err
		}
		if e.Alignment, err = recordFloat(r, "alignment"); err != nil {
			return nil, err
		}
		edges = append(edges, e)
	}
	return edges, nil
}

func recordValue(r *neo4j.Record, key string) (any, error) {
	v, ok := r.Get(key)
	if !ok {
		return nil, fmt.Errorf("query result has no column %q (columns: %v)", key, r.Keys)
	}
	return v, nil
}

func recordString(r *neo4j.Record, key string) (string, error) {
	v, err := recordValue(r, key)
	if err != nil {
		return "", err
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("query result column %q: want a string, got %T", key, v)
	}
	return s, nil
}

func recordInt(r *neo4j.Record, key string) (int, error) {
	v, err := recordValue(r, key)
	if err != nil {
		return 0, err
	}
	n, ok := v.(int64)
	if !ok {
		return 0, fmt.Errorf("query result column %q: want an integer, got %T", key, v)
	}
	return int(n), nil
}

func recordFloat(r *neo4j.Record, key string) (float64, error) {
	v, err := recordValue(r, key)
	if err != nil {
		return 0, err
	}
	switch x := v.(type) {
	case float64:
		return x, nil
	case int64:
		return float64(x), nil
	}
	return 0, fmt.Errorf("query result column %q: want a number, got %T", key, v)
}

// writeChartFile writes path through a temporary file in the same
// directory, renamed over path only when write succeeded, so a failed
// chart leaves neither a partial file nor a clobbered old one.
func writeChartFile(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
