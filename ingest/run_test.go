package ingest_test

import (
	"context"
	"errors"
	"io"
	"maps"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
)

func TestMain(m *testing.M) { graphtest.Main(m) }

func pipeline(t *testing.T) (*extract.Extractor, *lexicon.Lexicon) {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.Load(lex, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x, lex
}

func run(t *testing.T, c *graph.Client, paths ...string) ingest.Summary {
	t.Helper()
	x, lex := pipeline(t)
	var w ingest.Writer
	if c != nil {
		w = c
	}
	sum, err := ingest.Run(context.Background(), func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, paths, ingest.SourceOptions{}, emit)
	}, x, lex, w, ingest.Options{Workers: 2, DryRun: c == nil, ExtractorVersion: "test"})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

func seeds() string { return filepath.Join("..", "testdata", "seeds") }

func TestIngestSeeds(t *testing.T) {
	c := graphtest.Client(t)
	sum := run(t, c, seeds())
	if sum.Seen != 3 || sum.New != 3 || sum.Failed != 0 || sum.Relations == 0 {
		t.Fatalf("summary = %+v", sum)
	}
	first := graphtest.Counts(t, c)

	// Facts of the seed articles, through the real extractor and writer.
	facts := []struct{ name, query string }{
		{"USA-MET_WITH-IRN on 2014-06-16 from 000", `MATCH (:Country {code:'USA'})-[r:MET_WITH]-(:Country {code:'IRN'})
			WHERE r.article_id = '000' AND r.date = date('2014-06-16') RETURN count(r)`},
		{"IRN-DEPLOYED_TO->IRQ from 003", `MATCH (:Country {code:'IRN'})-[r:DEPLOYED_TO]->(:Country {code:'IRQ'})
			WHERE r.article_id = '003' RETURN count(r)`},
		{"USA-ACCUSED->IRN on 2007-03-10 from 004", `MATCH (:Country {code:'USA'})-[r:ACCUSED]->(:Country {code:'IRN'})
			WHERE r.article_id = '004' AND r.date = date('2007-03-10') RETURN count(r)`},
		{"the Baghdad conference of 004 as a Meeting attended by USA and IRN, held in Baghdad (from the headline)", `MATCH (:Article {id:'004'})-[:REPORTS]->(m:Meeting {name:'conference'})
			WHERE m.date = date('2007-03-10') AND (:Country {code:'USA'})-[:ATTENDED]->(m) AND (:Country {code:'IRN'})-[:ATTENDED]->(m)
			  AND m.place = 'Baghdad' AND (m)-[:HELD_IN]->(:Place {name:'Baghdad'})-[:IN]->(:Country {code:'IRQ'})
			RETURN count(m)`},
		{"William Hague represents GBR", `MATCH (:Person {name:'William Hague'})-[:REPRESENTS]->(:Country {code:'GBR'}) RETURN count(*)`},
		{"every article mentions its actors", `MATCH (a:Article)-[:MENTIONS]->(:Country) RETURN count(DISTINCT a) / 3`},
	}
	for _, f := range facts {
		recs, err := c.Read(context.Background(), graph.Statement{Name: "fact", Text: f.query}, nil)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if n, _ := recs[0].Values[0].(int64); n < 1 {
			t.Errorf("missing fact: %s", f.name)
		}
	}

	// Every relation between actors carries its provenance.
	recs, err := c.Read(context.Background(), graph.Statement{Name: "provenance", Text: `
MATCH (:Actor)-[r]->(:Actor)
WHERE type(r) <> 'ALIGNMENT'
RETURN count(r) AS all,
       count(CASE WHEN r.article_id IS NULL OR r.sentence IS NULL OR r.sentence = '' OR r.date IS NULL OR r.date_precision IS NULL
                    OR NOT EXISTS { MATCH (:Article {id: r.article_id}) } THEN 1 END) AS missing`}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if all, missing := recs[0].Values[0].(int64), recs[0].Values[1].(int64); all == 0 || missing != 0 {
		t.Fatalf("%d of %d relations lack provenance", missing, all)
	}

	// Ingesting again changes nothing.
	again := run(t, c, seeds())
	if again.Unchanged != 3 || again.New+again.Updated+again.Failed != 0 {
		t.Fatalf("second run = %+v", again)
	}
	if second := graphtest.Counts(t, c); !maps.Equal(first, second) {
		t.Fatalf("second run changed the graph:\n%v\n%v", first, second)
	}
}

func TestIngestFailureIsolatedAndChangedArticleReplaced(t *testing.T) {
	c := graphtest.Client(t)
	dir := t.TempDir()
	good := "---\nid: g1\npublished: 2014-06-16\n---\nBritish Foreign Secretary William Hague met Iranian Foreign Minister Mohammad Javad Zarif in Vienna on Monday.\n"
	os.WriteFile(filepath.Join(dir, "g1.md"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\nid: b1\npublished: someday\n---\nIran warned Iraq.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), []byte("---\nid: e1\n---\n"), 0o644)

	sum := run(t, c, dir)
	if sum.Seen != 3 || sum.New != 1 || sum.Failed != 2 || len(sum.Failures) != 2 {
		t.Fatalf("summary = %+v", sum)
	}
	for _, f := range sum.Failures {
		if !strings.Contains(f.Error, "bad.md:3") && !strings.Contains(f.Error, "empty.md") {
			t.Errorf("failure does not name its file and line: %+v", f)
		}
	}
	before := graphtest.Counts(t, c)
	if before["Article"] != 1 || before["MET_WITH"] != 1 {
		t.Fatalf("graph after partial run: %v", before)
	}

	// New text under the same id: the old facts are replaced.
	changed := strings.Replace(good, "met Iranian Foreign Minister Mohammad Javad Zarif in Vienna", "warned Iran", 1)
	os.WriteFile(filepath.Join(dir, "g1.md"), []byte(changed), 0o644)
	sum = run(t, c, filepath.Join(dir, "g1.md"))
	if sum.Updated != 1 {
		t.Fatalf("summary = %+v", sum)
	}
	after := graphtest.Counts(t, c)
	if after["Article"] != 1 || after["MET_WITH"] != 0 || after["Meeting"] != 0 {
		t.Fatalf("old facts survived the update: %v", after)
	}
}

func TestIngestDryRunWritesNothing(t *testing.T) {
	c := graphtest.Client(t)
	sum := run(t, nil, seeds())
	if sum.Extracted != 3 || sum.Relations == 0 || sum.New != 0 {
		t.Fatalf("dry run summary = %+v", sum)
	}
	if n := graphtest.Counts(t, c); len(n) != 0 {
		t.Fatalf("dry run wrote %v", n)
	}
}

// The database goes away in the middle of a run: the run stops with
// ErrUnavailable instead of failing every remaining article.
func TestIngestDatabaseUnreachable(t *testing.T) {
	graphtest.Client(t) // an empty graph
	cfg := graphtest.Config(t)
	p := newProxy(t, strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "bolt://"), "neo4j://"))
	cfg.URI = "bolt://" + p.addr()
	cfg.MaxRetryTime = 2 * time.Second
	c, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())

	x, lex := pipeline(t)
	first := true
	sum, err := ingest.Run(context.Background(), func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, []string{seeds()}, ingest.SourceOptions{}, emit)
	}, x, lex, c, ingest.Options{Workers: 1, BatchSize: 1, ExtractorVersion: "test", Progress: func(ingest.Summary) {
		if first {
			p.close() // the server is gone after the first article
			first = false
		}
	}})
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable; summary %+v", err, sum)
	}
}

// proxy forwards TCP connections to a backend until closed.
type proxy struct {
	l     net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func newProxy(t *testing.T, backend string) *proxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l}
	t.Cleanup(p.close)
	go func() {
		for {
			in, err := l.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", backend)
			if err != nil {
				in.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, in, out)
			p.mu.Unlock()
			go func() { io.Copy(out, in); out.Close() }()
			go func() { io.Copy(in, out); in.Close() }()
		}
	}()
	return p
}

func (p *proxy) addr() string { return p.l.Addr().String() }

func (p *proxy) close() {
	p.l.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}
