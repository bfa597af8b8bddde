package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/diplograph/diplograph/article"
)

// ErrNotFeed is the cause of the error of [ReadFeed] when the response is
// not an RSS, Atom or JSON feed; test for it with errors.Is.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// ErrFeedBudget is the cause of the errors of the items of a feed that
// were not read within its time budget ([HTTPOptions.FeedBudget]); test
// for it with errors.Is.
var ErrFeedBudget = errors.New("feed time budget used up")

// budgetError is the cause of a feed's context when its budget runs out:
//
//	feed https://example.org/rss: time budget of 5m0s used up (raise it with ingest.feed_budget)
type budgetError struct {
	feed   string
	budget time.Duration
}

func (e *budgetError) Error() string {
	return fmt.Sprintf("feed %s: time budget of %v used up (raise it with ingest.feed_budget)", e.feed, e.budget)
}

func (e *budgetError) Is(target error) bool { return target == ErrFeedBudget }

// withBudget returns the context of a feed: ctx, ended by the feed's
// time budget with a *budgetError as cause.
func withBudget(ctx context.Context, feedURL string, opt HTTPOptions) (context.Context, context.CancelFunc) {
	opt = opt.withDefaults()
	if opt.FeedBudget < 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeoutCause(ctx, opt.FeedBudget, &budgetError{feed: feedURL, budget: opt.FeedBudget})
}

// MinFallbackChars is the least number of characters of text that a feed
// item's own content or description must have to stand in for its page
// when the page cannot be read.
const MinFallbackChars = 200

// acceptFeed is the Accept header of feed requests.
const acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// FeedState is what a feed's server said about the version of the feed
// it sent: keep it between runs and pass it back in [FeedOptions.State]
// so that an unchanged feed is answered "304 Not Modified" and not read
// again.
type FeedState struct {
	ETag         string
	LastModified string
}

// FeedOptions controls [ReadFeed].
type FeedOptions struct {
	// HTTP controls the requests, for the feed and its items' pages.
	HTTP HTTPOptions
	// State is the FeedState returned by the previous run, if any.
	State FeedState
	// Seen reports whether the article at an item's link has already
	// been read (is in the graph). Such items are skipped: their page is
	// not fetched and nothing is emitted for them. Nil means none has.
	Seen func(itemURL string) bool
	// SkipPages makes the text of each item its own content or
	// description (HTML stripped) instead of the text of its linked
	// page, which is then never fetched.
	SkipPages bool
	// Source is the articles' Source (default: the feed's title, else
	// the host of its URL).
	Source string
}

// ReadFeed fetches the RSS or Atom feed at feedURL and emits one Item per
// feed item not yet seen, in the order of the feed.
//
// The items' pages are fetched a few at a time (opt.HTTP.Concurrency, at
// most opt.HTTP.PerHost from one host), and the whole feed is bounded by
// opt.HTTP.FeedBudget: an item whose page is not read when the budget
// runs out is read from its own text as below, else fails with an error
// wrapping ErrFeedBudget that names the feed. Internal addresses are
// refused as [HTTPOptions.AllowHosts] says, feedURL's included.
//
// The text of an item is that of its linked page, read as [ReadPage]
// does. When the page cannot be read, the item's content or description
// stands in for it if it has at least MinFallbackChars characters of
// text; otherwise the Item carries the error (naming the page URL) and
// the run goes on. With SkipPages, the content or description is always
// used.
//
// An article read from a feed has the item's link as URL and Origin; its
// ID is "feed-" followed by the first 16 hex digits of the SHA-256 of the
// link (of the feed URL, a space and the item's GUID for an item without
// link), so the same item gets the same ID in every run. Title is the
// item's (else the page's), Published the item's publication date, else
// its update date, else the page's, else the feed's own date, else
// unknown; its precision is "second".
//
// ReadFeed returns an error, naming feedURL, when the feed cannot be
// fetched (after the retries of opt.HTTP) or is not a feed, when ctx ends
// or when emit fails; the caller counts the feed as one failed source and
// goes on. When the server answers "304 Not Modified" to the validators
// of opt.State, nothing is emitted and opt.State is returned.
//
// The returned FeedState holds the validators of the feed just read, to
// be passed back next time. It stays opt.State when an item failed, so
// that the next run reads the feed again and retries the failed items
// (Seen skips the others), and on error.
func ReadFeed(ctx context.Context, feedURL string, opt FeedOptions, emit func(Item) error) (FeedState, error) {
	var cond *Conditional
	if opt.State != (FeedState{}) {
		cond = &Conditional{ETag: opt.State.ETag, LastModified: opt.State.LastModified}
	}
	fctx, cancel := withBudget(ctx, feedURL, opt.HTTP)
	defer cancel()
	body, meta, notModified, err := fetch(fctx, feedURL, opt.HTTP, cond, acceptFeed)
	if err != nil {
		return opt.State, err
	}
	if notModified {
		return opt.State, nil
	}
	feed, err := parseFeed(feedURL, body)
	if err != nil {
		return opt.State, err
	}
	failed, err := readFeedItems(ctx, fctx, feedURL, meta, feed, opt, emit)
	if err != nil || failed {
		return opt.State, err
	}
	return FeedState{ETag: meta.ETag, LastModified: meta.LastModified}, nil
}

