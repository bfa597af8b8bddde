package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability"
	"codeberg.org/readeck/go-readability/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/diplograph/diplograph/article"
)

// Errors of [ReadPage], to be tested with errors.Is.
var (
	// ErrNotHTML: the response is not an HTML document.
	ErrNotHTML = errors.New("not an HTML page")
	// ErrNoText: no article text could be extracted from the page.
	ErrNoText = errors.New("no article text found")
)

// Prefixes of the IDs of articles read from the web; see [ReadPage] and
// [ReadFeed].
const (
	PageIDPrefix = "web-"
	FeedIDPrefix = "feed-"
)

// MinPageChars is the least number of characters of text a page must
// yield: less is taken as a failed extraction (a page of navigation links,
// a cookie wall, a page that needs JavaScript), not as an article.
const MinPageChars = 100

// acceptHTML is the Accept header of page requests.
const acceptHTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// ReadPage fetches the web page at pageURL (with the retries, limits and
// headers of opt) and extracts its main text with readability. The
// article's URL is the final URL after redirects and its ID is "web-"
// followed by the first 16 hex digits of the SHA-256 of that URL; Title,
// Published (second precision, when the page states it) and Source (the
// site name, else the host) come from the page. Text is plain text, one
// paragraph per line, white space collapsed within lines; the page is
// decoded from its declared or detected character set and never yields
// invalid UTF-8. Origin is pageURL.
//
// A response that is not HTML fails with an error wrapping ErrNotHTML, a
// page yielding less than MinPageChars characters of text with one
// wrapping ErrNoText; fetch errors
// are *FetchError, those of a URL, redirect or address refused as
// opt.AllowHosts says wrapping ErrRefused. Every error names the URL.
func ReadPage(ctx context.Context, pageURL string, opt HTTPOptions) (article.Article, error) {
	body, meta, _, err := fetch(ctx, pageURL, opt, nil, acceptHTML)
	if err != nil {
		return article.Article{}, err
	}
	a, err := pageArticle(pageURL, body, meta)
	if err != nil {
		return article.Article{}, err
	}
	return a, nil
}

// pageArticle extracts the article of a fetched page.
func pageArticle(pageURL string, body []byte, meta fetchMeta) (article.Article, error) {
	if !isHTML(meta.ContentType, body) {
		ct := meta.ContentType
		if ct == "" {
			ct = http.DetectContentType(body)
		}
		return article.Article{}, fmt.Errorf("page %s: %w (Content-Type %q)", pageURL, ErrNotHTML, ct)
	}
	final, err := url.Parse(meta.URL)
	if err != nil {
		return article.Article{}, fmt.Errorf("page %s: %w", pageURL, err)
	}
	doc, err := html.Parse(bytes.NewReader(decodeHTML(body, meta.ContentType)))
	if err != nil {
		return article.Article{}, fmt.Errorf("page %s: %w", pageURL, err)
	}
	p := readability.NewParser()
	ra, err := p.ParseAndMutate(doc, final)
	if err != nil {
		return article.Article{}, fmt.Errorf("page %s: %w: %v", pageURL, ErrNoText, err)
	}
	text := plainText(ra.TextContent)
	if text == "" {
		return article.Article{}, fmt.Errorf("page %s: %w", pageURL, ErrNoText)
	}
	if n := utf8.RuneCountInString(text); n < MinPageChars {
		return article.Article{}, fmt.Errorf("page %s: %w (only %d characters)", pageURL, ErrNoText, n)
	}
	a := article.Article{
		ID:     urlID(PageIDPrefix, meta.URL),
		URL:    meta.URL,
		Source: oneLine(ra.SiteName),
		Title:  oneLine(ra.Title),
		Text:   text,
		Origin: pageURL,
	}
	if a.Source == "" {
		a.Source = final.Hostname()
	}
	if t := ra.PublishedTime; t != nil && !t.IsZero() {
		a.Published, a.PublishedPrecision = *t, article.PrecisionSecond
	}
	return a, nil
}

// isHTML tells whether a response is HTML, by its Content-Type or, when
// there is none, by sniffing the body.
func isHTML(contentType string, body []byte) bool {
	if strings.TrimSpace(contentType) == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decodeHTML converts an HTML body to valid UTF-8. The character set is
// taken from a byte order mark or the Content-Type header; failing that,
// a body that is valid UTF-8 is taken as UTF-8 and any other body is
// decoded as the <meta> declaration says (default windows-1252). Invalid
// sequences become U+FFFD.
func decodeHTML(body []byte, contentType string) []byte {
	enc, _, certain := charset.DetermineEncoding(body, contentType)
	if !certain && utf8.Valid(body) {
		enc = encoding.Nop
	}
	if enc != encoding.Nop && enc != unicode.UTF8 {
		if out, err := enc.NewDecoder().Bytes(body); err == nil {
			body = out
		}
	}
	return bytes.ToValidUTF8(body, []byte("\uFFFD"))
}

// htmlText returns the text of an HTML fragment (such as a feed item's
// description) as plain text, like the text of a page.
func htmlText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return plainText(s)
	}
	return plainText(render.InnerText(doc))
}

// plainText normalises extracted text: one paragraph per line, runs of
// white space within a line collapsed to one space, no empty lines, and
// valid UTF-8.
func plainText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for line := range strings.Lines(s) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(f)
		}
	}
	return b.String()
}

// oneLine collapses all white space of s, line breaks included.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// urlID returns prefix followed by the first 16 hex digits of the SHA-256
// of key.
func urlID(prefix, key string) string {
	sum := sha256.Sum256([]byte(key))
	return prefix + hex.EncodeToString(sum[:8])
}
