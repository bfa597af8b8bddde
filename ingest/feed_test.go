package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
)

// fixture returns a feed of testdata/feeds with {{base}} replaced by the
// base URL of the request.
func fixture(t *testing.T, name string) func(r *http.Request) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return func(r *http.Request) string {
		return strings.ReplaceAll(string(b), "{{base}}", "http://"+r.Host)
	}
}

// feedHandler serves a feed with content type ct and, when etag is set,
// the validators ETag: etag and a Last-Modified, answering 304 to a
// request that presents either.
func feedHandler(ct, etag string, body func(r *http.Request) string) http.HandlerFunc {
	const lastMod = "Tue, 02 Jan 2024 08:00:00 GMT"
	return func(w http.ResponseWriter, r *http.Request) {
		if etag != "" {
			if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
		}
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, body(r))
	}
}

// newsSite serves the feed fixtures and the pages they link to.
func newsSite(t *testing.T, extra map[string]http.HandlerFunc) *site {
	t.Helper()
	pubMeta := func(ts string) string { return `<meta property="article:published_time" content="` + ts + `">` }
	routes := map[string]http.HandlerFunc{
		"/rss":    feedHandler("application/rss+xml", `"rss-1"`, fixture(t, "rss.xml")),
		"/atom":   feedHandler("application/atom+xml; charset=utf-8", "", fixture(t, "atom.xml")),
		"/news/1": serve("text/html", pageHTML("Page one", "", testParagraphs...)),
		"/news/2": serve("text/html", pageHTML("Page two", pubMeta("2024-01-01T15:00:00Z"), testParagraphs...)),
		"/news/3": serve("text/html", pageHTML("Page three", pubMeta("2023-12-31T09:00:00Z"), testParagraphs...)),
		"/atom/1": serve("text/html", pageHTML("Atom one", "", testParagraphs...)),
		"/atom/2": serve("text/html", pageHTML("Atom two", "", testParagraphs...)),
	}
	for p, h := range extra {
		routes[p] = h
	}
	return newSite(t, routes)
}

// readFeed runs ReadFeed and collects what it emits.
func readFeed(t *testing.T, ctx context.Context, u string, opt FeedOptions) ([]Item, FeedState, error) {
	t.Helper()
	var items []Item
	st, err := ReadFeed(ctx, u, opt, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, st, err
}

type wantItem struct {
	path, title string
	published   time.Time
}

func TestReadFeed(t *testing.T) {
	day := func(d, h, m int, loc *time.Location) time.Time { return time.Date(2024, 1, d, h, m, 0, 0, loc) }
	plus2 := time.FixedZone("", 2*3600)
	tests := []struct {
		feed, source string
		want         []wantItem
	}{
		{"/rss", "Test Wire", []wantItem{
			{"/news/1", "Ministers meet in Vienna", day(1, 10, 30, time.UTC)},
			{"/news/2", "Border talks resume", day(1, 15, 0, time.UTC)}, // no item date: the page's
			{"/news/3", "Trade pact signed", day(1, 12, 0, time.UTC)},   // the item's date wins over the page's
		}},
		{"/atom", "Atom Desk", []wantItem{
			{"/atom/1", "Envoys recalled", time.Date(2024, 2, 1, 7, 15, 0, 0, time.UTC)},
			{"/atom/2", "Summit postponed", time.Date(2024, 2, 2, 16, 45, 0, 0, plus2)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.feed, func(t *testing.T) {
			s := newsSite(t, nil)
			items, _, err := readFeed(t, context.Background(), s.URL+tt.feed, FeedOptions{HTTP: fastHTTP()})
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != len(tt.want) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tt.want), items)
			}
			for i, w := range tt.want {
				it := items[i]
				if it.Err != nil {
					t.Errorf("item %d: %v", i, it.Err)
					continue
				}
				a := it.Article
				link := s.URL + w.path
				if a.ID != urlID("feed-", link) || a.URL != link || it.Origin != link || a.Origin != link {
					t.Errorf("item %d: ID %q, URL %q, Origin %q/%q; want %s", i, a.ID, a.URL, it.Origin, a.Origin, link)
				}
				if a.Title != w.title || a.Source != tt.source {
					t.Errorf("item %d: Title %q, Source %q; want %q, %q", i, a.Title, a.Source, w.title, tt.source)
				}
				if !a.Published.Equal(w.published) || a.PublishedPrecision != article.PrecisionSecond {
					t.Errorf("item %d: Published %v (%s), want %v", i, a.Published, a.PublishedPrecision, w.published)
				}
				wantParagraphs(t, a.Text)
				if n := s.count(w.path); n != 1 {
					t.Errorf("%s fetched %d times", w.path, n)
				}
				if ua := s.header(w.path, "User-Agent"); !strings.HasPrefix(ua, "diplograph/") {
					t.Errorf("%s: User-Agent %q", w.path, ua)
				}
			}
			if ua := s.header(tt.feed, "User-Agent"); !strings.HasPrefix(ua, "diplograph/") {
				t.Errorf("feed User-Agent %q", ua)
			}
		})
	}
}

