package graph_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/event"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

var eventActors = []graph.ActorNode{
	{Code: "GBR", Name: "United Kingdom", Country: true},
	{Code: "IRN", Name: "Iran", Country: true},
	{Code: "USA", Name: "United States", Country: true},
	{Code: "IRQ", Name: "Iraq", Country: true},
}

// articleFacts is an article of the event fixtures: its relations and the
// actors they need.
func articleFacts(id, hash string, rels ...graph.RelationEdge) graph.ArticleFacts {
	return graph.ArticleFacts{
		Article:   graph.ArticleNode{ID: id, URL: "https://example.org/" + id, Source: "Test", Title: id, Published: day("2014-06-30"), ContentHash: hash},
		Actors:    eventActors,
		Relations: rels,
	}
}

func rel(typ, src, tgt, date string) graph.RelationEdge {
	r := graph.RelationEdge{Type: typ, Source: src, Target: tgt, DatePrecision: "day", Modality: "asserted", Confidence: 0.8,
		Sentence: typ + " " + src + " " + tgt + " " + date}
	if date != "" {
		r.Date = day(date)
	} else {
		r.DatePrecision = "unknown"
	}
	return r
}

// meeting is a three-party meeting: one MET_WITH report per pair.
func meeting(date string) []graph.RelationEdge {
	return []graph.RelationEdge{rel("MET_WITH", "USA", "IRN", date), rel("MET_WITH", "GBR", "USA", date), rel("MET_WITH", "IRN", "GBR", date)}
}

func str(v any) string { s, _ := v.(string); return s }

func dateString(v any) string {
	if d, ok := v.(dbtype.Date); ok {
		return d.Time().Format(time.DateOnly)
	}
	return "-"
}

// render is how the tests compare events: key, dates, precision,
// modality, counts, and the first report's article.
func render(typ, src, tgt, id, date, last, precision, modality string, negated bool, reports, articles int64, first string) string {
	return fmt.Sprintf("%s %s>%s %s..%s %s %s neg=%v reports=%d articles=%d first=%s id=%s",
		typ, src, tgt, date, last, precision, modality, negated, reports, articles, first, id)
}

// renderDetails renders what render leaves out of an event.
func renderDetails(id string, background bool, confidence float64, firstReport, sentence string) string {
	return fmt.Sprintf("%s bg=%v conf=%.2f first_report=%s sentence=%q", id, background, confidence, firstReport, sentence)
}

func renderEvent(e event.Event) string {
	d := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format(time.DateOnly)
	}
	return render(e.Type, e.Source, e.Target, e.ID, d(e.Date), d(e.Last), e.Precision, e.Modality, e.Negated(),
		int64(e.Reports), int64(e.Articles), e.First.ArticleID)
}

// graphEventRecords reads the events of the graph: type, source, target
// and e (the properties).
func graphEventRecords(t *testing.T, c *graph.Client) []map[string]any {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: "events", Text: `
MATCH (s:Actor)-[e]->(t:Actor) WHERE type(e) IN $types
RETURN type(e) AS type, s.code AS source, t.code AS target, e {.*} AS e`}, map[string]any{"types": graph.RelationTypes})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]map[string]any, len(recs))
	for i, r := range recs {
		out[i] = r.AsMap()
	}
	return out
}

// graphEvents reads the events of the graph, rendered and sorted.
func graphEvents(t *testing.T, c *graph.Client) []string {
	t.Helper()
	var out []string
	for _, m := range graphEventRecords(t, c) {
		e := m["e"].(map[string]any)
		reports, _ := e["reports"].(int64)
		articles, _ := e["articles"].(int64)
		negated, _ := e["negated"].(bool)
		out = append(out, render(str(m["type"]), str(m["source"]), str(m["target"]), str(e["id"]), dateString(e["date"]), dateString(e["last"]),
			str(e["date_precision"]), str(e["modality"]), negated, reports, articles, str(e["article_id"])))
	}
	slices.Sort(out)
	return out
}

// graphEventDetails renders what graphEvents leaves out of the graph's
// events, sorted.
func graphEventDetails(t *testing.T, c *graph.Client) []string {
	t.Helper()
	var out []string
	for _, m := range graphEventRecords(t, c) {
		e := m["e"].(map[string]any)
		background, _ := e["background"].(bool)
		confidence, _ := e["confidence"].(float64)
		out = append(out, renderDetails(str(e["id"]), background, confidence, str(e["first_report"]), str(e["sentence"])))
	}
	slices.Sort(out)
	return out
}

