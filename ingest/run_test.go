package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/relation"
)

func TestMain(m *testing.M) { graphtest.Main(m) }

// pipeline is the built-in extractor and lexicon, loaded once for all the
// package's tests (loading takes a second or more under the race
// detector); an Extractor is safe for concurrent use.
func pipeline(t *testing.T) (*extract.Extractor, *lexicon.Lexicon) {
	t.Helper()
	loaded.once.Do(func() {
		loaded.lex, loaded.err = lexicon.Default()
		if loaded.err == nil {
			loaded.x, loaded.err = extract.Load(loaded.lex, extract.Options{})
		}
	})
	if loaded.err != nil {
		t.Fatal(loaded.err)
	}
	return loaded.x, loaded.lex
}

var loaded struct {
	once sync.Once
	x    *extract.Extractor
	lex  *lexicon.Lexicon
	err  error
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
WHERE type(r) IN $types
RETURN count(r) AS all,
       count(CASE WHEN r.article_id IS NULL OR r.sentence IS NULL OR r.sentence = '' OR r.date IS NULL OR r.date_precision IS NULL
                    OR NOT EXISTS { MATCH (:Article {id: r.article_id}) } THEN 1 END) AS missing`}, map[string]any{"types": relation.Types})
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

// fakeWriter stands for the database in tests that need none: it records
// what it is given and answers with write (default: every article new).
type fakeWriter struct {
	mu     sync.Mutex
	calls  int
	facts  []graph.ArticleFacts
	before func(call int) // called first in each call, outside mu
	write  func(call int, fs []graph.ArticleFacts) ([]graph.Outcome, error)
}

func (w *fakeWriter) WriteArticles(ctx context.Context, fs []graph.ArticleFacts) ([]graph.Outcome, error) {
	w.mu.Lock()
	w.calls++
	call := w.calls
	w.mu.Unlock()
	if w.before != nil {
		w.before(call)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.facts = append(w.facts, fs...)
	if w.write != nil {
		return w.write(call, fs)
	}
	outs := make([]graph.Outcome, len(fs))
	for i := range outs {
		outs[i] = graph.New
	}
	return outs, nil
}

// items is a Source of articles given in memory; done, if set, is closed
// when all are emitted.
func items(as []article.Article, done chan struct{}) ingest.Source {
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		if done != nil {
			defer close(done)
		}
		for _, a := range as {
			if err := emit(ingest.Item{Article: a, Origin: a.Origin}); err != nil {
				return err
			}
		}
		return nil
	}
}

func testArticle(i int) article.Article {
	return article.Article{ID: fmt.Sprintf("a%d", i), Origin: fmt.Sprintf("dir/a%d.md", i), Published: time.Date(2014, 6, 16, 0, 0, 0, 0, time.UTC),
		Text: "British Foreign Secretary William Hague met Iranian Foreign Minister Mohammad Javad Zarif in Vienna on Monday."}
}

// An article without a published date fails, naming its file, unless
// undated articles are allowed.
func TestRunUndatedArticle(t *testing.T) {
	x, lex := pipeline(t)
	undated := testArticle(1)
	undated.Published = time.Time{}
	for _, c := range []struct {
		name  string
		allow bool
		fail  string
	}{
		{"refused", false, "dir/a1.md: no published date: give one in front matter, with --published, or allow undated articles with ingest.allow_undated"},
		{"allowed", true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := &fakeWriter{}
			sum, err := ingest.Run(context.Background(), items([]article.Article{testArticle(0), undated}, nil), x, lex, w,
				ingest.Options{Workers: 1, ExtractorVersion: "test", AllowUndated: c.allow})
			if err != nil {
				t.Fatal(err)
			}
			if c.fail == "" {
				if sum.New != 2 || sum.Failed != 0 || len(w.facts) != 2 {
					t.Fatalf("summary %+v, %d written; want both new", sum, len(w.facts))
				}
				return
			}
			if sum.New != 1 || sum.Failed != 1 || len(sum.Failures) != 1 || sum.Failures[0].Error != c.fail || sum.Failures[0].Count != 1 {
				t.Fatalf("summary %+v; want a1 failed with %q", sum, c.fail)
			}
			if len(w.facts) != 1 || w.facts[0].Article.ID != "a0" {
				t.Fatalf("written %+v, want a0 only", w.facts)
			}
		})
	}
}

// refreshingWriter is a fakeWriter with derived data to refresh after a
// run (as graph.Client's SHIFT markers).
type refreshingWriter struct {
	fakeWriter
	refreshes int   // RefreshShifts calls
	writesAt  int   // WriteArticles calls made when RefreshShifts was last called
	err       error // what RefreshShifts returns
}

func (w *refreshingWriter) RefreshShifts(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.refreshes++
	w.writesAt = w.calls
	return w.err
}

// A run refreshes the writer's derived data once, after its last batch;
// not after an interrupt (the next run does it); a refresh that fails
// fails the run, its articles counted as written.
func TestRunRefreshesShifts(t *testing.T) {
	x, lex := pipeline(t)
	arts := []article.Article{testArticle(0), testArticle(1), testArticle(2)}
	for _, c := range []struct {
		name          string
		cancel, fail  bool
		wantRefreshes int
		wantErr       string
	}{
		{"after the last batch", false, false, 1, ""},
		{"not after an interrupt", true, false, 0, "context canceled"},
		{"its failure fails the run", false, true, 1, "after the last batch: database gone"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := &refreshingWriter{}
			if c.fail {
				w.err = errors.New("database gone")
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if c.cancel {
				w.before = func(int) { cancel() }
			}
			sum, err := ingest.Run(ctx, items(arts, nil), x, lex, w, ingest.Options{Workers: 1, ExtractorVersion: "test", BatchSize: 1})
			if c.wantErr == "" && err != nil || c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("Run error %v, want %q", err, c.wantErr)
			}
			if w.refreshes != c.wantRefreshes {
				t.Fatalf("%d refreshes, want %d", w.refreshes, c.wantRefreshes)
			}
			if c.wantRefreshes > 0 && (w.writesAt != w.calls || w.calls != 3 || sum.New != 3) {
				t.Fatalf("refreshed after %d of %d writes; summary %+v", w.writesAt, w.calls, sum)
			}
		})
	}
}

// Reextract asks the writer to replace every article, unchanged or not.
func TestRunReextract(t *testing.T) {
	x, lex := pipeline(t)
	for _, re := range []bool{false, true} {
		w := &fakeWriter{}
		if _, err := ingest.Run(context.Background(), items([]article.Article{testArticle(0), testArticle(1)}, nil), x, lex, w,
			ingest.Options{Workers: 1, ExtractorVersion: "test", Reextract: re}); err != nil {
			t.Fatal(err)
		}
		for _, f := range w.facts {
			if f.Replace != re {
				t.Errorf("Reextract %v: article %s has Replace %v", re, f.Article.ID, f.Replace)
			}
		}
	}
}

// Two ingests of the same files at once (two processes, two connections)
// both succeed: no false failures, each article once in the graph.
func TestIngestConcurrentSameFiles(t *testing.T) {
	x, lex := pipeline(t)
	for round := range 3 {
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) {
			c1 := graphtest.Client(t)
			c2, err := graph.Open(context.Background(), graphtest.Config(t))
			if err != nil {
				t.Fatal(err)
			}
			defer c2.Close(context.Background())
			var wg sync.WaitGroup
			sums := make([]ingest.Summary, 2)
			errs := make([]error, 2)
			start := make(chan struct{})
			for i, c := range []*graph.Client{c1, c2} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					sums[i], errs[i] = ingest.Run(context.Background(), func(ctx context.Context, emit func(ingest.Item) error) error {
						return ingest.Read(ctx, []string{seeds()}, ingest.SourceOptions{}, emit)
					}, x, lex, c, ingest.Options{Workers: 1, BatchSize: 1 + round, ExtractorVersion: "test"})
				}()
			}
			close(start)
			wg.Wait()
			for i := range sums {
				if errs[i] != nil || sums[i].Failed != 0 || sums[i].New+sums[i].Updated+sums[i].Unchanged != 3 {
					t.Errorf("ingest %d: %v, summary %+v", i, errs[i], sums[i])
				}
			}
			if n := graphtest.Counts(t, c1)["Article"]; n != 3 {
				t.Fatalf("%d articles, want 3", n)
			}
		})
	}
}

// The progress reported counts only finished articles: never more written
// than the writer has acknowledged, never more finished than seen, and all
// of them finished in the last report, so that a display reaches 100% when
// the writes are done, not when the last article is read. The first write
// waits until the run has seen every article (the last one fails before any
// write), so that Seen runs ahead of the writes; one batch holds them all,
// so that the run is never blocked on the waiting writer.
func TestRunProgressCountsFinishedArticles(t *testing.T) {
	x, lex := pipeline(t)
	const n = 12
	bad := errors.New("constraint violated")
	for _, tt := range []struct {
		name string
		// outcome answers for one article; an error fails the call.
		outcome              func(id string) (graph.Outcome, error)
		new, unchanged, fail int
	}{
		{"all new", func(string) (graph.Outcome, error) { return graph.New, nil }, n - 1, 0, 1},
		{"some unchanged", func(id string) (graph.Outcome, error) {
			if id == "a2" || id == "a7" {
				return graph.Unchanged, nil
			}
			return graph.New, nil
		}, n - 3, 2, 1},
		{"a bad article fails its batch, then alone", func(id string) (graph.Outcome, error) {
			if id == "a4" {
				return "", bad
			}
			return graph.New, nil
		}, n - 2, 0, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			as := make([]article.Article, n)
			for i := range as {
				as[i] = testArticle(i)
			}
			as[n-1].ID = ""    // fails in extraction, without a write
			var acked sync.Map // ids the writer has stored and answered for
			ackedCount := func() int {
				c := 0
				acked.Range(func(any, any) bool { c++; return true })
				return c
			}
			allRead := make(chan struct{})
			w := &fakeWriter{
				before: func(call int) {
					if call == 1 {
						<-allRead
					}
				},
				write: func(_ int, fs []graph.ArticleFacts) ([]graph.Outcome, error) {
					outs := make([]graph.Outcome, len(fs))
					for i, f := range fs {
						o, err := tt.outcome(f.Article.ID)
						if err != nil {
							return nil, fmt.Errorf("graph: article %s: %w", f.Article.ID, err)
						}
						outs[i] = o
					}
					for _, f := range fs {
						acked.Store(f.Article.ID, true)
					}
					return outs, nil
				},
			}
			var reports []ingest.Summary
			once := sync.Once{}
			progress := func(s ingest.Summary) {
				reports = append(reports, s)
				if written := s.New + s.Updated + s.Unchanged; written > ackedCount() {
					t.Errorf("progress reports %d written, the writer acknowledged %d: %+v", written, ackedCount(), s)
				}
				if s.Finished() > s.Seen {
					t.Errorf("progress reports %d finished of %d seen", s.Finished(), s.Seen)
				}
				if s.Seen == n {
					once.Do(func() { close(allRead) })
				}
			}
			sum, err := ingest.Run(context.Background(), items(as, nil), x, lex, w,
				ingest.Options{Workers: 1, BatchSize: 100, ExtractorVersion: "test", Progress: progress})
			if err != nil {
				t.Fatal(err)
			}
			if sum.New != tt.new || sum.Unchanged != tt.unchanged || sum.Failed != tt.fail || sum.Seen != n || sum.Finished() != n {
				t.Fatalf("summary %+v (finished %d); want %d new, %d unchanged, %d failed of %d", sum, sum.Finished(), tt.new, tt.unchanged, tt.fail, n)
			}
			// The extraction failure of the last article was reported
			// while every other article still waited for the writer.
			if len(reports) == 0 || reports[0].Seen != n || reports[0].Finished() != 1 {
				t.Errorf("first report %+v: want all %d seen, 1 finished (the failure)", reports, n)
			}
			last := reports[len(reports)-1]
			if last.Finished() != n || last.Seen != n {
				t.Errorf("last report %+v: want all %d finished", last, n)
			}
			for i := 1; i < len(reports); i++ {
				if reports[i].Finished() < reports[i-1].Finished() {
					t.Errorf("finished went back from %d to %d", reports[i-1].Finished(), reports[i].Finished())
				}
			}
		})
	}
}