// ReadURL reads a URL that may be a feed or a web page, so that a command
// can take both as arguments: the URL is fetched once (conditionally,
// with opt.State), then read as a feed like [ReadFeed] when its body is a
// feed, else as a web page like [ReadPage] (opt.HTTP applies; an article
// read from a page gets opt.Source when set).
//
// Unlike ReadFeed, ReadURL follows the contract of [Read]: a URL that
// cannot be read (fetch error, neither feed nor HTML page) is emitted as
// an Item with Err, and the returned error is non-nil only when ctx ends
// or emit fails. The returned FeedState is as for ReadFeed (empty for a
// page).
func ReadURL(ctx context.Context, rawURL string, opt FeedOptions, emit func(Item) error) (FeedState, error) {
	var cond *Conditional
	if opt.State != (FeedState{}) {
		cond = &Conditional{ETag: opt.State.ETag, LastModified: opt.State.LastModified}
	}
	fctx, cancel := withBudget(ctx, rawURL, opt.HTTP)
	defer cancel()
	body, meta, notModified, err := fetch(fctx, rawURL, opt.HTTP, cond, acceptFeed+", text/html;q=0.8")
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return opt.State, err
		}
		return opt.State, emit(Item{Origin: rawURL, Err: err})
	}
	if notModified {
		return opt.State, nil
	}
	if !isHTML(meta.ContentType, body) || looksLikeFeed(body) {
		feed, ferr := parseFeed(rawURL, body)
		if ferr == nil {
			failed, err := readFeedItems(ctx, fctx, rawURL, meta, feed, opt, emit)
			if err != nil || failed {
				return opt.State, err
			}
			return FeedState{ETag: meta.ETag, LastModified: meta.LastModified}, nil
		}
		if !isHTML(meta.ContentType, body) {
			return opt.State, emit(Item{Origin: rawURL, Err: fmt.Errorf("%s: neither a feed nor an HTML page (Content-Type %q)", rawURL, meta.ContentType)})
		}
	}
	a, err := pageArticle(rawURL, body, meta)
	if err != nil {
		return FeedState{}, emit(Item{Origin: rawURL, Err: err})
	}
	if opt.Source != "" {
		a.Source = opt.Source
	}
	return FeedState{}, emit(Item{Article: a, Origin: rawURL})
}

// looksLikeFeed tells whether body starts like an XML or JSON document,
// which an HTML page does not (feeds are often served as text/html).
func looksLikeFeed(body []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\ufeff")), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<rss")) ||
		bytes.HasPrefix(head, []byte("<feed")) || bytes.HasPrefix(head, []byte("{"))
}

