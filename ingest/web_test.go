package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph/article"
)

// Paragraphs of the test pages: long enough for readability to take them
// as an article.
var testParagraphs = []string{
	"The foreign ministers of Austria and Hungary met in Vienna on Monday to discuss the management of their shared border and the transit of goods.",
	"Both governments agreed to   hold further talks in the spring,\n\t  officials said, and to set up a joint commission on rail links between the two capitals.",
	"The meeting followed months of tension over water rights on the Danube, which both states had raised at the regional forum last year.",
	"Observers from the neighbouring states welcomed the outcome and called for a wider agreement covering energy and trade.",
}

// pageHTML returns an article page with the given title and paragraphs,
// surrounded by navigation clutter.
func pageHTML(title string, extraHead string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>%s</head>\n<body>\n", title, extraHead)
	b.WriteString(`<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>`)
	fmt.Fprintf(&b, "<article><h1>%s</h1>\n", title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article>\n<footer>Copyright Test Wire</footer>\n<script>var x = 1;</script></body></html>")
	return b.String()
}

// serve answers with body and content type ct.
func serve(ct, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing by net/http
		}
		fmt.Fprint(w, body)
	}
}

func wantParagraphs(t *testing.T, text string) {
	t.Helper()
	lines := strings.Split(text, "\n")
	if len(lines) != len(testParagraphs) {
		t.Fatalf("text has %d lines, want %d paragraphs:\n%s", len(lines), len(testParagraphs), text)
	}
	for i, l := range lines {
		if want := strings.Join(strings.Fields(testParagraphs[i]), " "); l != want {
			t.Errorf("line %d = %q, want %q", i, l, want)
		}
	}
}