func TestReadFeedSeenItemsSkipped(t *testing.T) {
	s := newsSite(t, nil)
	var mu sync.Mutex
	var asked []string
	seen := func(u string) bool {
		mu.Lock()
		asked = append(asked, u)
		mu.Unlock()
		return u != s.URL+"/news/2"
	}
	items, st, err := readFeed(t, context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP(), Seen: seen, Source: "Wire"})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Err != nil || items[0].Article.URL != s.URL+"/news/2" || items[0].Article.Source != "Wire" {
		t.Fatalf("items = %+v, want only /news/2 from source Wire", items)
	}
	want := []string{s.URL + "/news/1", s.URL + "/news/2", s.URL + "/news/3"}
	if strings.Join(asked, " ") != strings.Join(want, " ") {
		t.Errorf("Seen asked %q, want %q", asked, want)
	}
	for path, n := range map[string]int{"/news/1": 0, "/news/2": 1, "/news/3": 0} {
		if got := s.count(path); got != n {
			t.Errorf("%s fetched %d times, want %d", path, got, n)
		}
	}
	if st.ETag != `"rss-1"` {
		t.Errorf("state = %+v", st)
	}
}

func TestReadFeedNotModified(t *testing.T) {
	s := newsSite(t, nil)
	items, st, err := readFeed(t, context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP()})
	if err != nil || len(items) != 3 {
		t.Fatalf("first run: %d items, %v", len(items), err)
	}
	want := FeedState{ETag: `"rss-1"`, LastModified: "Tue, 02 Jan 2024 08:00:00 GMT"}
	if st != want {
		t.Fatalf("state = %+v, want %+v", st, want)
	}
	for _, prev := range []FeedState{want, {ETag: want.ETag}, {LastModified: want.LastModified}} {
		items, st, err = readFeed(t, context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP(), State: prev})
		if err != nil || len(items) != 0 || st != prev {
			t.Errorf("run with %+v: %d items, state %+v, %v; want nothing and the same state", prev, len(items), st, err)
		}
		if got := s.header("/rss", "If-None-Match"); got != prev.ETag {
			t.Errorf("If-None-Match = %q, want %q", got, prev.ETag)
		}
	}
	for _, p := range []string{"/news/1", "/news/2", "/news/3"} {
		if n := s.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	// A changed feed (other ETag) is read again.
	items, st, err = readFeed(t, context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP(), State: FeedState{ETag: `"rss-0"`}})
	if err != nil || len(items) != 3 || st != want {
		t.Errorf("run with an old ETag: %d items, state %+v, %v", len(items), st, err)
	}
}

func TestReadFeedFailures(t *testing.T) {
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		requests int
		is       error
		inMsg    string
	}{
		{"500 retried", sequence(nil, 500), 3, nil, "500 Internal Server Error after 3 attempts"},
		{"404 not retried", sequence(nil, 404), 1, nil, "404 Not Found"},
		{"garbage", serve("application/rss+xml", "this is not a feed \x00\x01"), 1, ErrNotFeed, "not an RSS, Atom or JSON feed"},
		{"html page", serve("text/html", pageHTML("A page", "", testParagraphs...)), 1, ErrNotFeed, "text/html"},
		{"empty", serve("text/xml", ""), 1, ErrNotFeed, ""},
		{"broken xml", serve("text/xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>`), 1, ErrNotFeed, ""},
		{"too large", serve("text/xml", strings.Repeat("<!-- padding -->", 100)), 1, ErrBodyTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, map[string]http.HandlerFunc{"/feed": tt.handler})
			u := s.URL + "/feed"
			opt := FeedOptions{HTTP: fastHTTP(), State: FeedState{ETag: `"old"`}}
			opt.HTTP.Retries = 2
			opt.HTTP.MaxBytes = 1000
			items, st, err := readFeed(t, context.Background(), u, opt)
			if err == nil {
				t.Fatalf("ReadFeed emitted %+v and returned no error", items)
			}
			if !strings.Contains(err.Error(), u) || !strings.Contains(err.Error(), tt.inMsg) {
				t.Errorf("error = %q, want it to name %s and contain %q", err, u, tt.inMsg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error = %v, want errors.Is %v", err, tt.is)
			}
			if len(items) != 0 || st != opt.State {
				t.Errorf("emitted %d items, state %+v; want none and the old state", len(items), st)
			}
			if n := s.count("/feed"); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
		})
	}
}