// graphReports reads the reports of the graph and the event each names.
func graphReports(t *testing.T, c *graph.Client) ([]event.Report, map[string]string) {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: "reports", Text: `
MATCH (a:Article)-[:HAS_REPORT]->(r:Report) RETURN a.id AS article, r {.*} AS r`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []event.Report
	eventOf := map[string]string{}
	for _, rec := range recs {
		m := rec.AsMap()
		p := m["r"].(map[string]any)
		if str(p["article_id"]) != str(m["article"]) {
			t.Errorf("report %s of article %s says article_id %s", str(p["id"]), str(m["article"]), str(p["article_id"]))
		}
		r := event.Report{ID: str(p["id"]), ArticleID: str(p["article_id"]), Type: str(p["type"]), Source: str(p["source"]),
			Target: str(p["target"]), Precision: str(p["date_precision"]), Modality: str(p["modality"])}
		if d, ok := p["date"].(dbtype.Date); ok {
			r.Date = d.Time()
		}
		r.Negated, _ = p["negated"].(bool)
		r.Background, _ = p["background"].(bool)
		r.Confidence, _ = p["confidence"].(float64)
		r.Sentence = str(p["sentence"])
		out = append(out, r)
		eventOf[r.ID] = str(p["event_id"])
	}
	return out, eventOf
}

// graphAggregates reads the ALIGNMENT aggregates, checking their dyad,
// actors and start against their ends and period.
func graphAggregates(t *testing.T, c *graph.Client) map[event.Period]event.Counts {
	t.Helper()
	return graphCounts(t, c, "ALIGNMENT", func(al map[string]any) string { return str(al["period_kind"]) })
}

// graphYearTotals reads the ALIGNMENT_YEAR totals, checked the same way.
func graphYearTotals(t *testing.T, c *graph.Client) map[event.Period]event.Counts {
	t.Helper()
	return graphCounts(t, c, "ALIGNMENT_YEAR", func(map[string]any) string { return event.Year })
}

// graphCounts reads the relationships of type typ between actors as
// aggregates, each one's kind given by kind.
func graphCounts(t *testing.T, c *graph.Client, typ string, kind func(al map[string]any) string) map[event.Period]event.Counts {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: typ, Text: `
MATCH (a:Actor)-[al:` + typ + `]->(b:Actor) RETURN a.code AS a, b.code AS b, al {.*} AS al`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[event.Period]event.Counts{}
	for _, rec := range recs {
		m := rec.AsMap()
		al := m["al"].(map[string]any)
		p := event.Period{A: str(m["a"]), B: str(m["b"]), Kind: kind(al), Name: str(al["period"])}
		if p.A >= p.B || str(al["dyad"]) != p.Dyad() || str(al["a"]) != p.A || str(al["b"]) != p.B ||
			dateString(al["start"]) != p.Start().Format(time.DateOnly) {
			t.Errorf("%s %+v: dyad %v a %v b %v start %v", typ, p, al["dyad"], al["a"], al["b"], al["start"])
		}
		if _, dup := out[p]; dup {
			t.Errorf("two %s for %+v", typ, p)
		}
		counts := event.Counts{}
		for k, v := range al {
			if n, ok := v.(int64); ok {
				counts[k] = int(n)
			}
		}
		out[p] = counts
	}
	return out
}