func TestReadPage(t *testing.T) {
	paras := strings.Join(testParagraphs, "\n")
	latin1 := pageHTML("Caf\xe9 diplomacy", "", append([]string{"Talks at the caf\xe9 in G\xf6teborg ended well."}, testParagraphs[1:]...)...)
	badUTF8 := pageHTML("Bad \xff bytes", "", append([]string{"Invalid \xfe\xff bytes in a paragraph."}, testParagraphs[1:]...)...)
	s := newSite(t, map[string]http.HandlerFunc{
		"/article": serve("text/html; charset=utf-8", pageHTML("Ministers meet in Vienna",
			`<meta property="article:published_time" content="2024-01-01T10:30:00Z"><meta property="og:site_name" content="Test Wire">`,
			testParagraphs...)),
		"/old":      func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/article", http.StatusFound) },
		"/xhtml":    serve("application/xhtml+xml", pageHTML("X", "", testParagraphs...)),
		"/nocta":    serve("", pageHTML("Sniffed", "", testParagraphs...)),
		"/latin1":   serve("text/html; charset=iso-8859-1", latin1),
		"/meta1252": serve("text/html", strings.Replace(latin1, `charset="utf-8"`, `charset="windows-1252"`, 1)),
		"/badutf8":  serve("text/html; charset=utf-8", badUTF8),
		"/pdf":      serve("application/pdf", "%PDF-1.4 not really"),
		"/json":     serve("application/json", `{"text": "`+paras+`"}`),
		"/empty":    serve("text/html", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>"),
		"/blank":    serve("text/html", ""),
		"/big":      serve("text/html", pageHTML("Big", "", strings.Repeat("word ", 300))),
		"/missing":  http.NotFound,
		"/slow":     slow(time.Second),
	})
	ctx := context.Background()

	t.Run("article", func(t *testing.T) {
		a, err := ReadPage(ctx, s.URL+"/old", fastHTTP())
		if err != nil {
			t.Fatal(err)
		}
		want := article.Article{
			ID:                 urlID("web-", s.URL+"/article"),
			URL:                s.URL + "/article",
			Source:             "Test Wire",
			Title:              "Ministers meet in Vienna",
			Published:          time.Date(2024, 1, 1, 10, 30, 0, 0, time.UTC),
			PublishedPrecision: article.PrecisionSecond,
			Origin:             s.URL + "/old",
		}
		text := a.Text
		a.Text = ""
		if !a.Published.Equal(want.Published) {
			t.Errorf("Published = %v, want %v", a.Published, want.Published)
		}
		a.Published = want.Published
		if a != want {
			t.Errorf("article = %+v\nwant      %+v", a, want)
		}
		if !strings.HasPrefix(a.ID, "web-") || len(a.ID) != len("web-")+16 {
			t.Errorf("ID = %q, want web- and 16 hex digits", a.ID)
		}
		wantParagraphs(t, text)
		if s.header("/old", "Accept") == "" || !strings.HasPrefix(s.header("/article", "User-Agent"), "diplograph/") {
			t.Errorf("headers: Accept %q, User-Agent %q", s.header("/old", "Accept"), s.header("/article", "User-Agent"))
		}
	})

	ok := []struct {
		path, title, firstLine string
	}{
		{"/xhtml", "X", ""},
		{"/nocta", "Sniffed", ""},
		{"/latin1", "Café diplomacy", "Talks at the café in Göteborg ended well."},
		{"/meta1252", "Café diplomacy", "Talks at the café in Göteborg ended well."},
		{"/badutf8", "Bad \uFFFD bytes", "Invalid \uFFFD\uFFFD bytes in a paragraph."},
	}
	for _, tt := range ok {
		t.Run(tt.path, func(t *testing.T) {
			a, err := ReadPage(ctx, s.URL+tt.path, fastHTTP())
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Errorf("invalid UTF-8: title %q, text %q", a.Title, a.Text)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if a.Source != "127.0.0.1" || a.Published.IsZero() != (a.PublishedPrecision == "") {
				t.Errorf("Source %q, Published %v %q", a.Source, a.Published, a.PublishedPrecision)
			}
			if tt.firstLine != "" {
				if first, _, _ := strings.Cut(a.Text, "\n"); first != tt.firstLine {
					t.Errorf("first line = %q, want %q", first, tt.firstLine)
				}
				return
			}
			wantParagraphs(t, a.Text)
		})
	}

	bad := []struct {
		path  string
		opt   func(*HTTPOptions)
		is    error
		inMsg string
	}{
		{"/pdf", nil, ErrNotHTML, `"application/pdf"`},
		{"/json", nil, ErrNotHTML, "application/json"},
		{"/empty", nil, ErrNoText, "only 4 characters"},
		{"/blank", nil, ErrNoText, ""},
		{"/big", func(o *HTTPOptions) { o.MaxBytes = 1000 }, ErrBodyTooLarge, ""},
		{"/missing", nil, nil, "404 Not Found"},
		{"/slow", func(o *HTTPOptions) { o.Timeout = 20 * time.Millisecond; o.Retries = -1 }, context.DeadlineExceeded, "no complete response within 20ms"},
	}
	for _, tt := range bad {
		t.Run(tt.path, func(t *testing.T) {
			opt := fastHTTP()
			if tt.opt != nil {
				tt.opt(&opt)
			}
			a, err := ReadPage(ctx, s.URL+tt.path, opt)
			if err == nil {
				t.Fatalf("ReadPage = %+v, want an error", a)
			}
			if !strings.Contains(err.Error(), s.URL+tt.path) || !strings.Contains(err.Error(), tt.inMsg) {
				t.Errorf("error = %q, want it to name the URL and contain %q", err, tt.inMsg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error = %v, want errors.Is %v", err, tt.is)
			}
		})
	}
}

func TestPagePlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  one  two\t three \n\n\n  four\u00a0five  \r\n", "one two three\nfour five"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\n\n\nonly\n\n", "only"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain &amp; simple", "plain & simple"},
		{"<p>One <b>bold</b>\n move.</p><p>Two.</p><script>x()</script>", "One bold move.\nTwo."},
		{"line<br>break<div>block</div>", "line\nbreak\nblock"},
		{"<p>bad \xff</p>", "bad \uFFFD"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageID(t *testing.T) {
	a, b := urlID("web-", "https://example.org/a"), urlID("web-", "https://example.org/b")
	if a == b || a != urlID("web-", "https://example.org/a") || len(a) != 20 {
		t.Errorf("urlID: %q, %q", a, b)
	}
	// Stable across versions: IDs are stored in the graph.
	if got, want := urlID("feed-", "https://example.org/a"), "feed-b5b10dd0429e69ac"; got != want {
		t.Errorf("urlID = %q, want %q", got, want)
	}
}
