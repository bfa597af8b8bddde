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
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/diplograph/diplograph/article"
)

// ErrNotFeed is the cause of the error of [ReadFeed] when the response is
// not an RSS, Atom or JSON feed; test for it with errors.Is.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

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
	body, meta, notModified, err := fetch(ctx, feedURL, opt.HTTP, cond, acceptFeed)
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
	failed, err := readFeedItems(ctx, feedURL, meta, feed, opt, emit)
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
	body, meta, notModified, err := fetch(ctx, rawURL, opt.HTTP, cond, acceptFeed+", text/html;q=0.8")
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
			failed, err := readFeedItems(ctx, rawURL, meta, feed, opt, emit)
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

// readFeedItems emits the items of a parsed feed. failed reports whether
// an item was emitted with an error.
func readFeedItems(ctx context.Context, feedURL string, meta fetchMeta, feed *gofeed.Feed, opt FeedOptions, emit func(Item) error) (failed bool, err error) {
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

	done := make(map[string]bool)
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return failed, err
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

		a, ierr := feedItemArticle(ctx, link, it, opt)
		if ierr != nil {
			if cerr := ctx.Err(); cerr != nil {
				return failed, cerr
			}
			failed = true
			if err := emit(Item{Origin: origin, Err: ierr}); err != nil {
				return failed, err
			}
			continue
		}
		a.ID = urlID(FeedIDPrefix, key)
		a.URL = link
		a.Source = source
		a.Origin = origin
		if t := oneLine(it.Title); t != "" {
			a.Title = t
		}
		if t := firstTime(it.PublishedParsed, it.UpdatedParsed); !t.IsZero() {
			a.Published, a.PublishedPrecision = t, article.PrecisionSecond
		} else if a.Published.IsZero() && !feedDate.IsZero() {
			a.Published, a.PublishedPrecision = feedDate, article.PrecisionSecond
		}
		if err := emit(Item{Article: a, Origin: origin}); err != nil {
			return failed, err
		}
	}
	return failed, nil
}

// feedItemArticle reads the text of one item: its page's, or its own
// content or description.
func feedItemArticle(ctx context.Context, link string, it *gofeed.Item, opt FeedOptions) (article.Article, error) {
	own := itemText(it)
	if opt.SkipPages || link == "" {
		if own == "" {
			what := link
			if what == "" {
				what = "item " + strconv.Quote(oneLine(it.Title))
			}
			if link == "" && !opt.SkipPages {
				return article.Article{}, fmt.Errorf("%s: no link and no text", what)
			}
			return article.Article{}, fmt.Errorf("%s: no text in the feed item", what)
		}
		return article.Article{Text: own}, nil
	}
	a, err := ReadPage(ctx, link, opt.HTTP)
	if err == nil {
		return a, nil
	}
	if ctx.Err() == nil && utf8.RuneCountInString(own) >= MinFallbackChars {
		return article.Article{Text: own}, nil
	}
	return article.Article{}, err
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