// checkConsistent checks that the events of the graph are package event's
// grouping of its reports (each report naming its event) and that the
// aggregates and their year totals equal a recomputation from the events.
func checkConsistent(t *testing.T, c *graph.Client, window int, step string) {
	t.Helper()
	reports, eventOf := graphReports(t, c)
	events := event.Group(reports, window)
	var want, wantDetails []string
	for _, e := range events {
		want = append(want, renderEvent(e))
		wantDetails = append(wantDetails, renderDetails(e.ID, e.Background, e.Confidence, e.First.ID, e.First.Sentence))
		for _, id := range e.ReportIDs {
			if eventOf[id] != e.ID {
				t.Errorf("%s: report %s names event %s, want %s", step, id, eventOf[id], e.ID)
			}
		}
	}
	slices.Sort(want)
	if got := graphEvents(t, c); !slices.Equal(got, want) {
		t.Fatalf("%s: events\n%s\nwant (grouped from the reports)\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	slices.Sort(wantDetails)
	if got := graphEventDetails(t, c); !slices.Equal(got, wantDetails) {
		t.Fatalf("%s: events\n%s\nwant (grouped from the reports)\n%s", step, strings.Join(got, "\n"), strings.Join(wantDetails, "\n"))
	}
	if got, want := graphAggregates(t, c), event.Aggregate(events); !maps.EqualFunc(got, want, maps.Equal) {
		t.Fatalf("%s: aggregates\n%v\nwant\n%v", step, got, want)
	}
	if got, want := graphYearTotals(t, c), event.YearTotals(event.Aggregate(events)); !maps.EqualFunc(got, want, maps.Equal) {
		t.Fatalf("%s: year totals\n%v\nwant\n%v", step, got, want)
	}
	// Writes leave the markers to RefreshShifts (ingest runs it after its
	// last batch).
	if err := c.RefreshShifts(context.Background()); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if got := graphtest.Counts(t, c)["ShiftDirty"]; got != 0 {
		t.Fatalf("%s: %d ShiftDirty records left after RefreshShifts", step, got)
	}
	if got, want := graphShifts(t, c), recomputedShifts(event.Aggregate(events), graphCountries(t, c)); !slices.Equal(got, want) {
		t.Fatalf("%s: shift markers\n%s\nwant (recomputed from the aggregates)\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, want := graphShiftCells(t, c, "cells"), graphShiftCells(t, c, "markers"); !maps.Equal(got, want) {
		t.Fatalf("%s: ShiftCount cells %v, want (the markers counted) %v", step, got, want)
	}
}

// graphShiftCells reads the ShiftCount cells (from "cells", checking that
// each one's id names its properties) or counts the SHIFT markers by
// precision and periods (from "markers").
func graphShiftCells(t *testing.T, c *graph.Client, from string) map[string]int64 {
	t.Helper()
	text := `MATCH ()-[s:SHIFT]->()
RETURN s.precision + ' ' + toString(s.before_start) + ' ' + toString(s.start) AS id, count(*) AS n, '' AS named`
	if from == "cells" {
		text = `MATCH (c:ShiftCount)
RETURN c.id AS id, c.n AS n, c.precision + ' ' + toString(c.before) + ' ' + toString(c.start) AS named`
	}
	recs, err := c.Read(context.Background(), graph.Statement{Name: "shift " + from, Text: text}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, rec := range recs {
		m := rec.AsMap()
		id, n := str(m["id"]), m["n"].(int64)
		if from == "cells" && (str(m["named"]) != id || n <= 0) {
			t.Errorf("ShiftCount %s: n %d, properties %s", id, n, m["named"])
		}
		out[id] = n
	}
	return out
}

// graphShifts reads the SHIFT markers, one line each, sorted.
func graphShifts(t *testing.T, c *graph.Client) []string {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: "shifts", Text: `
MATCH (a:Actor)-[s:SHIFT]->(b:Actor) RETURN a.code AS a, b.code AS b, s {.*} AS s`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, rec := range recs {
		m := rec.AsMap()
		s := m["s"].(map[string]any)
		if str(s["a"]) != str(m["a"]) || str(s["b"]) != str(m["b"]) || str(s["dyad"]) != str(m["a"])+"-"+str(m["b"]) {
			t.Errorf("SHIFT %v-%v: dyad %v a %v b %v", m["a"], m["b"], s["dyad"], s["a"], s["b"])
		}
		byType := map[string]int{}
		for _, typ := range graph.RelationTypes {
			if n, ok := s[typ].(int64); ok {
				byType[typ] = int(n)
			}
		}
		out = append(out, renderShift(str(s["dyad"]), str(s["precision"]), dateString(s["before_start"]), dateString(s["start"]),
			s["gap"].(int64), s["alignment_before"].(float64), s["alignment_after"].(float64), s["change"].(float64), s["rank"].(float64),
			s["events_before"].(int64), s["events_after"].(int64), byType))
	}
	slices.Sort(out)
	return out
}

// graphCountries are the codes of the (:Country) actors.
func graphCountries(t *testing.T, c *graph.Client) map[string]bool {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: "countries", Text: `MATCH (a:Country) RETURN a.code`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, rec := range recs {
		out[str(rec.Values[0])] = true
	}
	return out
}

// recomputedShifts are the SHIFT markers a recomputation from the
// aggregates gives: each pair of states' periods of one precision compared
// in order under the default rule.
func recomputedShifts(aggs map[event.Period]event.Counts, countries map[string]bool) []string {
	type key struct{ dyad, kind string }
	periods := map[key][]alliance.Period{}
	for p, counts := range aggs {
		if !countries[p.A] || !countries[p.B] {
			continue
		}
		k := key{p.Dyad(), p.Kind}
		periods[k] = append(periods[k], alliance.Period{Start: p.Start(), Counts: counts})
	}
	out := []string{}
	for k, ps := range periods {
		slices.SortFunc(ps, func(a, b alliance.Period) int { return a.Start.Compare(b.Start) })
		for _, s := range alliance.DefaultShiftRule().Shifts(k.kind, ps) {
			byType := map[string]int{}
			for _, typ := range graph.RelationTypes {
				if n := s.After.Counts[typ] + s.After.Counts[typ+"_planned"]; n > 0 {
					byType[typ] = n
				}
			}
			size := s.Change()
			if size < 0 {
				size = -size
			}
			out = append(out, renderShift(k.dyad, k.kind, s.Before.Start.Format(time.DateOnly), s.After.Start.Format(time.DateOnly),
				int64(s.Gap), s.IndexBefore, s.IndexAfter, s.Change(), -size, int64(s.Before.Events()), int64(s.After.Events()), byType))
		}
	}
	slices.Sort(out)
	return out
}

func renderShift(dyad, precision, before, after string, gap int64, ib, ia, change, rank float64, eb, ea int64, byType map[string]int) string {
	return fmt.Sprintf("%s %s %s→%s gap %d index %v→%v change %v rank %v events %d→%d %v",
		dyad, precision, before, after, gap, ib, ia, change, rank, eb, ea, byType)
}

func write(t *testing.T, c *graph.Client, fs ...graph.ArticleFacts) []graph.Outcome {
	t.Helper()
	out, err := c.WriteArticles(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A three-party meeting reported by three articles is one MET_WITH event
// per pair; a rerun changes nothing; an update and deletions re-form the
// events (an event whose last report goes disappears, a bridging report
// removed splits one) and the aggregates follow.
func TestEventsGolden(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	x := articleFacts("x", "hx", append(meeting("2014-06-10"), rel("WARNED", "USA", "IRN", "2014-06-10"))...)
	y := articleFacts("y", "hy", append(meeting("2014-06-10"), rel("WARNED", "USA", "IRN", "2014-06-12"))...)
	z := articleFacts("z", "hz", append(meeting("2014-06-11"), rel("WARNED", "USA", "IRN", "2014-06-11"))...)
	id := func(typ, src, tgt, date string) string {
		return event.ID(event.Key{Type: typ, Source: src, Target: tgt, Class: event.Actual}, day(date), event.Day, "")
	}
	met := func(src, tgt, last string, n int64, first string) string {
		return render("MET_WITH", src, tgt, id("MET_WITH", src, tgt, "2014-06-10"), "2014-06-10", last, "day", "asserted", false, n, n, first)
	}
	warned := func(date, last string, n int64, first string) string {
		return render("WARNED", "USA", "IRN", id("WARNED", "USA", "IRN", date), date, last, "day", "asserted", false, n, n, first)
	}
	month := func(a, b, name string) event.Period { return event.Period{A: a, B: b, Kind: "month", Name: name} }
	steps := []struct {
		name   string
		do     func()
		events []string
		aggs   map[event.Period]event.Counts
	}{
		{"three articles", func() { write(t, c, x, y, z) }, []string{
			met("GBR", "IRN", "2014-06-11", 3, "x"), met("GBR", "USA", "2014-06-11", 3, "x"), met("IRN", "USA", "2014-06-11", 3, "x"),
			warned("2014-06-10", "2014-06-12", 3, "x"), // z's warning bridges x's and y's
		}, map[event.Period]event.Counts{
			month("GBR", "IRN", "2014-06"): {"events": 1, "MET_WITH": 1},
			month("GBR", "USA", "2014-06"): {"events": 1, "MET_WITH": 1},
			month("IRN", "USA", "2014-06"): {"events": 2, "MET_WITH": 1, "WARNED": 1},
		}},
		{"rerun", func() {
			if out := write(t, c, x, y, z); !slices.Equal(out, []graph.Outcome{graph.Unchanged, graph.Unchanged, graph.Unchanged}) {
				t.Fatalf("rerun outcomes %v", out)
			}
		}, nil, nil},
		{"y updated: no meeting, a warning in July", func() {
			write(t, c, articleFacts("y", "hy2", rel("WARNED", "USA", "IRN", "2014-07-20")))
		}, []string{
			met("GBR", "IRN", "2014-06-11", 2, "x"), met("GBR", "USA", "2014-06-11", 2, "x"), met("IRN", "USA", "2014-06-11", 2, "x"),
			warned("2014-06-10", "2014-06-11", 2, "x"), warned("2014-07-20", "2014-07-20", 1, "y"),
		}, map[event.Period]event.Counts{
			month("GBR", "IRN", "2014-06"): {"events": 1, "MET_WITH": 1},
			month("GBR", "USA", "2014-06"): {"events": 1, "MET_WITH": 1},
			month("IRN", "USA", "2014-06"): {"events": 2, "MET_WITH": 1, "WARNED": 1},
			month("IRN", "USA", "2014-07"): {"events": 1, "WARNED": 1},
		}},
		{"y back, z removed: the bridge goes, the warning splits", func() {
			write(t, c, y)
			if n, err := c.DeleteArticles(ctx, []string{"z", "nope"}); err != nil || n != 1 {
				t.Fatalf("DeleteArticles = %d, %v; want 1", n, err)
			}
		}, []string{
			met("GBR", "IRN", "2014-06-10", 2, "x"), met("GBR", "USA", "2014-06-10", 2, "x"), met("IRN", "USA", "2014-06-10", 2, "x"),
			warned("2014-06-10", "2014-06-10", 1, "x"), warned("2014-06-12", "2014-06-12", 1, "y"),
		}, map[event.Period]event.Counts{
			month("GBR", "IRN", "2014-06"): {"events": 1, "MET_WITH": 1},
			month("GBR", "USA", "2014-06"): {"events": 1, "MET_WITH": 1},
			month("IRN", "USA", "2014-06"): {"events": 3, "MET_WITH": 1, "WARNED": 2},
		}},
		{"x and y's meeting removed: the meetings' last reports go", func() {
			if _, err := c.DeleteArticles(ctx, []string{"x"}); err != nil {
				t.Fatal(err)
			}
			write(t, c, articleFacts("y", "hy3", rel("WARNED", "USA", "IRN", "2014-06-12")))
		}, []string{warned("2014-06-12", "2014-06-12", 1, "y")}, map[event.Period]event.Counts{
			month("IRN", "USA", "2014-06"): {"events": 1, "WARNED": 1},
		}},
	}
	var prev []string
	var prevAggs map[event.Period]event.Counts
	for _, s := range steps {
		s.do()
		if s.events == nil { // unchanged
			s.events, s.aggs = prev, prevAggs
		}
		if got := graphEvents(t, c); !slices.Equal(got, s.events) {
			t.Fatalf("%s: events\n%s\nwant\n%s", s.name, strings.Join(got, "\n"), strings.Join(s.events, "\n"))
		}
		if got := graphAggregates(t, c); !maps.EqualFunc(got, s.aggs, maps.Equal) {
			t.Fatalf("%s: aggregates %v, want %v", s.name, got, s.aggs)
		}
		checkConsistent(t, c, 1, s.name)
		prev, prevAggs = s.events, s.aggs
	}
}

// randomFacts is an article of random relations among few actors, types
// and days, so that articles share events.
func randomFacts(rng *rand.Rand, id string, version int) graph.ArticleFacts {
	codes := []string{"GBR", "IRN", "USA"}
	types := []string{"MET_WITH", "WARNED", "AIDED"}
	modalities := []string{"asserted", "asserted", "planned", "hypothetical"}
	precisions := []string{"day", "day", "day", "week", "month", "year", "unknown"}
	var rels []graph.RelationEdge
	for range rng.IntN(5) {
		s := rng.IntN(len(codes))
		tg := (s + 1 + rng.IntN(len(codes)-1)) % len(codes)
		r := rel(types[rng.IntN(len(types))], codes[s], codes[tg], "2014-06-01")
		r.Date = day("2014-06-25").AddDate(0, 0, rng.IntN(12))
		r.DatePrecision = precisions[rng.IntN(len(precisions))]
		if r.DatePrecision == "unknown" {
			r.Date = time.Time{}
		}
		r.Modality = modalities[rng.IntN(len(modalities))]
		r.Negated = rng.IntN(8) == 0
		r.Background = rng.IntN(4) == 0
		r.Confidence = float64(rng.IntN(10)) / 10
		r.Sentence = fmt.Sprintf("sentence %d", rng.IntN(1000))
		rels = append(rels, r)
	}
	return articleFacts(id, fmt.Sprintf("%s-v%d", id, version), rels...)
}

// randomHistory runs steps random ingests, updates and deletions on c and
// checks after each that events and aggregates are exact.
func randomHistory(t *testing.T, c *graph.Client, rng *rand.Rand, steps, window int) {
	t.Helper()
	ctx := context.Background()
	version := 0
	for step := range steps {
		version++
		name := fmt.Sprintf("step %d", step)
		switch rng.IntN(4) {
		case 0: // delete one or two
			ids := []string{fmt.Sprintf("art%d", rng.IntN(8)), fmt.Sprintf("art%d", rng.IntN(8))}
			if _, err := c.DeleteArticles(ctx, ids); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			name += " (delete)"
		default: // a batch of new and updated articles (ids beyond art7 are new more often)
			var fs []graph.ArticleFacts
			for i := range 1 + rng.IntN(3) {
				fs = append(fs, randomFacts(rng, fmt.Sprintf("art%d", rng.IntN(24)), version*10+i))
			}
			write(t, c, fs...)
			name += " (write)"
		}
		checkConsistent(t, c, window, name)
	}
}

func TestEventsRandomHistory(t *testing.T) {
	c := graphtest.Client(t)
	randomHistory(t, c, rand.New(rand.NewPCG(11, 12)), 40, 1)
}

// snapshot is everything the event model writes, for comparing graphs.
func snapshot(t *testing.T, c *graph.Client) string {
	t.Helper()
	_, eventOf := graphReports(t, c)
	var ids []string
	for r, e := range eventOf {
		ids = append(ids, r+"="+e)
	}
	slices.Sort(ids)
	return fmt.Sprintf("%s\n%v\n%s", strings.Join(graphEvents(t, c), "\n"), graphAggregates(t, c), strings.Join(ids, " "))
}

// RebuildEvents gives the graph incremental writes give; with another
// window it re-forms the events for it, and it repairs broken aggregates.
func TestRebuildEvents(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	randomHistory(t, c, rand.New(rand.NewPCG(21, 22)), 15, 1)
	want := snapshot(t, c)
	if st, err := c.RebuildEvents(ctx, 1); err != nil || st.Reports == 0 || st.Events == 0 {
		t.Fatalf("RebuildEvents = %+v, %v", st, err)
	}
	if got := snapshot(t, c); got != want {
		t.Fatalf("after rebuild:\n%s\nwant (incremental)\n%s", got, want)
	}
	// Damaged aggregates and a stray event are repaired.
	damage := graph.Statement{Name: "damage", Text: `
MATCH ()-[al:ALIGNMENT]->() WITH al LIMIT 1 SET al.events = al.events + 5
WITH 1 AS one MATCH (a:Actor {code: 'GBR'}), (b:Actor {code: 'IRQ'})
CREATE (a)-[:ATTACKED {id: 'ev:stray', date: date('2014-06-01'), date_precision: 'day', modality: 'asserted', negated: false}]->(b)`}
	if err := c.Write(ctx, damage, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RebuildEvents(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, c); got != want {
		t.Fatalf("after repair:\n%s\nwant\n%s", got, want)
	}
	// Another window: the events are those package event forms with it,
	// and writes with it go on from there.
	if _, err := c.RebuildEvents(ctx, 4); err != nil {
		t.Fatal(err)
	}
	checkConsistent(t, c, 4, "rebuilt with window 4")
	cfg := graphtest.Config(t)
	cfg.EventWindow = 4
	c4, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c4.Close(ctx)
	randomHistory(t, c4, rand.New(rand.NewPCG(23, 24)), 8, 4)
}

// A client whose window differs from the graph's may not write: the error
// names both windows and the fix.
func TestEventWindowMismatch(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	write(t, c, articleFacts("a", "ha", rel("WARNED", "USA", "IRN", "2014-06-10")))
	cfg := graphtest.Config(t)
	cfg.EventWindow = graph.SameDayOnly
	c0, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c0.Close(ctx)
	before := graphtest.Counts(t, c)
	_, err = c0.WriteArticle(ctx, articleFacts("b", "hb", rel("WARNED", "USA", "IRN", "2014-06-11")))
	if !errors.Is(err, graph.ErrEventWindow) || !strings.Contains(err.Error(), "window of 1 days, this write uses 0") ||
		!strings.Contains(err.Error(), "diplograph alliances rebuild") {
		t.Fatalf("write with window 0 on a graph of window 1: %v; want ErrEventWindow naming both and the fix", err)
	}
	if _, err := c0.DeleteArticles(ctx, []string{"a"}); !errors.Is(err, graph.ErrEventWindow) {
		t.Fatalf("delete with window 0: %v; want ErrEventWindow", err)
	}
	if got := graphtest.Counts(t, c); !maps.Equal(got, before) {
		t.Fatalf("refused writes changed the graph: %v, was %v", got, before)
	}
	if _, err := c0.RebuildEvents(ctx, 0); err != nil {
		t.Fatal(err)
	}
	write(t, c0, articleFacts("b", "hb", rel("WARNED", "USA", "IRN", "2014-06-11")))
	checkConsistent(t, c0, 0, "after rebuild with window 0")
	if _, err := c.WriteArticle(ctx, articleFacts("c", "hc")); !errors.Is(err, graph.ErrEventWindow) {
		t.Fatalf("write with window 1 after the rebuild with 0: %v; want ErrEventWindow", err)
	}
}

// A graph of the old model (one typed relationship per report, weights on
// them, materialized ALIGNMENT edges) is converted by Migrate: its
// relationships become reports, and events and aggregates are formed.
func TestMigrateConvertsOldModel(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	old := graph.Statement{Name: "old", Text: `
CREATE (:Article {id: 'x'}), (:Article {id: 'y'})
CREATE (usa:Country:Actor {code: 'USA'}), (irn:Country:Actor {code: 'IRN'})
CREATE (usa)-[:MET_WITH {article_id: 'x', date: date('2014-06-10'), date_precision: 'day', modality: 'asserted',
                         negated: false, weight: 2.5, sentence: 'met', confidence: 0.9}]->(irn)
CREATE (irn)-[:MET_WITH {article_id: 'y', date: date('2014-06-11'), date_precision: 'day', modality: 'asserted',
                         negated: false, weight: 2.5, sentence: 'met again', confidence: 0.7}]->(usa)
CREATE (usa)-[:WARNED {article_id: 'y', date: date('2014-06-20'), date_precision: 'day', modality: 'planned',
                       negated: false, weight: -4.0, sentence: 'warned', confidence: 0.6}]->(irn)
CREATE (usa)-[:WARNED {article_id: 'gone', date: date('2014-06-21'), date_precision: 'day', modality: 'asserted'}]->(irn)
CREATE (irn)-[:ALIGNMENT {period_kind: 'quarter', period: '2014-Q2', dyad: 'IRN-USA', net: 3.0, events: 3}]->(usa)
WITH 1 AS one
MATCH (s:DiplographSchema {name: 'diplograph'}) SET s.version = 30`}
	if err := c.Write(ctx, old, nil); err != nil {
		t.Fatal(err)
	}
	res, err := c.Migrate(ctx)
	if err != nil || res.From != 30 {
		t.Fatalf("Migrate = %+v, %v", res, err)
	}
	checkConsistent(t, c, 1, "converted")
	reports, _ := graphReports(t, c)
	if len(reports) != 3 {
		t.Fatalf("reports %+v, want the three of articles x and y", reports)
	}
	want := []string{
		render("MET_WITH", "IRN", "USA", event.ID(event.Key{Type: "MET_WITH", Source: "IRN", Target: "USA", Class: event.Actual}, day("2014-06-10"), "day", ""),
			"2014-06-10", "2014-06-11", "day", "asserted", false, 2, 2, "x"),
		render("WARNED", "USA", "IRN", event.ID(event.Key{Type: "WARNED", Source: "USA", Target: "IRN", Class: event.Actual}, day("2014-06-20"), "day", ""),
			"2014-06-20", "2014-06-20", "day", "planned", false, 1, 1, "y"),
	}
	if got := graphEvents(t, c); !slices.Equal(got, want) {
		t.Fatalf("events\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	aggs := graphAggregates(t, c)
	if wantAggs := map[event.Period]event.Counts{{A: "IRN", B: "USA", Kind: "month", Name: "2014-06"}: {"events": 2, "MET_WITH": 1, "WARNED_planned": 1}}; !maps.EqualFunc(aggs, wantAggs, maps.Equal) {
		t.Fatalf("aggregates %v, want %v", aggs, wantAggs)
	}
	// Writing goes on in the event model.
	write(t, c, articleFacts("z", "hz", rel("MET_WITH", "USA", "IRN", "2014-06-12")))
	checkConsistent(t, c, 1, "written after the conversion")
}

// A graph whose aggregates were written before the year totals gets them
// from its aggregates when it is migrated, and a second migration adds
// nothing twice.
func TestMigrateFillsYearTotals(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	yearOnly := rel("AIDED", "USA", "IRN", "2014-01-01")
	yearOnly.DatePrecision = "year"
	write(t, c,
		articleFacts("a", "ha", rel("MET_WITH", "USA", "IRN", "2014-06-10"), rel("WARNED", "IRN", "USA", "2014-11-02"),
			yearOnly, rel("MET_WITH", "USA", "IRN", "2015-01-03")),
		articleFacts("b", "hb", rel("MET_WITH", "IRN", "USA", "2014-06-11"), rel("SANCTIONED", "USA", "GBR", "2014-03-01")))
	checkConsistent(t, c, 1, "written")
	before := graphYearTotals(t, c)
	drop := graph.Statement{Name: "drop totals", Text: `
MATCH ()-[t:ALIGNMENT_YEAR]->() DELETE t
WITH count(*) AS n
MATCH (s:DiplographSchema {name: 'diplograph'}) SET s.version = 54`}
	for _, run := range []string{"first", "second"} {
		if run == "first" {
			if err := c.Write(ctx, drop, nil); err != nil {
				t.Fatal(err)
			}
		} else if err := c.Write(ctx, graph.Statement{Name: "version", Text: `
MATCH (s:DiplographSchema {name: 'diplograph'}) SET s.version = 54`}, nil); err != nil {
			t.Fatal(err)
		}
		if res, err := c.Migrate(ctx); err != nil || res.From != 54 {
			t.Fatalf("%s migration = %+v, %v", run, res, err)
		}
		checkConsistent(t, c, 1, run+" migration")
		if got := graphYearTotals(t, c); !maps.EqualFunc(got, before, maps.Equal) {
			t.Fatalf("%s migration: year totals %v, want %v", run, got, before)
		}
	}
}

// Shift markers between periods years apart: the writer finds a pair's
// neighbouring periods beyond the year (ten for year-only periods) it
// looks at first, when a period is added between two far apart, removed
// from between them, or added before the first and after the last.
func TestShiftsAcrossLongGaps(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	yearOnly := func(typ, date string) graph.RelationEdge {
		r := rel(typ, "USA", "IRN", date)
		r.DatePrecision = "year"
		return r
	}
	steps := []struct {
		name   string
		write  []graph.ArticleFacts
		delete []string
	}{
		{"far apart", []graph.ArticleFacts{
			articleFacts("a", "ha", rel("MET_WITH", "USA", "IRN", "2006-01-10"), yearOnly("WARNED", "1990-01-01")),
			articleFacts("b", "hb", rel("WARNED", "USA", "IRN", "2014-06-10"), yearOnly("AIDED", "2013-01-01"))}, nil},
		{"one between", []graph.ArticleFacts{
			articleFacts("c", "hc", rel("AIDED", "IRN", "USA", "2010-03-02"), yearOnly("SANCTIONED", "2001-01-01"))}, nil},
		{"before the first and after the last", []graph.ArticleFacts{
			articleFacts("d", "hd", rel("WARNED", "USA", "IRN", "2001-05-02"), rel("AGREED_WITH", "USA", "IRN", "2021-05-02"),
				yearOnly("MET_WITH", "2030-01-01"))}, nil},
		{"the one between removed", nil, []string{"c"}},
		{"the first and the last removed", nil, []string{"d"}},
	}
	for _, s := range steps {
		if len(s.write) > 0 {
			write(t, c, s.write...)
		}
		if len(s.delete) > 0 {
			if _, err := c.DeleteArticles(ctx, s.delete); err != nil {
				t.Fatal(err)
			}
		}
		checkConsistent(t, c, 1, s.name)
		if got := graphShifts(t, c); len(got) == 0 {
			t.Fatalf("%s: no shift markers", s.name)
		}
	}
}

// A graph written before SHIFT markers existed (schema 60) gets them on
// migration, equal to a recomputation from the aggregates, with the node
// that records their parameters; migrating again (as a second process
// starting at once would) neither duplicates nor loses any, and counts the
// ShiftCount cells again.
func TestMigrateFillsShifts(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	yearOnly := rel("WARNED", "USA", "IRN", "2016-01-01")
	yearOnly.DatePrecision = "year"
	write(t, c,
		articleFacts("a", "ha", rel("MET_WITH", "USA", "IRN", "2014-06-10"), rel("WARNED", "IRN", "USA", "2014-11-02"),
			rel("AIDED", "USA", "IRN", "2015-01-03"), yearOnly),
		articleFacts("b", "hb", rel("MET_WITH", "IRN", "USA", "2014-06-11"), rel("SANCTIONED", "USA", "GBR", "2014-03-01"),
			rel("AGREED_WITH", "USA", "GBR", "2014-04-01"), rel("AIDED", "IRN", "USA", "2015-02-03")))
	checkConsistent(t, c, 1, "written")
	before := graphShifts(t, c)
	if len(before) < 3 {
		t.Fatalf("shift markers %v: want at least three to compare", before)
	}
	drop := graph.Statement{Name: "drop markers", Text: `
CALL () { MATCH ()-[s:SHIFT]->() DELETE s }
CALL () { MATCH (c:ShiftCount) DELETE c }
CALL () { MATCH (m:ShiftMarkers) DELETE m }`}
	version := graph.Statement{Name: "version", Text: `
MATCH (s:DiplographSchema {name: 'diplograph'}) SET s.version = 60`}
	// The second time the cells are wrong (as an unreleased build left
	// them, with markers it had not counted): the migration counts them
	// again.
	corrupt := graph.Statement{Name: "corrupt cells", Text: `
MATCH (c:ShiftCount) WITH c LIMIT 2 SET c.n = c.n + 7`}
	for _, run := range []string{"first", "second"} {
		step := drop
		if run == "second" {
			step = corrupt
		}
		if err := c.Write(ctx, step, nil); err != nil {
			t.Fatal(err)
		}
		if got := graphShifts(t, c); run == "first" && len(got) != 0 {
			t.Fatalf("markers left: %v", got)
		}
		if err := c.Write(ctx, version, nil); err != nil {
			t.Fatal(err)
		}
		if res, err := c.Migrate(ctx); err != nil || res.From != 60 {
			t.Fatalf("%s migration = %+v, %v", run, res, err)
		}
		checkConsistent(t, c, 1, run+" migration")
		if got := graphShifts(t, c); !slices.Equal(got, before) {
			t.Fatalf("%s migration: markers\n%s\nwant\n%s", run, strings.Join(got, "\n"), strings.Join(before, "\n"))
		}
		recs, err := c.Read(ctx, graph.Statement{Name: "node", Text: `
MATCH (m:ShiftMarkers) RETURN m.period AS period, m.threshold AS threshold, size(m.types) AS types`}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || recs[0].AsMap()["period"] != "month" || recs[0].AsMap()["threshold"] != alliance.DefaultShiftThreshold ||
			recs[0].AsMap()["types"] != int64(len(graph.RelationTypes)) {
			t.Fatalf("%s migration: ShiftMarkers nodes %v", run, recs)
		}
	}
}

// New reports that join stored events are added in place; one dated before
// an event's first report gives the event a new id, and the stored reports
// follow it.
func TestEventsJoinStored(t *testing.T) {
	c := graphtest.Client(t)
	steps := []struct {
		name string
		f    graph.ArticleFacts
	}{
		{"first", articleFacts("a", "ha", rel("WARNED", "USA", "IRN", "2014-06-10"), rel("MET_WITH", "USA", "IRN", "2014-06-10"))},
		{"a later report joins", articleFacts("b", "hb", rel("WARNED", "USA", "IRN", "2014-06-11"))},
		{"an earlier report joins: new id", articleFacts("c", "hc", rel("WARNED", "USA", "IRN", "2014-06-09"), rel("MET_WITH", "IRN", "USA", "2014-06-10"))},
		{"a report of the same day", articleFacts("d", "hd", rel("WARNED", "USA", "IRN", "2014-06-09"))},
		{"a separate event", articleFacts("e", "he", rel("WARNED", "USA", "IRN", "2014-06-20"))},
	}
	for _, s := range steps {
		write(t, c, s.f)
		checkConsistent(t, c, 1, s.name)
	}
	if got := graphEvents(t, c); len(got) != 3 {
		t.Errorf("events:\n%s\nwant three (two warnings, one meeting)", strings.Join(got, "\n"))
	}
}