// parseFeed parses a feed body, with an error naming feedURL.
func parseFeed(feedURL string, body []byte) (*gofeed.Feed, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		what := http.DetectContentType(body)
		if mt, _, perr := mime.ParseMediaType(what); perr == nil {
			what = mt
		}
		return nil, fmt.Errorf("feed %s: %w (body looks like %s)", feedURL, ErrNotFeed, what)
	case err != nil:
		return nil, fmt.Errorf("feed %s: %w: %v", feedURL, ErrNotFeed, err)
	}
	return feed, nil
}

// feedJob is one item of a feed to be emitted.
type feedJob struct {
	it           *gofeed.Item
	link, origin string
	key          string
	fetch        bool          // whether its page is to be fetched
	host         chan struct{} // the semaphore of its page's host
	slot         bool          // whether it holds a slot of the window
	done         chan struct{} // closed when page and pageErr are set
	page         article.Article
	pageErr      error
}

// readFeedItems emits the items of a parsed feed, in order; their pages
// are fetched concurrently with fctx, the feed's context (ctx and the
// feed's budget). failed reports whether an item was emitted with an
// error. The error is that of ctx or of emit.
func readFeedItems(ctx, fctx context.Context, feedURL string, meta fetchMeta, feed *gofeed.Feed, opt FeedOptions, emit func(Item) error) (failed bool, err error) {
	base, _ := url.Parse(meta.URL)
	if base == nil {
		base, _ = url.Parse(feedURL)
	}
	source := oneLine(opt.Source)
	if source == "" {
		source = oneLine(feed.Title)
	}
	if source == "" && base != nil {
		source = base.Hostname()
	}
	feedDate := firstTime(feed.UpdatedParsed, feed.PublishedParsed)

	jobs, err := feedJobs(ctx, feedURL, base, feed, opt)
	if err != nil {
		return false, err
	}
	wctx, cancel := context.WithCancel(fctx)
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel: no fetch outlives ReadFeed
	defer cancel()
	window := make(chan struct{}, 4*opt.HTTP.withDefaults().Concurrency)
	wg.Go(func() { fetchPages(wctx, &wg, jobs, opt.HTTP, window) })

	for _, j := range jobs {
		<-j.done
		if j.slot {
			<-window
		}
		if err := ctx.Err(); err != nil {
			return failed, err
		}
		a, ierr := itemArticle(j, opt)
		if ierr != nil {
			failed = true
			if err := emit(Item{Origin: j.origin, Err: ierr}); err != nil {
				return failed, err
			}
			continue
		}
		a.ID = urlID(FeedIDPrefix, j.key)
		a.URL = j.link
		a.Source = source
		a.Origin = j.origin
		if t := oneLine(j.it.Title); t != "" {
			a.Title = t
		}
		if t := firstTime(j.it.PublishedParsed, j.it.UpdatedParsed); !t.IsZero() {
			a.Published, a.PublishedPrecision = t, article.PrecisionSecond
		} else if a.Published.IsZero() && !feedDate.IsZero() {
			a.Published, a.PublishedPrecision = feedDate, article.PrecisionSecond
		}
		if err := emit(Item{Article: a, Origin: j.origin}); err != nil {
			return failed, err
		}
	}
	return failed, nil
}

