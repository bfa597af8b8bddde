package graph_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func sampleFacts(id, hash string) graph.ArticleFacts {
	return graph.ArticleFacts{
		Article: graph.ArticleNode{ID: id, URL: "https://example.org/" + id, Source: "Test", Title: "t",
			Published: day("2014-06-16"), ContentHash: hash},
		Actors: []graph.ActorNode{
			{Code: "GBR", Name: "United Kingdom", Country: true},
			{Code: "IRN", Name: "Iran", Country: true},
			{Code: "IRQ", Name: "Iraq", Country: true},
			{Code: "ISIL", Name: "Islamic State", Kind: "armed_group"},
		},
		Persons: []graph.PersonNode{
			{ID: "william-hague@GBR", Name: "William Hague", Actor: "GBR", Title: "foreign secretary", Date: day("2014-06-16")},
			{ID: "mohammad-javad-zarif@IRN", Name: "Mohammad Javad Zarif", Actor: "IRN", Title: "foreign minister", Date: day("2014-06-16")},
		},
		Places: []graph.PlaceNode{{ID: "baghdad@IRQ", Name: "Baghdad", Country: "IRQ"}},
		Meetings: []graph.MeetingNode{{ID: id + ":m1", Kind: "phone call", Name: "phone call", Date: day("2014-06-14"),
			Participants: []string{"GBR", "IRN"}, Persons: []string{"william-hague@GBR", "mohammad-javad-zarif@IRN"}}},
		Relations: []graph.RelationEdge{
			{Type: "MET_WITH", Source: "GBR", Target: "IRN", Date: day("2014-06-14"), DatePrecision: "day",
				Sentence: "Hague spoke by phone to Zarif.", Span: [2]int{0, 30}, Modality: "asserted", Confidence: 0.9,
				SourcePerson: "william-hague@GBR", TargetPerson: "mohammad-javad-zarif@IRN", Meeting: id + ":m1"},
			{Type: "ATTACKED", Source: "ISIL", Target: "IRQ", Date: day("2014-06-16"), DatePrecision: "day",
				Sentence: "routed by Isis forces", Modality: "asserted", Confidence: 0.8},
		},
	}
}

func TestWriteArticle(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()

	out, err := c.WriteArticle(ctx, sampleFacts("a1", "h1"))
	if err != nil || out != graph.New {
		t.Fatalf("first write = %q, %v; want new", out, err)
	}
	first := graphtest.Counts(t, c)
	want := map[string]int64{"Article": 1, "Country": 3, "Organization": 1, "Actor": 4, "Person": 2, "Place": 1,
		"Meeting": 1, "MET_WITH": 1, "ATTACKED": 1, "REPRESENTS": 2, "IN": 1, "REPORTS": 1, "ATTENDED": 4}
	for k, n := range want {
		if first[k] != n {
			t.Errorf("after first write %s = %d, want %d (all: %v)", k, first[k], n, first)
		}
	}

	// The same article again: nothing changes.
	out, err = c.WriteArticle(ctx, sampleFacts("a1", "h1"))
	if err != nil || out != graph.Unchanged {
		t.Fatalf("rewrite = %q, %v; want unchanged", out, err)
	}
	if got := graphtest.Counts(t, c); !maps.Equal(got, first) {
		t.Fatalf("re-ingest changed the graph: %v, was %v", got, first)
	}

	// Changed text under the same id: the old facts are replaced.
	changed := sampleFacts("a1", "h2")
	changed.Relations = changed.Relations[:1]
	changed.Relations[0].Type = "WARNED"
	out, err = c.WriteArticle(ctx, changed)
	if err != nil || out != graph.Updated {
		t.Fatalf("changed write = %q, %v; want updated", out, err)
	}
	got := graphtest.Counts(t, c)
	if got["MET_WITH"] != 0 || got["ATTACKED"] != 0 || got["WARNED"] != 1 || got["Article"] != 1 || got["Meeting"] != 1 {
		t.Fatalf("after update: %v; want only the new facts", got)
	}

	// The edge carries its provenance and leads to the people and meeting.
	recs, err := c.Read(ctx, graph.Statement{Name: "drill", Text: `
MATCH (:Country {code: 'GBR'})-[r:WARNED]->(:Country {code: 'IRN'})
MATCH (a:Article {id: r.article_id})
MATCH (p:Person {id: r.source_person})-[:REPRESENTS]->(:Country {code: 'GBR'})
MATCH (m:Meeting {id: r.meeting})<-[:REPORTS]-(a)
RETURN toString(r.date) AS date, p.name AS person, m.kind AS meeting, a.url AS url`}, nil)
	if err != nil || len(recs) != 1 {
		t.Fatalf("drill-down = %v, %v; want one row", recs, err)
	}
	m := recs[0].AsMap()
	if m["date"] != "2014-06-14" || m["person"] != "William Hague" || m["meeting"] != "phone call" || m["url"] != "https://example.org/a1" {
		t.Fatalf("drill-down row = %v", m)
	}
}

