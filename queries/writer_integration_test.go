package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/internal/testfiles"
)

// The story of the writer fixture: a three-party summit (USA, IRN, GBR)
// that three articles report on consecutive days, a warning a week later,
// and what happens to the answers when an article is written again,
// changed and removed. Each step's answers of alliance-timeline, evidence
// and network are golden files (testdata/golden/writer/STEP.json), written
// through the real writer: what an analyst gets after ingest.

var writerActors = []graph.ActorNode{
	{Code: "GBR", Name: "United Kingdom", Country: true},
	{Code: "IRN", Name: "Iran", Country: true},
	{Code: "USA", Name: "United States", Country: true},
}

func writerDay(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func writerRel(typ, src, tgt, date, sentence string) graph.RelationEdge {
	return graph.RelationEdge{Type: typ, Source: src, Target: tgt, Date: writerDay(date), DatePrecision: "day",
		Modality: "asserted", Confidence: 0.9, Sentence: sentence, Span: [2]int{0, len(sentence)}}
}

// summitReport is one article's report of the summit, dated date.
func summitReport(id, hash, date string) graph.ArticleFacts {
	s := "The foreign ministers of the United States, Iran and Britain met in Vienna."
	return graph.ArticleFacts{
		Article: graph.ArticleNode{ID: id, URL: "https://example.org/" + id, Source: "Fixture", Title: id,
			Published: writerDay(date), ContentHash: hash},
		Actors: writerActors,
		Relations: []graph.RelationEdge{
			writerRel("MET_WITH", "USA", "IRN", date, s),
			writerRel("MET_WITH", "GBR", "USA", date, s),
			writerRel("MET_WITH", "GBR", "IRN", date, s),
		},
	}
}

func warning(id, date string) graph.ArticleFacts {
	s := "Washington warned Tehran against enriching uranium."
	return graph.ArticleFacts{
		Article: graph.ArticleNode{ID: id, URL: "https://example.org/" + id, Source: "Fixture", Title: id,
			Published: writerDay(date), ContentHash: "w1"},
		Actors:    writerActors,
		Relations: []graph.RelationEdge{writerRel("WARNED", "USA", "IRN", date, s)},
	}
}

func TestQueriesThroughWriter(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	answers := func(t *testing.T, step string) {
		t.Helper()
		got := map[string]any{
			"alliance-timeline": run(t, c, get(t, "alliance-timeline"), map[string]string{"a": "USA", "b": "IRN"}),
			"evidence":          run(t, c, get(t, "evidence"), map[string]string{"a": "USA", "b": "IRN"}),
			"network":           run(t, c, get(t, "network"), map[string]string{}),
		}
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		testfiles.Golden(t, filepath.Join("testdata", "golden", "writer", step+".json"), append(b, '\n'), *update)
	}
	// events is the USA-IRN events in June 2014 by type, from the timeline.
	events := func(t *testing.T) string {
		t.Helper()
		rows := run(t, c, get(t, "alliance-timeline"), map[string]string{"a": "USA", "b": "IRN"})
		var parts []string
		for _, r := range rows {
			parts = append(parts, fmt.Sprintf("%v:%v", r["period"], r["events"]))
		}
		return strings.Join(parts, " ")
	}
	write := func(t *testing.T, fs ...graph.ArticleFacts) []graph.Outcome {
		t.Helper()
		out, err := c.WriteArticles(ctx, fs)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	// Three reports of one summit (16, 17 and 17 June) and a warning on
	// the 24th: two events between USA and IRN, not four.
	write(t, summitReport("a1", "h1", "2014-06-16"), summitReport("a2", "h1", "2014-06-17"),
		summitReport("a3", "h1", "2014-06-17"), warning("w1", "2014-06-24"))
	if got := events(t); got != "2014-06:2" {
		t.Errorf("after the first ingest: %s, want 2014-06:2 (one summit, one warning)", got)
	}
	answers(t, "1-ingest")

	// The same articles again: nothing changes.
	for _, o := range write(t, summitReport("a1", "h1", "2014-06-16"), summitReport("a2", "h1", "2014-06-17")) {
		if o != graph.Unchanged {
			t.Errorf("rerun: %s, want unchanged", o)
		}
	}
	answers(t, "1-ingest")

	// a3 is corrected: the meeting it reports was in July. Its report
	// leaves the June summit (two reports remain) and is an event of its
	// own in July.
	if o := write(t, summitReport("a3", "h2", "2014-07-20")); o[0] != graph.Updated {
		t.Fatalf("update: %s", o[0])
	}
	if got := events(t); got != "2014-06:2 2014-07:1" {
		t.Errorf("after the update: %s, want 2014-06:2 2014-07:1", got)
	}
	answers(t, "2-updated")

	// a1 and a2 are removed: the June summit has no report left and is
	// gone; the warning and the July meeting stay.
	if n, err := c.DeleteArticles(ctx, []string{"a1", "a2"}); err != nil || n != 2 {
		t.Fatalf("delete: %d, %v", n, err)
	}
	if got := events(t); got != "2014-06:1 2014-07:1" {
		t.Errorf("after the removal: %s, want 2014-06:1 2014-07:1", got)
	}
	answers(t, "3-removed")
}