// feedJobs lists the items of a feed to be emitted, in order: without
// the items that repeat an earlier one or that opt.Seen has seen.
func feedJobs(ctx context.Context, feedURL string, base *url.URL, feed *gofeed.Feed, opt FeedOptions) ([]*feedJob, error) {
	var jobs []*feedJob
	done := make(map[string]bool)
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if it == nil {
			continue
		}
		link := itemLink(base, it)
		guid := strings.TrimSpace(it.GUID)
		key := link
		if key == "" {
			key = feedURL + " " + guid
			if guid == "" {
				key = feedURL + " #" + strconv.Itoa(i+1) + " " + strings.TrimSpace(it.Title)
			}
		}
		if done[key] {
			continue // the same item twice in one feed
		}
		done[key] = true
		if link != "" && opt.Seen != nil && opt.Seen(link) {
			continue
		}
		origin := link
		if origin == "" {
			origin = fmt.Sprintf("%s item %d", feedURL, i+1)
		}
		j := &feedJob{it: it, link: link, origin: origin, key: key, done: make(chan struct{}),
			fetch: link != "" && !opt.SkipPages}
		if !j.fetch {
			close(j.done)
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// fetchPages fetches the pages of jobs, in order, each in its own
// goroutine (added to wg): it takes a slot of window for each page (the
// emitter frees it), so that at most cap(window) pages are read ahead,
// and the goroutines wait for a slot of their host and then for one of
// the opt.Concurrency slots of the feed. When ctx ends, the pages not
// started fail with its cause.
func fetchPages(ctx context.Context, wg *sync.WaitGroup, jobs []*feedJob, opt HTTPOptions, window chan struct{}) {
	limits := opt.withDefaults() // opt itself goes to ReadPage: withDefaults is not idempotent
	all := make(chan struct{}, limits.Concurrency)
	hosts := map[string]chan struct{}{}
	for _, j := range jobs {
		if !j.fetch {
			continue
		}
		host := ""
		if u, err := url.Parse(j.link); err == nil {
			host = strings.ToLower(u.Hostname())
		}
		if hosts[host] == nil {
			hosts[host] = make(chan struct{}, limits.PerHost)
		}
		j.host = hosts[host]
		if ctx.Err() != nil {
			j.pageErr = context.Cause(ctx)
			close(j.done)
			continue
		}
		select {
		case window <- struct{}{}:
			j.slot = true
			wg.Go(func() { fetchPage(ctx, j, opt, all) })
		case <-ctx.Done():
			j.pageErr = context.Cause(ctx)
			close(j.done)
		}
	}
}

// fetchPage reads the page of j once a slot of its host and one of all
// are free.
func fetchPage(ctx context.Context, j *feedJob, opt HTTPOptions, all chan struct{}) {
	defer close(j.done)
	for _, sem := range []chan struct{}{j.host, all} {
		select {
		case sem <- struct{}{}:
			defer func() { <-sem }()
		case <-ctx.Done():
			j.pageErr = context.Cause(ctx)
			return
		}
	}
	j.page, j.pageErr = ReadPage(ctx, j.link, opt)
}

// itemArticle returns the text of a fetched item: its page's, or its
// own content or description.
func itemArticle(j *feedJob, opt FeedOptions) (article.Article, error) {
	own := itemText(j.it)
	if !j.fetch {
		if own == "" {
			what := j.link
			if what == "" {
				what = "item " + strconv.Quote(oneLine(j.it.Title))
			}
			if j.link == "" && !opt.SkipPages {
				return article.Article{}, fmt.Errorf("%s: no link and no text", what)
			}
			return article.Article{}, fmt.Errorf("%s: no text in the feed item", what)
		}
		return article.Article{Text: own}, nil
	}
	if j.pageErr == nil {
		return j.page, nil
	}
	if utf8.RuneCountInString(own) >= MinFallbackChars {
		return article.Article{Text: own}, nil
	}
	return article.Article{}, j.pageErr
}

// itemText returns the longer of an item's content and description, as
// plain text.
func itemText(it *gofeed.Item) string {
	content, desc := htmlText(it.Content), htmlText(it.Description)
	if utf8.RuneCountInString(desc) > utf8.RuneCountInString(content) {
		return desc
	}
	return content
}

// itemLink returns the absolute http(s) link of an item: its link, else
// its first link, else its GUID when that is a URL; "" when it has none.
func itemLink(base *url.URL, it *gofeed.Item) string {
	cands := []string{it.Link}
	cands = append(cands, it.Links...)
	cands = append(cands, it.GUID)
	for i, c := range cands {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if i == len(cands)-1 && !u.IsAbs() {
			continue // a GUID is a link only when it is an absolute URL
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.Scheme == "http" || u.Scheme == "https" {
			return u.String()
		}
	}
	return ""
}

// firstTime returns the first non-nil, non-zero time of ts, else zero.
func firstTime(ts ...*time.Time) time.Time {
	for _, t := range ts {
		if t != nil && !t.IsZero() {
			return *t
		}
	}
	return time.Time{}
}