func TestWriteArticleRejectsBadFacts(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	for name, mutate := range map[string]func(*graph.ArticleFacts){
		"unknown type":   func(f *graph.ArticleFacts) { f.Relations[1].Type = "HUGGED" },
		"self relation":  func(f *graph.ArticleFacts) { f.Relations[1].Target = f.Relations[1].Source },
		"no article id":  func(f *graph.ArticleFacts) { f.Article.ID = "" },
		"type injection": func(f *graph.ArticleFacts) { f.Relations[0].Type = "MET_WITH]->() DETACH DELETE (n" },
	} {
		f := sampleFacts("bad", "hb")
		mutate(&f)
		if _, err := c.WriteArticle(ctx, f); err == nil {
			t.Errorf("%s: accepted", name)
		} else if strings.Contains(name, "type") && !strings.Contains(err.Error(), "unknown relation type") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if got := graphtest.Counts(t, c); len(got) != 0 {
		t.Fatalf("rejected articles left facts behind: %v", got)
	}
}

// A relation whose end is not among the article's actors fails the last
// statement of the transaction: nothing of the article may remain.
func TestWriteArticleAtomic(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	f := sampleFacts("atomic", "ha")
	f.Relations = append(f.Relations, graph.RelationEdge{Type: "WARNED", Source: "GBR", Target: "ZZZ"})
	_, err := c.WriteArticle(ctx, f)
	if err == nil || !strings.Contains(err.Error(), "not among the actors") {
		t.Fatalf("err = %v, want the missing actor reported", err)
	}
	if got := graphtest.Counts(t, c); len(got) != 0 {
		t.Fatalf("a failed article left facts behind: %v", got)
	}
}

func TestWriteArticlesBatch(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	if _, err := c.WriteArticle(ctx, sampleFacts("old", "h-old")); err != nil {
		t.Fatal(err)
	}
	changed := sampleFacts("a1", "h1-v2") // the same id again later in the batch: it wins
	changed.Relations = changed.Relations[:1]
	outs, err := c.WriteArticles(ctx, []graph.ArticleFacts{
		sampleFacts("a1", "h1"),
		sampleFacts("a2", "h2"),
		sampleFacts("old-copy", "h-old"), // the hash of an article already in the graph, under another id and URL
		changed,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Outcome{graph.New, graph.New, graph.New, graph.Updated}
	for i := range want {
		if outs[i] != want[i] {
			t.Fatalf("outcomes = %v, want %v", outs, want)
		}
	}
	got := graphtest.Counts(t, c)
	// Seven reports of two events: all four articles report the same
	// meeting, three the same attack.
	if got["Article"] != 4 || got["Report"] != 7 || got["MET_WITH"] != 1 || got["ATTACKED"] != 1 || got["Meeting"] != 4 {
		t.Fatalf("counts = %v", got)
	}
}

// One bad article in a batch rolls the whole batch back.
func TestWriteArticlesBatchAtomic(t *testing.T) {
	c := graphtest.Client(t)
	bad := sampleFacts("b2", "hb2")
	bad.Relations = append(bad.Relations, graph.RelationEdge{Type: "WARNED", Source: "GBR", Target: "ZZZ"})
	if _, err := c.WriteArticles(context.Background(), []graph.ArticleFacts{sampleFacts("b1", "hb1"), bad}); err == nil {
		t.Fatal("a batch with a bad article was accepted")
	}
	if got := graphtest.Counts(t, c); len(got) != 0 {
		t.Fatalf("a failed batch left facts behind: %v", got)
	}
}

// Two processes ingest the same files at once: both writes of each batch
// succeed (one creates, the other finds the article unchanged), also when
// both replace an older version, and every article is in the graph once.
func TestWriteArticlesConcurrentSameBatch(t *testing.T) {
	c1 := graphtest.Client(t)
	ctx := context.Background()
	c2, err := graph.Open(ctx, graphtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close(ctx)
	const rounds, size = 6, 4
	for round := range rounds {
		for _, hash := range []string{"h1", "h2"} { // h2 replaces h1: both writers update
			batch := make([]graph.ArticleFacts, size)
			for i := range batch {
				batch[i] = sampleFacts(fmt.Sprintf("r%d-a%d", round, i), fmt.Sprintf("%s-%d-%d", hash, round, i))
			}
			var wg sync.WaitGroup
			outs := make([][]graph.Outcome, 2)
			errs := make([]error, 2)
			start := make(chan struct{})
			for w, c := range []*graph.Client{c1, c2} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					outs[w], errs[w] = c.WriteArticles(ctx, batch)
				}()
			}
			close(start)
			wg.Wait()
			for w, err := range errs {
				if err != nil {
					t.Fatalf("round %d %s: writer %d: %v", round, hash, w, err)
				}
			}
			// A new article is created once; a replaced one may be
			// replaced by both writers in turn (the later one deletes the
			// earlier's version), which leaves the same facts.
			want := graph.New
			if hash == "h2" {
				want = graph.Updated
			}
			for i := range batch {
				a, b := outs[0][i], outs[1][i]
				if a != want && b != want || a != want && a != graph.Unchanged || b != want && b != graph.Unchanged ||
					want == graph.New && a == b {
					t.Errorf("round %d %s: article %d: outcomes %q and %q, want one %q and the other unchanged or %[6]q",
						round, hash, i, a, b, want)
				}
			}
		}
	}
	got := graphtest.Counts(t, c1)
	if got["Article"] != rounds*size || got["Report"] != 2*rounds*size || got["MET_WITH"] != 1 || got["ATTACKED"] != 1 || got["Meeting"] != rounds*size {
		t.Fatalf("counts = %v, want each of the %d articles and its facts once", got, rounds*size)
	}
}

// What decides "unchanged" is the id with its hash: the same hash (the
// same text) under another id and URL is an article of its own, with its
// own provenance; under another id but the same URL it replaces the
// article of that URL; with Replace, an unchanged article is rewritten.
func TestWriteArticleUnchangedOnlyUnderItsID(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	if _, err := c.WriteArticle(ctx, sampleFacts("a1", "h1")); err != nil {
		t.Fatal(err)
	}
	sameURL := sampleFacts("a1-moved", "h1")
	sameURL.Article.URL = "https://example.org/a1"
	replace := sampleFacts("a2", "h2")
	replace.Replace = true
	steps := []struct {
		name     string
		facts    graph.ArticleFacts
		want     graph.Outcome
		articles int64
	}{
		{"the same article again", sampleFacts("a1", "h1"), graph.Unchanged, 1},
		{"the same text under another id and URL", sampleFacts("a2", "h1"), graph.New, 2},
		{"a2 with another hash", sampleFacts("a2", "h2"), graph.Updated, 2},
		{"a2 unchanged, but Replace", replace, graph.Updated, 2},
		{"the same text and URL as a1 under another id", sameURL, graph.Updated, 2},
	}
	for _, s := range steps {
		out, err := c.WriteArticle(ctx, s.facts)
		if err != nil || out != s.want {
			t.Fatalf("%s: %q, %v; want %q", s.name, out, err, s.want)
		}
		got := graphtest.Counts(t, c)
		if got["Article"] != s.articles || got["Report"] != 2*s.articles || got["MET_WITH"] != 1 || got["Meeting"] != s.articles {
			t.Fatalf("%s: counts %v, want %d articles with their facts once", s.name, got, s.articles)
		}
	}
	recs, err := c.Read(ctx, graph.Statement{Name: "ids", Text: `MATCH (a:Article) RETURN a.id AS id ORDER BY id`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.Values[0].(string))
	}
	if strings.Join(ids, ",") != "a1-moved,a2" {
		t.Fatalf("articles %v, want a1-moved,a2", ids)
	}
}
