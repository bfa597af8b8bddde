package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

func TestMaterialize(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	f := sampleFacts("m1", "hm1") // GBR–IRN MET_WITH on 2014-06-14 (+2.5), ISIL–IRQ (not states)
	f.Relations = append(f.Relations,
		graph.RelationEdge{Type: "WARNED", Source: "IRN", Target: "GBR", Date: day("2014-06-20"), Modality: "planned", Weight: -4},
		graph.RelationEdge{Type: "ACCUSED", Source: "GBR", Target: "IRN", Date: day("2014-07-01"), Modality: "asserted", Weight: -3, Negated: true})
	if _, err := c.WriteArticle(ctx, f); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // idempotent
		n, err := c.Materialize(ctx, "month", 0.5)
		if err != nil || n != 2 {
			t.Fatalf("run %d: Materialize = %d, %v; want 2 edges (GBR-IRN and IRQ-ISIL in June; July's only event is negated)", i, n, err)
		}
	}
	if _, err := c.Materialize(ctx, "year", 0.5); err != nil {
		t.Fatal(err)
	}
	recs, err := c.Read(ctx, graph.Statement{Name: "al", Text: `
MATCH (a:Country)-[al:ALIGNMENT]->(b:Country)
RETURN a.code AS a, b.code AS b, al.period_kind AS kind, al.period AS period, al.events AS events,
       al.cooperation AS coop, al.conflict AS confl, al.net AS net, al.index AS idx
ORDER BY kind, period`}, nil)
	if err != nil || len(recs) != 2 {
		t.Fatalf("ALIGNMENT edges = %v, %v; want one per period kind", recs, err)
	}
	m := recs[0].AsMap()
	// June: +2.5 for the meeting, -4 * 0.5 for the planned warning.
	if m["a"] != "GBR" || m["b"] != "IRN" || m["kind"] != "month" || m["period"] != "2014-06" || m["events"] != int64(2) ||
		m["coop"] != 2.5 || m["confl"] != -2.0 || m["net"] != 0.5 || m["idx"] != 0.5/4.5 {
		t.Fatalf("month edge = %v", m)
	}
	if y := recs[1].AsMap(); y["kind"] != "year" || y["period"] != "2014" {
		t.Fatalf("year edge = %v", y)
	}
	if _, err := c.Materialize(ctx, "week", 0.5); err == nil {
		t.Fatal("period week accepted")
	}
	// Events gone: their periods' edges go too, in other years as well.
	old := sampleFacts("m0", "hm0")
	old.Relations = []graph.RelationEdge{{Type: "AGREED_WITH", Source: "GBR", Target: "IRN", Date: day("2011-02-01"), Modality: "asserted", Weight: 4}}
	if _, err := c.WriteArticle(ctx, old); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Materialize(ctx, "year", 0.5); err != nil || n != 3 {
		t.Fatalf("Materialize(year) = %d, %v; want 3 edges (GBR-IRN 2011 and 2014, IRQ-ISIL 2014)", n, err)
	}
	if err := c.Write(ctx, graph.Statement{Name: "drop", Text: "MATCH ()-[r]->() WHERE r.date < date('2014-01-01') DELETE r"}, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Materialize(ctx, "year", 0.5); err != nil || n != 2 {
		t.Fatalf("Materialize(year) after deleting 2011 = %d, %v; want 2 edges (GBR-IRN, IRQ-ISIL)", n, err)
	}
	if got := alignments(t, c); len(got) != 2 || got[0] != "GBR-IRN month 2014-06 2 0.5" || got[1] != "GBR-IRN year 2014 2 0.5" {
		t.Fatalf("ALIGNMENT edges = %v; want June 2014 and 2014", got)
	}
	if err := c.Write(ctx, graph.Statement{Name: "drop", Text: "MATCH ()-[r:MET_WITH|WARNED|ACCUSED|ATTACKED]->() DELETE r"}, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Materialize(ctx, "year", 0.5); err != nil || n != 0 {
		t.Fatalf("Materialize(year) without events = %d, %v; want 0", n, err)
	}
	if got := alignments(t, c); len(got) != 1 || got[0] != "GBR-IRN month 2014-06 2 0.5" {
		t.Fatalf("ALIGNMENT edges = %v; want only June 2014 (months were not recomputed)", got)
	}
}

func TestPeriods(t *testing.T) {
	for _, tt := range []struct {
		period, from, to   string
		first, last, names string
	}{
		{"month", "2014-01-15", "2014-03-02", "2014-01-01", "2014-03-31", "2014-01 2014-02 2014-03"},
		{"month", "2014-12-31", "2014-12-31", "2014-12-01", "2014-12-31", "2014-12"},
		{"quarter", "2014-02-10", "2014-07-01", "2014-01-01", "2014-09-30", "2014-Q1 2014-Q2 2014-Q3"},
		{"year", "2013-06-01", "2014-01-01", "2013-01-01", "2014-12-31", "2013 2014"},
	} {
		first, last, names := graph.Periods(tt.period, day(tt.from), day(tt.to))
		if first.Format(time.DateOnly) != tt.first || last.Format(time.DateOnly) != tt.last || strings.Join(names, " ") != tt.names {
			t.Errorf("Periods(%s, %s, %s) = %s, %s, %v; want %s, %s, %s", tt.period, tt.from, tt.to,
				first.Format(time.DateOnly), last.Format(time.DateOnly), names, tt.first, tt.last, tt.names)
		}
	}
}

// alignments returns the ALIGNMENT edges as "a-b kind period events net".
func alignments(t *testing.T, c *graph.Client) []string {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: "al", Text: `
MATCH (a:Country)-[al:ALIGNMENT]->(b:Country)
RETURN a.code + '-' + b.code + ' ' + al.period_kind + ' ' + al.period + ' ' + toString(al.events) + ' ' + toString(al.net) AS edge
ORDER BY edge`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		out = append(out, r.Values[0].(string))
	}
	return out
}

