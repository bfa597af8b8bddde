package schedule_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/schedule"
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

// newsSite serves an RSS feed of items, each linking to an HTML page,
// with an ETag that changes when items are added; it counts requests.
type newsSite struct {
	*httptest.Server
	mu       sync.Mutex
	items    []string // page paths
	feedGets atomic.Int32
	feed304  atomic.Int32
	pageGets atomic.Int32
}

const pageText = `<p>Iranian Foreign Minister Javad Zarif met U.S. Secretary of State John Kerry in Vienna on Monday to discuss the nuclear talks, officials said.</p>
<p>The two sides agreed to meet again next month, according to a statement from the Iranian foreign ministry, which described the talks as useful and constructive.</p>
<p>Britain and France supported the talks, and diplomats from both countries said they hoped for progress before the deadline set by the negotiators.</p>`

func newNewsSite(t *testing.T, n int) *newsSite {
	s := &newsSite{}
	for i := range n {
		s.items = append(s.items, fmt.Sprintf("/news/%d", i))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		s.feedGets.Add(1)
		s.mu.Lock()
		items := append([]string(nil), s.items...)
		s.mu.Unlock()
		etag := fmt.Sprintf(`"v%d"`, len(items))
		if r.Header.Get("If-None-Match") == etag {
			s.feed304.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title><link>http://` + r.Host + `/</link>`)
		for i, p := range items {
			fmt.Fprintf(&b, `<item><title>Story %d</title><link>http://%s%s</link><guid>%s</guid><pubDate>Mon, 16 Jun 2014 1%d:00:00 GMT</pubDate></item>`, i, r.Host, p, p, i%10)
		}
		b.WriteString(`</channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		s.pageGets.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>%s</title></head><body><article><h1>Story %s</h1>%s<p>Story id %s.</p></article></body></html>`,
			r.URL.Path, r.URL.Path, pageText, r.URL.Path)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) add(path string) {
	s.mu.Lock()
	s.items = append(s.items, path)
	s.mu.Unlock()
}

func options(site *newsSite, owner string) schedule.Options {
	return schedule.Options{
		Sources: []ingest.SourceConfig{
			{Name: "seeds", Kind: ingest.KindPath, Location: filepath.Join("..", "testdata", "seeds")},
			{Name: "news", Kind: ingest.KindFeed, Location: site.URL + "/rss"},
		},
		Source: ingest.SourceOptions{HTTP: ingest.HTTPOptions{Retries: 1, Backoff: time.Millisecond,
			AllowHosts: []string{"127.0.0.1"}}}, // the test site is on loopback
		Ingest: ingest.Options{Workers: 2, ExtractorVersion: "test"},
		Owner:  owner,
	}
}

func TestOnceIncrementalFeeds(t *testing.T) {
	c := graphtest.Client(t)
	x, lex := pipeline(t)
	site := newNewsSite(t, 3)
	ctx := context.Background()

	rep, err := schedule.Once(ctx, c, x, lex, options(site, "test-a"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != schedule.StatusSucceeded || rep.Summary.New != 6 || rep.Summary.Failed != 0 || rep.Feeds != 1 {
		t.Fatalf("first run: %+v", rep)
	}
	if site.pageGets.Load() != 3 {
		t.Fatalf("first run fetched %d pages, want 3", site.pageGets.Load())
	}
	first := graphtest.Counts(t, c)

	// Unchanged feed: answered 304, no page fetched, nothing written.
	rep, err = schedule.Once(ctx, c, x, lex, options(site, "test-a"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != schedule.StatusSucceeded || rep.Summary.New != 0 || rep.Summary.Unchanged != 3 || site.feed304.Load() != 1 || site.pageGets.Load() != 3 {
		t.Fatalf("second run: %+v; 304s %d, pages %d", rep, site.feed304.Load(), site.pageGets.Load())
	}

	// A new item: the feed is read again, only the new page is fetched.
	site.add("/news/new")
	rep, err = schedule.Once(ctx, c, x, lex, options(site, "test-a"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != schedule.StatusSucceeded || rep.Summary.New != 1 || site.pageGets.Load() != 4 {
		t.Fatalf("third run: %+v; pages fetched %d, want 4", rep, site.pageGets.Load())
	}
	after := graphtest.Counts(t, c)
	if after["Article"] != first["Article"]+1 {
		t.Fatalf("articles %d -> %d, want one more", first["Article"], after["Article"])
	}

	runs, err := c.RecentRuns(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 3 {
		t.Fatalf("%d runs recorded, want 3", len(runs))
	}
	for _, r := range runs {
		if r.Status != schedule.StatusSucceeded || r.Finished.IsZero() || len(r.Sources) != 2 {
			t.Errorf("run %+v", r)
		}
	}
	if runs[2].New != 6 || runs[0].New != 1 || runs[1].Unchanged != 3 {
		t.Errorf("recorded counts: %+v", runs)
	}
}

func TestOnceSkipsWhileLocked(t *testing.T) {
	c := graphtest.Client(t)
	x, lex := pipeline(t)
	site := newNewsSite(t, 1)
	ctx := context.Background()
	if _, ok, err := c.AcquireLock(ctx, schedule.LockName, "other-host:1", time.Minute); err != nil || !ok {
		t.Fatal(ok, err)
	}
	rep, err := schedule.Once(ctx, c, x, lex, options(site, "test-b"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Status != schedule.StatusSkipped || !strings.Contains(rep.Holder, "other-host:1") || rep.Summary.Seen != 0 || site.feedGets.Load() != 0 {
		t.Fatalf("run while locked: %+v", rep)
	}
	runs, err := c.RecentRuns(ctx, 10)
	if err != nil || len(runs) != 1 || runs[0].Status != schedule.StatusSkipped || !strings.Contains(runs[0].Error, "other-host:1") {
		t.Fatalf("recorded: %+v %v", runs, err)
	}
}

func TestTwoRunsAtOnce(t *testing.T) {
	c := graphtest.Client(t)
	x, lex := pipeline(t)
	site := newNewsSite(t, 3)
	var wg sync.WaitGroup
	reps := make([]schedule.Report, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reps[i], errs[i] = schedule.Once(context.Background(), c, x, lex, options(site, fmt.Sprintf("proc-%d", i)))
		}()
	}
	wg.Wait()
	statuses := map[string]int{}
	for i := range 2 {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		statuses[reps[i].Status]++
	}
	if statuses[schedule.StatusSucceeded] != 1 || statuses[schedule.StatusSkipped] != 1 {
		t.Fatalf("statuses %v, want one succeeded and one skipped", statuses)
	}
	if n := graphtest.Counts(t, c)["Article"]; n != 6 {
		t.Fatalf("%d articles, want 6", n)
	}
	if site.pageGets.Load() != 3 {
		t.Fatalf("pages fetched %d times, want 3", site.pageGets.Load())
	}
}

func TestOnceInterrupted(t *testing.T) {
	c := graphtest.Client(t)
	x, lex := pipeline(t)
	site := newNewsSite(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opt := options(site, "test-c")
	opt.Ingest.BatchSize = 1
	opt.Ingest.Progress = func(s ingest.Summary) {
		if s.New >= 1 {
			cancel()
		}
	}
	rep, err := schedule.Once(ctx, c, x, lex, opt)
	if err == nil || rep.Status != schedule.StatusInterrupted {
		t.Fatalf("interrupted run: %+v, %v", rep, err)
	}
	runs, rerr := c.RecentRuns(context.Background(), 1)
	if rerr != nil || len(runs) != 1 || runs[0].Status != schedule.StatusInterrupted || runs[0].Finished.IsZero() {
		t.Fatalf("recorded: %+v %v", runs, rerr)
	}
	// The lock is free again.
	if _, ok, err := c.AcquireLock(context.Background(), schedule.LockName, "next", time.Minute); err != nil || !ok {
		t.Fatalf("lock after an interrupted run: %v %v", ok, err)
	}
	if n := graphtest.Counts(t, c)["Article"]; int(n) != rep.Summary.New {
		t.Fatalf("%d articles in the graph, summary says %d new", n, rep.Summary.New)
	}
}
