package chartcmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/chart"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/queries"
)

// run checks the flags before anything is queried, reads the rows of the
// chart's query and writes the chart file.
func run(ctx context.Context, o *Options) error {
	switch o.Kind {
	case Alliance:
		return runAlliance(ctx, o)
	case Network:
		return runNetwork(ctx, o)
	}
	return fmt.Errorf("chart: unknown kind %q", o.Kind)
}

func runAlliance(ctx context.Context, o *Options) error {
	if o.A == "" || o.B == "" {
		return cmdutil.Usagef("--a and --b are required: the two states, by name or code (--a USA --b Iran)")
	}
	format, opt, err := o.File.check()
	if err != nil {
		return err
	}
	p, err := chart.ParsePeriod(o.Period)
	if err != nil {
		return cmdutil.Usagef("--period %q: want month, quarter or year", o.Period)
	}
	codeA, err := o.Resolve(o.A)
	if err != nil {
		return cmdutil.Usagef("--a: %w", err)
	}
	codeB, err := o.Resolve(o.B)
	if err != nil {
		return cmdutil.Usagef("--b: %w", err)
	}
	if codeA == codeB {
		return cmdutil.Usagef("--a %q and --b %q are the same state (%s)", o.A, o.B, codeA)
	}
	if err := checkDates(o.From, o.To); err != nil {
		return err
	}
	rows, params, err := readRows(ctx, o, queries.AllianceTimeline, map[string]string{"a": codeA, "b": codeB, "period": o.Period})
	if err != nil {
		return err
	}
	tl := chart.Timeline{A: codeA, B: codeB, Period: p, Points: timelinePoints(rows)}
	if o.From != "" {
		tl.First = p.Label(dateParam(params, "from"))
	}
	if o.To != "" {
		tl.Last = p.Label(dateParam(params, "to"))
	}
	if len(tl.Points) == 0 {
		return fmt.Errorf("no events between %s and %s %s: nothing to draw", codeA, codeB, window(params, o.From, o.To))
	}
	if err := writeFile(o.File.Path, func(w io.Writer) error {
		return chart.WriteAlliance(w, format, tl, opt)
	}); err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "wrote %s: %s and %s, %s with events\n", o.File.Path, codeA, codeB, plural(len(tl.Points), string(p)))
	return nil
}

func runNetwork(ctx context.Context, o *Options) error {
	format, opt, err := o.File.check()
	if err != nil {
		return err
	}
	if o.MinEvents < 1 {
		return cmdutil.Usagef("--min-events %d: want 1 or more", o.MinEvents)
	}
	if err := checkDates(o.From, o.To); err != nil {
		return err
	}
	rows, params, err := readRows(ctx, o, queries.Network, map[string]string{"min_events": strconv.Itoa(o.MinEvents)})
	if err != nil {
		return err
	}
	nw := chart.Network{MinEvents: o.MinEvents, Edges: networkEdges(rows)}
	if o.From != "" {
		nw.From = dateParam(params, "from").Format(time.DateOnly)
	}
	if o.To != "" {
		nw.To = dateParam(params, "to").Format(time.DateOnly)
	}
	if len(nw.Edges) == 0 {
		return fmt.Errorf("no pairs of states with at least %s %s: nothing to draw",
			plural(o.MinEvents, "event"), window(params, o.From, o.To))
	}
	if err := writeFile(o.File.Path, func(w io.Writer) error {
		return chart.WriteNetwork(w, format, nw, opt)
	}); err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "wrote %s: %s\n", o.File.Path, plural(len(nw.Edges), "pair"))
	return nil
}

// check validates the output flags before anything is queried.
func (file File) check() (chart.Format, chart.Options, error) {
	if file.Path == "" {
		return "", chart.Options{}, cmdutil.Usagef("--out is required: the file to write (.svg, .png or .html)")
	}
	format, err := chart.FormatOf(file.Path)
	if err != nil {
		return "", chart.Options{}, cmdutil.UsageError{Err: err}
	}
	if fi, err := os.Stat(filepath.Dir(file.Path)); err != nil || !fi.IsDir() {
		return "", chart.Options{}, cmdutil.Usagef("--out %s: directory %s does not exist", file.Path, filepath.Dir(file.Path))
	}
	for _, s := range []struct {
		name string
		v    int
	}{{"--width", file.Width}, {"--height", file.Height}} {
		if s.v < chart.MinSize || s.v > chart.MaxSize {
			return "", chart.Options{}, cmdutil.Usagef("%s %d: want %d to %d pixels", s.name, s.v, chart.MinSize, chart.MaxSize)
		}
	}
	return format, chart.Options{Width: file.Width, Height: file.Height, AssetsHost: file.AssetsHost}, nil
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

// readRows binds raw and the window of --from and --to to the parameters
// of the query r reads, reads its rows and returns them with the bound
// parameters. A bad parameter is a usage error, found before anything is
// read.
func readRows[T any](ctx context.Context, o *Options, r queries.Rows[T], raw map[string]string) ([]T, map[string]any, error) {
	q, err := r.Query()
	if err != nil {
		return nil, nil, err
	}
	for k, v := range map[string]string{"from": o.From, "to": o.To} {
		if v != "" {
			raw[k] = v
		}
	}
	params, err := o.Bind(q, raw)
	if err != nil {
		return nil, nil, err
	}
	recs, err := o.Read(ctx, q, params)
	if err != nil {
		return nil, nil, err
	}
	rows, err := r.Decode(recs)
	return rows, params, err
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

// timelinePoints are the chart's points of alliance-timeline's rows.
func timelinePoints(rows []queries.TimelineRow) []chart.TimelinePoint {
	pts := make([]chart.TimelinePoint, len(rows))
	for i, r := range rows {
		pts[i] = chart.TimelinePoint{Period: r.Period, Events: r.Events,
			Cooperation: r.Cooperation, Conflict: r.Conflict, Net: r.Net, Alignment: r.Alignment}
	}
	return pts
}

// networkEdges are the chart's edges of network's rows.
func networkEdges(rows []queries.NetworkRow) []chart.NetworkEdge {
	edges := make([]chart.NetworkEdge, len(rows))
	for i, r := range rows {
		edges[i] = chart.NetworkEdge{A: r.A, B: r.B, Events: r.Events, Net: r.Net, Alignment: r.Alignment}
	}
	return edges
}

// writeFile writes path through a temporary file in the same directory,
// renamed over path only when write succeeded, so a failed chart leaves
// neither a partial file nor a clobbered old one.
func writeFile(path string, write func(io.Writer) error) (err error) {
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
