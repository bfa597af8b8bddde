package queries_test

import (
	"context"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

// alliance-shifts reads the SHIFT markers the writer keeps when its
// parameters are theirs and the aggregates otherwise: on random events
// over five years written through the writer (then some articles updated
// and some deleted), both give the same rows for windows of whole years,
// of months across years and of days, with limits that cut, while other
// parameters (by quarter, a lower threshold, other weights, min_events 2)
// read the aggregates; so do all calls while writes have left the markers
// out of date. Without the markers the default parameters give an empty
// answer, so the comparison is not between two reads of the aggregates.
func TestShiftMarkers(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(21, 22))
	facts := randomFacts(rng, 300)
	// An organization beside the states: NATO does what GBR does. Its
	// pairs have aggregates but no shifts (alliance-shifts compares states).
	nato := graph.ActorNode{Code: "NATO", Name: "NATO", Kind: "intergovernmental"}
	for i := range facts {
		facts[i].Actors = append(slices.Clone(facts[i].Actors), nato)
		for _, r := range facts[i].Relations {
			if r.Source == "GBR" {
				r.Source = "NATO"
				facts[i].Relations = append(facts[i].Relations, r)
			}
		}
	}
	if _, err := c.WriteArticles(ctx, facts); err != nil {
		t.Fatal(err)
	}
	// Updates: a tenth of the articles rewritten with other relations.
	again := randomFacts(rand.New(rand.NewPCG(23, 24)), 300)
	var updates []graph.ArticleFacts
	for i := 0; i < len(facts); i += 10 {
		u := facts[i]
		u.Article.ContentHash += "-2"
		u.Relations = again[i].Relations
		updates = append(updates, u)
	}
	if _, err := c.WriteArticles(ctx, updates); err != nil {
		t.Fatal(err)
	}
	var gone []string
	for i := 5; i < len(facts); i += 25 {
		gone = append(gone, facts[i].Article.ID)
	}
	if _, err := c.DeleteArticles(ctx, gone); err != nil {
		t.Fatal(err)
	}

	q := get(t, "alliance-shifts")
	type call struct {
		window [2]string
		extra  map[string]string
	}
	var calls []call
	windows := [][2]string{
		{"2014-01-01", "2014-12-31"}, {"2013-01-01", "2014-12-31"}, {"2013-07-01", "2014-06-30"},
		{"2014-02-15", "2014-04-10"}, {"2012-01-01", "2012-12-31"}, {"2016-06-01", "2017-12-31"}, {"", ""},
	}
	for _, w := range windows {
		for _, limit := range []string{"1000", "7", ""} {
			extra := map[string]string{}
			if limit != "" {
				extra["limit"] = limit
			}
			calls = append(calls, call{w, extra})
		}
	}
	others := []map[string]string{
		{"period": "quarter"}, {"period": "year"}, {"threshold": "0.3"}, {"min_events": "2"},
		{"weights": "MET_WITH:1,WARNED:-1"}, {"planned_factor": "1"},
	}
	for _, extra := range others {
		calls = append(calls, call{[2]string{"2013-01-01", "2015-12-31"}, extra})
	}
	answer := func(cl call) []map[string]any {
		raw := maps.Clone(cl.extra)
		if cl.window[0] != "" {
			raw["from"], raw["to"] = cl.window[0], cl.window[1]
		}
		bound, err := q.Bind(raw, codes)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := c.Read(ctx, graph.Statement{Name: q.Name, Text: q.Cypher}, bound)
		if err != nil {
			t.Fatalf("%s %v: %v", q.Name, cl, err)
		}
		return rows(recs)
	}
	// The writes left the markers out of date (ShiftDirty records): every
	// call reads the aggregates until RefreshShifts, which ingest runs
	// after its last batch.
	stale := make([][]map[string]any, len(calls))
	for i, cl := range calls {
		stale[i] = answer(cl)
	}
	if err := c.RefreshShifts(ctx); err != nil {
		t.Fatal(err)
	}
	marked := make([][]map[string]any, len(calls))
	for i, cl := range calls {
		marked[i] = answer(cl)
		if !reflect.DeepEqual(marked[i], stale[i]) {
			t.Errorf("%v: with the markers\n%v\nbefore RefreshShifts\n%v", cl, marked[i], stale[i])
		}
	}
	if len(marked[0]) < 10 {
		t.Fatalf("%d shifts in 2014: too few to compare", len(marked[0]))
	}

	// Without the (:ShiftMarkers) node every call reads the aggregates.
	exec := func(cypher string) {
		t.Helper()
		if err := c.Write(ctx, graph.Statement{Name: "test", Text: cypher}, nil); err != nil {
			t.Fatal(err)
		}
	}
	exec(`MATCH (m:ShiftMarkers) SET m:ShiftMarkersAside REMOVE m:ShiftMarkers`)
	for i, cl := range calls {
		if got, want := marked[i], answer(cl); !reflect.DeepEqual(got, want) {
			t.Errorf("%v: with the markers\n%v\nfrom the aggregates\n%v", cl, got, want)
		}
	}

	// With the node but without the markers, the default parameters find
	// nothing and the others still read the aggregates.
	exec(`MATCH (m:ShiftMarkersAside) SET m:ShiftMarkers REMOVE m:ShiftMarkersAside`)
	exec(`MATCH ()-[s:SHIFT]->() DELETE s`)
	for i, cl := range calls {
		got := answer(cl)
		if len(cl.extra) > 0 && cl.extra["limit"] == "" {
			if !reflect.DeepEqual(got, marked[i]) {
				t.Errorf("%v reads the markers", cl)
			}
		} else if len(got) != 0 {
			t.Errorf("%v: %d rows without markers: not read from the markers", cl, len(got))
		}
	}
}