// itemsFeed returns an RSS feed with the given <item> elements.
func itemsFeed(items ...string) func(*http.Request) string {
	return func(r *http.Request) string {
		base := "http://" + r.Host
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Inline</title>` +
			strings.ReplaceAll(strings.Join(items, ""), "{{base}}", base) + `</channel></rss>`
	}
}

func TestReadFeedPageFailures(t *testing.T) {
	long := strings.Repeat("The two governments signed a long agreement on trade and transit. ", 4) // > 200 characters
	longHTML := "&lt;p&gt;" + long + "&lt;/p&gt;"
	item := func(path, desc string) string {
		return `<item><title>T` + path + `</title><link>{{base}}` + path + `</link><description>` + desc + `</description></item>`
	}
	tests := []struct {
		name string
		page http.HandlerFunc
		desc string
		// want: "" for the page text, "desc" for the description, else an error substring.
		want string
	}{
		// The page never answers (slow returns only when the client gives
		// up), so ReadFeed returns only if the page timeout is honoured.
		{"timeout, short description", slow(time.Hour), "Short teaser.", "no complete response within 30ms"},
		{"timeout, long description", slow(time.Hour), longHTML, "desc"},
		{"404, long content", http.NotFound, longHTML, "desc"},
		{"404, no description", http.NotFound, "", "404 Not Found"},
		{"not html, long description", serve("application/pdf", "%PDF"), longHTML, "desc"},
		{"no text, short description", serve("text/html", "<html><body><nav>Home</nav></body></html>"), "Teaser", "no article text found"},
		{"page ok", serve("text/html", pageHTML("P", "", testParagraphs...)), longHTML, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, map[string]http.HandlerFunc{
				"/feed": feedHandler("text/xml", `"e1"`, itemsFeed(item("/p", tt.desc))),
				"/p":    tt.page,
			})
			opt := FeedOptions{HTTP: fastHTTP(), State: FeedState{ETag: `"e0"`}}
			if strings.HasPrefix(tt.name, "timeout") {
				opt.HTTP.Timeout = 30 * time.Millisecond
			}
			opt.HTTP.Retries = 1
			// A guard against hangs, not a speed check: the minute is
			// only reached when a timeout is ignored.
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			type result struct {
				items []Item
				st    FeedState
				err   error
			}
			done := make(chan result, 1)
			go func() {
				items, st, err := readFeed(t, ctx, s.URL+"/feed", opt)
				done <- result{items, st, err}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(time.Minute):
				cancel() // lets the handler and the server's Close return
				t.Fatal("ReadFeed has not returned after a minute: a page timeout is not honoured")
			}
			items, st, err := r.items, r.st, r.err
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != 1 {
				t.Fatalf("%d items, want 1", len(items))
			}
			it := items[0]
			link := s.URL + "/p"
			switch tt.want {
			case "":
				if it.Err != nil {
					t.Fatal(it.Err)
				}
				wantParagraphs(t, it.Article.Text)
			case "desc":
				if it.Err != nil {
					t.Fatal(it.Err)
				}
				if it.Article.Text != strings.TrimSpace(long) || it.Article.URL != link || it.Article.Title != "T/p" {
					t.Errorf("article = %+v, want the description as text", it.Article)
				}
			default:
				if it.Err == nil || !strings.Contains(it.Err.Error(), link) || !strings.Contains(it.Err.Error(), tt.want) {
					t.Errorf("item error = %v, want one naming %s and containing %q", it.Err, link, tt.want)
				}
				if it.Origin != link {
					t.Errorf("Origin = %q", it.Origin)
				}
				// The run must read the feed again to retry the item.
				if st != opt.State {
					t.Errorf("state = %+v after a failed item, want the old %+v", st, opt.State)
				}
				return
			}
			if st.ETag != `"e1"` {
				t.Errorf("state = %+v, want the new ETag", st)
			}
		})
	}
}

func TestReadFeedSkipPages(t *testing.T) {
	s := newsSite(t, nil)
	items, _, err := readFeed(t, context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP(), SkipPages: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	feedDate := time.Date(2024, 1, 2, 8, 0, 0, 0, time.UTC)
	if a := items[0].Article; items[0].Err != nil || a.Text != "Short teaser." {
		t.Errorf("item 0 = %+v, %v", a, items[0].Err)
	}
	if a := items[1].Article; items[1].Err != nil || a.Text != "Another short teaser." || !a.Published.Equal(feedDate) {
		t.Errorf("item 1 = %+v, %v; want the feed's date %v", a, items[1].Err, feedDate)
	}
	if err := items[2].Err; err == nil || !strings.Contains(err.Error(), s.URL+"/news/3: no text in the feed item") {
		t.Errorf("item 2 error = %v", err)
	}
	for _, p := range []string{"/news/1", "/news/2", "/news/3"} {
		if n := s.count(p); n != 0 {
			t.Errorf("%s fetched %d times with SkipPages", p, n)
		}
	}
}

func TestReadFeedDuplicateAndLinklessItems(t *testing.T) {
	long := strings.Repeat("Envoys met to discuss the treaty. ", 8)
	s := newsSite(t, map[string]http.HandlerFunc{
		"/feed": feedHandler("application/rss+xml", "", itemsFeed(
			`<item><title>One</title><link>{{base}}/news/1</link></item>`,
			`<item><title>One again</title><link>{{base}}/news/1</link></item>`,
			`<item><title>By GUID</title><guid>{{base}}/news/2</guid></item>`,
			`<item><title>No link</title><guid isPermaLink="false">g-42</guid><description>`+long+`</description></item>`,
			`<item><title>Nothing</title></item>`,
		)),
	})
	u := s.URL + "/feed"
	items, _, err := readFeed(t, context.Background(), u, FeedOptions{HTTP: fastHTTP()})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 {
		t.Fatalf("%d items, want 4: %+v", len(items), items)
	}
	if a := items[0].Article; a.URL != s.URL+"/news/1" || a.Title != "One" {
		t.Errorf("item 0 = %+v", a)
	}
	if a := items[1].Article; a.URL != s.URL+"/news/2" || a.ID != urlID("feed-", s.URL+"/news/2") {
		t.Errorf("item 1 = %+v, want the GUID as link", a)
	}
	if a := items[2].Article; items[2].Err != nil || a.URL != "" || a.ID != urlID("feed-", u+" g-42") ||
		a.Text != strings.TrimSpace(long) || items[2].Origin != u+" item 4" || a.Source != "Inline" {
		t.Errorf("item 2 = %+v, %v", a, items[2].Err)
	}
	if err := items[3].Err; err == nil || !strings.Contains(err.Error(), `item "Nothing": no link and no text`) {
		t.Errorf("item 3 error = %v", err)
	}
	if n := s.count("/news/1"); n != 1 {
		t.Errorf("/news/1 fetched %d times", n)
	}
}

func TestReadFeedCancelled(t *testing.T) {
	started := make(chan struct{}, 10)
	s := newsSite(t, map[string]http.HandlerFunc{
		"/news/1": func(w http.ResponseWriter, r *http.Request) {
			started <- struct{}{}
			slow(10*time.Second)(w, r)
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-started
		cancel()
	}()
	opt := FeedOptions{HTTP: HTTPOptions{Timeout: 10 * time.Second, Backoff: 10 * time.Second, AllowHosts: testAllow}}
	start := time.Now()
	items, _, err := readFeed(t, ctx, s.URL+"/rss", opt)
	if d := time.Since(start); d > time.Second {
		t.Errorf("ReadFeed returned after %v", d)
	}
	if !errors.Is(err, context.Canceled) || len(items) != 0 {
		t.Errorf("ReadFeed = %d items, %v; want none and context.Canceled", len(items), err)
	}
	if n := s.count("/news/1"); n != 1 {
		t.Errorf("/news/1 requested %d times, want 1", n)
	}
}

func TestReadFeedEmitError(t *testing.T) {
	s := newsSite(t, nil)
	stop := errors.New("stop")
	n := 0
	_, err := ReadFeed(context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP()}, func(Item) error {
		n++
		return stop
	})
	// The other pages may have been fetched meanwhile, but are not emitted.
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ReadFeed = %v after %d emits, want the emit error after 1", err, n)
	}
}

func TestReadURL(t *testing.T) {
	s := newsSite(t, map[string]http.HandlerFunc{
		"/rss-as-html": feedHandler("text/html", "", fixture(t, "rss.xml")),
		"/text":        serve("text/plain", "just text"),
		"/missing":     http.NotFound,
	})
	tests := []struct {
		path   string
		n      int
		prefix string // of the first item's ID; "" for an error item
		inErr  string
	}{
		{"/rss", 3, "feed-", ""},
		{"/atom", 2, "feed-", ""},
		{"/rss-as-html", 3, "feed-", ""},
		{"/news/1", 1, "web-", ""},
		{"/missing", 1, "", "404 Not Found"},
		{"/text", 1, "", "neither a feed nor an HTML page"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			u := s.URL + tt.path
			var items []Item
			_, err := ReadURL(context.Background(), u, FeedOptions{HTTP: fastHTTP()}, func(it Item) error {
				items = append(items, it)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != tt.n {
				t.Fatalf("%d items, want %d", len(items), tt.n)
			}
			it := items[0]
			if tt.prefix == "" {
				if it.Err == nil || it.Origin != u || !strings.Contains(it.Err.Error(), u) || !strings.Contains(it.Err.Error(), tt.inErr) {
					t.Errorf("item = %+v, want an error naming %s and containing %q", it, u, tt.inErr)
				}
				return
			}
			if it.Err != nil || !strings.HasPrefix(it.Article.ID, tt.prefix) {
				t.Errorf("item = %+v, want an article with ID prefix %q", it, tt.prefix)
			}
		})
	}
	// Conditional: the state of a feed read by ReadURL makes the next
	// read a 304.
	st, err := ReadURL(context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP()}, func(Item) error { return nil })
	if err != nil || st.ETag == "" {
		t.Fatalf("state %+v, %v", st, err)
	}
	n := 0
	st2, err := ReadURL(context.Background(), s.URL+"/rss", FeedOptions{HTTP: fastHTTP(), State: st}, func(Item) error { n++; return nil })
	if err != nil || n != 0 || st2 != st {
		t.Errorf("second read: %d items, state %+v, %v", n, st2, err)
	}
	// A cancelled context is returned, not emitted.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadURL(ctx, s.URL+"/rss", FeedOptions{HTTP: fastHTTP()}, func(Item) error { n++; return nil }); !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("cancelled: %v, %d items", err, n)
	}
}

// TestReadFeedBudget: a feed whose pages never answer is stopped by its
// time budget; the items not read fail with an error naming the feed and
// the run goes on (ReadFeed returns no error, the old state is kept).
func TestReadFeedBudget(t *testing.T) {
	hang := func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	s := newSite(t, map[string]http.HandlerFunc{
		"/feed": feedHandler("text/xml", `"e1"`, itemsFeed(
			`<item><title>A</title><link>{{base}}/a</link></item>`,
			`<item><title>B</title><link>{{base}}/b</link></item>`,
			`<item><title>C</title><link>{{base}}/c</link></item>`,
			`<item><title>D</title><link>{{base}}/d</link></item>`,
			`<item><title>E</title><link>{{base}}/e</link></item>`,
			`<item><title>F</title><link>{{base}}/f</link></item>`,
		)),
		"/a": hang, "/b": hang, "/c": hang, "/d": hang, "/e": hang, "/f": hang,
	})
	u := s.URL + "/feed"
	opt := FeedOptions{HTTP: fastHTTP(), State: FeedState{ETag: `"e0"`}}
	opt.HTTP.Timeout = time.Hour // only the budget can end the pages
	opt.HTTP.FeedBudget = 200 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		items []Item
		st    FeedState
		err   error
	}
	done := make(chan result, 1)
	go func() {
		items, st, err := readFeed(t, ctx, u, opt)
		done <- result{items, st, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute): // a guard against hangs, not a speed check
		cancel()
		t.Fatal("ReadFeed has not returned after a minute: the feed budget is not honoured")
	}
	if r.err != nil {
		t.Fatalf("ReadFeed = %v, want the items to fail alone", r.err)
	}
	if len(r.items) != 6 {
		t.Fatalf("%d items, want 6", len(r.items))
	}
	for i, it := range r.items {
		link := s.URL + "/" + string(rune('a'+i))
		if it.Origin != link || !errors.Is(it.Err, ErrFeedBudget) || !strings.Contains(it.Err.Error(), u) ||
			!strings.Contains(it.Err.Error(), "time budget of 200ms") {
			t.Errorf("item %d = %+v, want ErrFeedBudget naming %s", i, it, u)
		}
	}
	if r.st != opt.State {
		t.Errorf("state = %+v, want the old one", r.st)
	}
}

// TestReadFeedPagesConcurrent: the pages of a feed are fetched a few at
// a time, at most PerHost to one host and Concurrency in all, and the
// items are emitted in feed order whatever order the pages end in. The
// feed's items alternate between two host names of the test server.
func TestReadFeedPagesConcurrent(t *testing.T) {
	var mu sync.Mutex
	inflight, maxIn := map[string]int{}, map[string]int{}
	total, maxTotal := 0, 0
	paired := map[string]chan struct{}{"127.0.0.1": make(chan struct{}), "localhost": make(chan struct{})}
	page := func(w http.ResponseWriter, r *http.Request) {
		host, _, _ := net.SplitHostPort(r.Host)
		mu.Lock()
		inflight[host]++
		total++
		maxIn[host] = max(maxIn[host], inflight[host])
		maxTotal = max(maxTotal, total)
		if inflight[host] == 2 {
			select {
			case <-paired[host]:
			default:
				close(paired[host])
			}
		}
		mu.Unlock()
		defer func() {
			mu.Lock()
			inflight[host]--
			total--
			mu.Unlock()
		}()
		// The first pages of each host wait until two requests to that
		// host are under way: with pages read one by one, they never are.
		// The wait is bounded so that a failure does not hang the test.
		select {
		case <-paired[host]:
		case <-time.After(20 * time.Second):
		case <-r.Context().Done():
			return
		}
		// Later items answer first, so that order is up to ReadFeed.
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p"))
		time.Sleep(time.Duration(8-n) * 5 * time.Millisecond)
		serve("text/html", pageHTML("P"+r.URL.Path, "", testParagraphs...))(w, r)
	}
	routes := map[string]http.HandlerFunc{}
	var entries []string
	for i := 1; i <= 8; i++ {
		p := "/p" + strconv.Itoa(i)
		routes[p] = page
		host := "127.0.0.1"
		if i%2 == 0 {
			host = "localhost"
		}
		entries = append(entries, `<item><title>T`+p+`</title><link>http://`+host+`:{{port}}`+p+`</link></item>`)
	}
	routes["/feed"] = feedHandler("text/xml", "", func(r *http.Request) string {
		_, port, _ := net.SplitHostPort(r.Host)
		return strings.ReplaceAll(itemsFeed(entries...)(r), "{{port}}", port)
	})
	s := newSite(t, routes)
	opt := FeedOptions{HTTP: fastHTTP()}
	opt.HTTP.AllowHosts = []string{"127.0.0.1", "localhost"}
	opt.HTTP.Timeout = time.Minute
	opt.HTTP.Concurrency, opt.HTTP.PerHost = 3, 2
	items, _, err := readFeed(t, context.Background(), s.URL+"/feed", opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 8 {
		t.Fatalf("%d items, want 8", len(items))
	}
	for i, it := range items {
		if it.Err != nil || !strings.HasSuffix(it.Article.URL, "/p"+strconv.Itoa(i+1)) {
			t.Errorf("item %d = %s, %v; want /p%d: items in feed order", i, it.Article.URL, it.Err, i+1)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for host, n := range maxIn {
		if n != 2 {
			t.Errorf("%s: at most %d requests at once, want 2 (PerHost)", host, n)
		}
	}
	if maxTotal > 3 {
		t.Errorf("%d requests at once, want at most 3 (Concurrency)", maxTotal)
	}
}

// TestReadFeedPageOptions: the pages of a feed are fetched with the
// options as given (a negative Retries means no retry, not the default).
func TestReadFeedPageOptions(t *testing.T) {
	for _, tt := range []struct {
		retries, requests int
	}{{-1, 1}, {1, 2}, {0, DefaultHTTPRetries + 1}} {
		s := newSite(t, map[string]http.HandlerFunc{
			"/feed": feedHandler("text/xml", "", itemsFeed(`<item><title>A</title><link>{{base}}/a</link></item>`)),
			"/a":    sequence(nil, 500),
		})
		opt := FeedOptions{HTTP: fastHTTP()}
		opt.HTTP.Retries = tt.retries
		items, _, err := readFeed(t, context.Background(), s.URL+"/feed", opt)
		if err != nil || len(items) != 1 || items[0].Err == nil {
			t.Fatalf("Retries %d: %+v, %v; want one failed item", tt.retries, items, err)
		}
		if n := s.count("/a"); n != tt.requests {
			t.Errorf("Retries %d: page requested %d times, want %d", tt.retries, n, tt.requests)
		}
	}
}
