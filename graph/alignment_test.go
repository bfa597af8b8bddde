package graph_test

import (
	"context"
	"testing"

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
		if err != nil || n != 1 {
			t.Fatalf("run %d: Materialize = %d, %v; want 1 edge (June; July's only event is negated)", i, n, err)
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
}