func TestMaterializeRange(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	f := sampleFacts("r1", "hr1") // GBR–IRN MET_WITH on 2014-06-14
	f.Relations = append(f.Relations,
		graph.RelationEdge{Type: "WARNED", Source: "IRN", Target: "GBR", Date: day("2014-07-20"), Modality: "asserted", Weight: -4},
		graph.RelationEdge{Type: "AGREED_WITH", Source: "GBR", Target: "IRQ", Date: day("2014-08-02"), Modality: "asserted", Weight: 4})
	if _, err := c.WriteArticle(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	all := alignments(t, c)
	want := []string{"GBR-IRN month 2014-06 1 2.5", "GBR-IRN month 2014-07 1 -4.0", "GBR-IRQ month 2014-08 1 4.0"}
	if strings.Join(all, "|") != strings.Join(want, "|") {
		t.Fatalf("Materialize: %v, want %v", all, want)
	}
	// A window inside July, widened to the whole month, twice (idempotent):
	// July is rewritten, June and August are not touched.
	for i := 0; i < 2; i++ {
		n, err := c.MaterializeRange(ctx, "month", day("2014-07-10"), day("2014-07-11"), 0.5)
		if err != nil || n != 1 {
			t.Fatalf("run %d: MaterializeRange = %d, %v; want 1 edge", i, n, err)
		}
		if got := alignments(t, c); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("run %d: after MaterializeRange: %v, want %v", i, got, want)
		}
	}
	// A window with no events removes the edges of its periods.
	if err := c.Write(ctx, graph.Statement{Name: "drop", Text: "MATCH ()-[r:AGREED_WITH]->() DELETE r"}, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := c.MaterializeRange(ctx, "quarter", day("2014-08-01"), day("2014-08-31"), 0.5); err != nil || n != 1 {
		t.Fatalf("quarter: MaterializeRange = %d, %v; want 1 edge (GBR-IRN in Q3: July's warning; GBR-IRQ has none left)", n, err)
	}
	if _, err := c.MaterializeRange(ctx, "month", day("2014-08-01"), day("2014-08-31"), 0.5); err != nil {
		t.Fatal(err)
	}
	got := alignments(t, c)
	want = []string{"GBR-IRN month 2014-06 1 2.5", "GBR-IRN month 2014-07 1 -4.0", "GBR-IRN quarter 2014-Q3 1 -4.0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("after August without events: %v, want %v", got, want)
	}
	if _, err := c.MaterializeRange(ctx, "week", day("2014-08-01"), day("2014-08-31"), 0.5); err == nil {
		t.Fatal("period week accepted")
	}
	if _, err := c.MaterializeRange(ctx, "month", day("2014-08-31"), day("2014-08-01"), 0.5); err == nil {
		t.Fatal("window that ends before it starts accepted")
	}
}

// materialization is the (:Materialization) record of one period length:
// "" when there is none, else "writes planned_factor".
func materialization(t *testing.T, c *graph.Client, period string) string {
	t.Helper()
	recs, err := c.Read(context.Background(), graph.Statement{Name: "state", Text: `
MATCH (m:Materialization {period_kind: $period})
RETURN toString(m.writes) + ' ' + toString(m.planned_factor) AS s`}, map[string]any{"period": period})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 {
		return ""
	}
	return recs[0].Values[0].(string)
}

func TestMaterializationRecord(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	f := sampleFacts("r1", "hr1")
	if _, err := c.WriteArticle(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	want := "1 0.5" // one write transaction so far
	if got := materialization(t, c, "month"); got != want {
		t.Fatalf("after Materialize: record %q, want %q", got, want)
	}
	// Writing an article that is already there is no write.
	if _, err := c.WriteArticle(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	if got := materialization(t, c, "month"); got != want {
		t.Fatalf("after an unchanged article: record %q, want %q", got, want)
	}
	if got := materialization(t, c, "year"); got != "" {
		t.Fatalf("year record %q before any year materialization", got)
	}
	// The month edges carry the dyad key and the counts by type.
	// The pairs are of actors: states and organizations.
	recs, err := c.Read(ctx, graph.Statement{Name: "al", Text: "MATCH ()-[al:ALIGNMENT]->() RETURN al.dyad + ' ' + reduce(s = '', t IN al.by_type | s + t) AS d ORDER BY d"}, nil)
	if err != nil || len(recs) != 2 || recs[0].Values[0] != "GBR-IRN MET_WITH:1" || recs[1].Values[0] != "IRQ-ISIL ATTACKED:1" {
		t.Fatalf("ALIGNMENT dyad and by_type = %v, %v", recs, err)
	}
	// Some periods again with the same factor: still complete.
	if _, err := c.MaterializeRange(ctx, "month", day("2014-06-01"), day("2014-06-30"), 0.5); err != nil {
		t.Fatal(err)
	}
	if got := materialization(t, c, "month"); got != want {
		t.Fatalf("after a range with the same factor: record %q, want %q", got, want)
	}
	// With another factor the edges are mixed: no record.
	if _, err := c.MaterializeRange(ctx, "month", day("2014-06-01"), day("2014-06-30"), 0.25); err != nil {
		t.Fatal(err)
	}
	if got := materialization(t, c, "month"); got != "" {
		t.Fatalf("after a range with another factor: record %q, want none", got)
	}
	if _, err := c.Materialize(ctx, "month", 0.25); err != nil {
		t.Fatal(err)
	}
	if err := c.ForgetMaterialized(ctx, "month"); err != nil {
		t.Fatal(err)
	}
	if got := materialization(t, c, "month"); got != "" {
		t.Fatalf("after ForgetMaterialized: record %q", got)
	}
	// A new article is a second write.
	g := sampleFacts("r2", "hr2")
	if _, err := c.WriteArticle(ctx, g); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	if got := materialization(t, c, "month"); got != "2 0.5" {
		t.Fatalf("after a second article: record %q", got)
	}
	// An empty graph is completely materialized too, as of no write.
	graphtest.Wipe(t, c)
	if _, err := c.Materialize(ctx, "month", 0.5); err != nil {
		t.Fatal(err)
	}
	if got := materialization(t, c, "month"); got != "0 0.5" {
		t.Fatalf("empty graph: record %q", got)
	}
}

// Two materializations at once, with different planned factors, run one
// after the other: the record names the factor the edges were computed
// with.
func TestMaterializeConcurrent(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	var facts []graph.ArticleFacts
	for y := 2010; y <= 2014; y++ {
		f := sampleFacts(fmt.Sprintf("c%d", y), fmt.Sprintf("hc%d", y))
		f.Relations = append(f.Relations, graph.RelationEdge{Type: "WARNED", Source: "IRN", Target: "GBR",
			Date: day(fmt.Sprintf("%d-03-01", y)), Modality: "planned", Weight: -4})
		facts = append(facts, f)
	}
	if _, err := c.WriteArticles(ctx, facts); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	for _, factor := range []float64{0.5, 0.25} {
		go func() {
			_, err := c.Materialize(ctx, "month", factor)
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	rec := materialization(t, c, "month")
	factor := 0.5
	if strings.HasSuffix(rec, " 0.25") {
		factor = 0.25
	}
	got := alignments(t, c)
	if _, err := c.Materialize(ctx, "month", factor); err != nil {
		t.Fatal(err)
	}
	if want := alignments(t, c); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("record %q, but the edges are not those of factor %v:\n%v\nwant\n%v", rec, factor, got, want)
	}
}
