package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a test web server that counts the requests for each path and
// records the headers of the last one.
type site struct {
	*httptest.Server
	mu      sync.Mutex
	hits    map[string]int
	headers map[string]http.Header
}

func newSite(t *testing.T, routes map[string]http.HandlerFunc) *site {
	t.Helper()
	s := &site{hits: map[string]int{}, headers: map[string]http.Header{}}
	mux := http.NewServeMux()
	for p, h := range routes {
		mux.HandleFunc(p, h)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.headers[r.URL.Path] = r.Header.Clone()
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) header(path, name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.headers[path].Get(name)
}

// testAllow is the allow-list that lets the tests reach their httptest
// servers, which listen on the loopback address 127.0.0.1.
var testAllow = []string{"127.0.0.1"}

// fastHTTP returns options with test-sized waits, a timeout that a
// request to the test server only reaches when its handler is slow on
// purpose, and the test servers' address allowed.
func fastHTTP() HTTPOptions {
	return HTTPOptions{Timeout: 2 * time.Second, Backoff: time.Millisecond, AllowHosts: testAllow}
}

// redirectTo answers with a redirect to target.
func redirectTo(target string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) }
}

// sequence answers each request with the next status of codes (the last
// one repeating), with body "ok" for 2xx and extra headers hdr.
func sequence(hdr map[string]string, codes ...int) http.HandlerFunc {
	var mu sync.Mutex
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		code := codes[min(n, len(codes)-1)]
		n++
		mu.Unlock()
		for k, v := range hdr {
			w.Header().Set(k, v)
		}
		w.WriteHeader(code)
		if code/100 == 2 {
			fmt.Fprint(w, "ok")
		}
	}
}

// slow sleeps for d (or until the client goes away) before answering ok.
func slow(d time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, "ok")
	}
}

func TestFetchRetries(t *testing.T) {
	tests := []struct {
		name     string
		retries  int
		handler  http.HandlerFunc
		requests int
		wantErr  string // substring of the error; "" for success
	}{
		{"500 retried then error", 2, sequence(nil, 500), 3,
			": 500 Internal Server Error after 3 attempts"},
		{"default retries", 0, sequence(nil, 502), DefaultHTTPRetries + 1,
			fmt.Sprintf(": 502 Bad Gateway after %d attempts", DefaultHTTPRetries+1)},
		{"no retries", -1, sequence(nil, 500), 1, ": 500 Internal Server Error"},
		{"503 then ok", 3, sequence(nil, 503, 200), 2, ""},
		{"404 not retried", 3, sequence(nil, 404), 1, ": 404 Not Found"},
		{"403 not retried", 3, sequence(nil, 403), 1, ": 403 Forbidden"},
		{"408 retried", 3, sequence(nil, 408, 200), 2, ""},
		{"429 with short Retry-After", 3, sequence(map[string]string{"Retry-After": "0"}, 429, 429, 200), 3, ""},
		{"429 with long Retry-After gives up", 3, sequence(map[string]string{"Retry-After": "3600"}, 429), 1,
			": 429 Too Many Requests (server asks to retry after 1h0m0s)"},
		{"timeout retried", 3, func() http.HandlerFunc {
			var mu sync.Mutex
			n := 0
			return func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				n++
				first := n == 1
				mu.Unlock()
				if first {
					slow(time.Second)(w, r)
					return
				}
				fmt.Fprint(w, "ok")
			}
		}(), 2, ""},
		{"timeout every time", 1, slow(time.Second), 2, "no complete response within 50ms: context deadline exceeded after 2 attempts"},
		// A timeout is retried once at most: a slow server is seldom
		// faster the third time, and each try costs a whole timeout.
		{"timeout retried once only", 3, slow(time.Second), 2, "no complete response within 50ms: context deadline exceeded after 2 attempts"},
		{"503 with Retry-After retried", 3, sequence(map[string]string{"Retry-After": "0"}, 503, 503, 200), 3, ""},
		{"501 not retried", 3, sequence(nil, 501), 1, ": 501 Not Implemented"},
		{"410 not retried", 3, sequence(nil, 410), 1, ": 410 Gone"},
		{"redirect to file refused once", 3, redirectTo("file:///etc/passwd"), 1,
			": redirect to file:///etc/passwd refused: not an http or https URL"},
		{"redirect to loopback refused once", 3, redirectTo("http://127.0.0.2/"), 1,
			": redirect to http://127.0.0.2/ refused: 127.0.0.2 is a loopback address; allow it with ingest.http_allow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, map[string]http.HandlerFunc{"/r": tt.handler})
			opt := fastHTTP()
			opt.Retries = tt.retries
			if strings.HasPrefix(tt.name, "timeout") {
				opt.Timeout = 50 * time.Millisecond
			}
			u := s.URL + "/r"
			// A guard against hangs (a timeout ignored, a Retry-After of an
			// hour obeyed), not a speed check; the results below show
			// whether each attempt ended as it should.
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			type result struct {
				body []byte
				meta fetchMeta
				nm   bool
				err  error
			}
			done := make(chan result, 1)
			go func() {
				body, meta, nm, err := fetch(ctx, u, opt, nil, "")
				done <- result{body, meta, nm, err}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(time.Minute):
				cancel() // lets the handler and the server's Close return
				t.Fatal("fetch has not returned after a minute")
			}
			body, meta, nm, err := r.body, r.meta, r.nm, r.err
			if got := s.count("/r"); got != tt.requests {
				t.Errorf("requests = %d, want %d", got, tt.requests)
			}
			if tt.wantErr == "" {
				if err != nil || string(body) != "ok" || nm || meta.Attempts != tt.requests {
					t.Fatalf("fetch = %q, %+v, %v, %v", body, meta, nm, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("fetch succeeded, want error %q", tt.wantErr)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "fetch "+u+": ") || !strings.Contains(msg, tt.wantErr) {
				t.Errorf("error = %q, want it to name %s and contain %q", msg, u, tt.wantErr)
			}
			var fe *FetchError
			if !errors.As(err, &fe) || fe.URL != u || fe.Attempts != tt.requests {
				t.Errorf("error = %#v, want a *FetchError for %s with %d attempts", err, u, tt.requests)
			}
		})
	}
}

func TestFetchHeaders(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/r": sequence(nil, 200)})
	for _, tt := range []struct{ ua, want string }{
		{"", "diplograph/dev (+https://github.com/diplograph/diplograph)"},
		{UserAgent("1.2.3"), "diplograph/1.2.3 (+https://github.com/diplograph/diplograph)"},
		{"custom/1", "custom/1"},
	} {
		opt := fastHTTP()
		opt.UserAgent = tt.ua
		if _, _, _, err := fetch(context.Background(), s.URL+"/r", opt, nil, "text/html"); err != nil {
			t.Fatal(err)
		}
		if got := s.header("/r", "User-Agent"); got != tt.want {
			t.Errorf("User-Agent = %q, want %q", got, tt.want)
		}
		if got := s.header("/r", "Accept"); got != "text/html" {
			t.Errorf("Accept = %q", got)
		}
		if got := s.header("/r", "If-None-Match"); got != "" {
			t.Errorf("unconditional request sent If-None-Match %q", got)
		}
	}
}

func TestFetchMaxBytes(t *testing.T) {
	body := strings.Repeat("x", 100)
	s := newSite(t, map[string]http.HandlerFunc{
		// With Content-Length.
		"/sized": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(body)))
			fmt.Fprint(w, body)
		},
		// Chunked, without Content-Length.
		"/chunked": func(w http.ResponseWriter, r *http.Request) {
			for i := 0; i < len(body); i += 10 {
				fmt.Fprint(w, body[i:i+10])
				w.(http.Flusher).Flush()
			}
		},
	})
	for _, path := range []string{"/sized", "/chunked"} {
		for _, tt := range []struct {
			max int64
			ok  bool
		}{{99, false}, {100, true}, {1000, true}} {
			opt := fastHTTP()
			opt.MaxBytes = tt.max
			got, _, _, err := fetch(context.Background(), s.URL+path, opt, nil, "")
			if tt.ok {
				if err != nil || string(got) != body {
					t.Errorf("%s, max %d: got %d bytes, %v", path, tt.max, len(got), err)
				}
				continue
			}
			if !errors.Is(err, ErrBodyTooLarge) || !strings.Contains(err.Error(), s.URL+path) {
				t.Errorf("%s, max %d: error = %v, want ErrBodyTooLarge naming the URL", path, tt.max, err)
			}
		}
		if n := s.count(path); n != 3 {
			t.Errorf("%s: %d requests, want 3 (too large is not retried)", path, n)
		}
	}
}

func TestFetchConditional(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 01 Jan 2024 00:00:00 GMT"
	s := newSite(t, map[string]http.HandlerFunc{
		"/r": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", lastMod)
			fmt.Fprint(w, "body")
		},
	})
	u := s.URL + "/r"
	body, meta, nm, err := fetch(context.Background(), u, fastHTTP(), &Conditional{}, "")
	if err != nil || nm || string(body) != "body" || meta.ETag != etag || meta.LastModified != lastMod {
		t.Fatalf("first fetch = %q, %+v, %v, %v", body, meta, nm, err)
	}
	for _, c := range []Conditional{{ETag: etag}, {LastModified: lastMod}, {ETag: etag, LastModified: lastMod}} {
		body, _, nm, err := fetch(context.Background(), u, fastHTTP(), &c, "")
		if err != nil || !nm || len(body) != 0 {
			t.Errorf("fetch with %+v = %q, notModified %v, %v; want not modified", c, body, nm, err)
		}
		if got := s.header("/r", "If-None-Match"); got != c.ETag {
			t.Errorf("If-None-Match = %q, want %q", got, c.ETag)
		}
		if got := s.header("/r", "If-Modified-Since"); got != c.LastModified {
			t.Errorf("If-Modified-Since = %q, want %q", got, c.LastModified)
		}
	}
	// A 304 to an unconditional request is an error.
	s304 := newSite(t, map[string]http.HandlerFunc{"/r": sequence(nil, 304)})
	if _, _, _, err := fetch(context.Background(), s304.URL+"/r", fastHTTP(), nil, ""); err == nil || !strings.Contains(err.Error(), "304 Not Modified") {
		t.Errorf("unconditional 304: error = %v", err)
	}
}

func TestFetchRedirectFinalURL(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/old": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) },
		"/new": sequence(nil, 200),
	})
	opt := fastHTTP()
	opt.UserAgent = "ua/1"
	_, meta, _, err := fetch(context.Background(), s.URL+"/old", opt, nil, "")
	if err != nil || meta.URL != s.URL+"/new" {
		t.Fatalf("meta.URL = %q, %v; want %s/new", meta.URL, err, s.URL)
	}
	if got := s.header("/new", "User-Agent"); got != "ua/1" {
		t.Errorf("User-Agent after redirect = %q", got)
	}
}

func TestFetchNetworkAndURLErrors(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	dead := closed.URL + "/feed"
	closed.Close()
	opt := fastHTTP()
	opt.Retries = 2
	_, _, _, err := fetch(context.Background(), dead, opt, nil, "")
	if err == nil || !strings.HasPrefix(err.Error(), "fetch "+dead+": ") || !strings.HasSuffix(err.Error(), "after 3 attempts") {
		t.Errorf("dead server: error = %v", err)
	}
	if strings.Count(err.Error(), dead) != 1 {
		t.Errorf("error repeats the URL: %v", err)
	}
	for _, u := range []string{"ftp://example.org/x", "/relative", "http://", "http://[::1"} {
		if _, _, _, err := fetch(context.Background(), u, opt, nil, ""); err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("fetch %q: error = %v, want one naming it", u, err)
		}
	}
}

func TestFetchCancelled(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/500":  sequence(nil, 500),
		"/slow": slow(10 * time.Second),
	})
	for _, path := range []string{"/500", "/slow"} {
		t.Run(path, func(t *testing.T) {
			opt := HTTPOptions{Timeout: 10 * time.Second, Backoff: 10 * time.Second, Retries: 5, AllowHosts: testAllow}
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			start := time.Now()
			_, _, _, err := fetch(ctx, s.URL+path, opt, nil, "")
			if d := time.Since(start); d > time.Second {
				t.Errorf("fetch returned after %v", d)
			}
			if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), s.URL+path) {
				t.Errorf("error = %v, want context.Canceled naming the URL", err)
			}
			if n := s.count(path); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
	// Already cancelled: no request at all.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, _, err := fetch(ctx, s.URL+"/none", fastHTTP(), nil, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: error = %v", err)
	}
}

func TestHTTPBackoff(t *testing.T) {
	base := 100 * time.Millisecond
	for attempt, want := range map[int]time.Duration{1: base, 2: 2 * base, 3: 4 * base, 30: maxBackoff} {
		for range 50 {
			got := backoff(base, attempt)
			if got < want/2 || got > want {
				t.Fatalf("backoff(%v, %d) = %v, want in [%v, %v]", base, attempt, got, want/2, want)
			}
		}
	}
	if got := backoff(0, 3); got != 0 {
		t.Errorf("backoff(0, 3) = %v", got)
	}
}

func TestHTTPRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{" 5 ", 5 * time.Second, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"99999999999", 24 * time.Hour, true},
		{"Mon, 01 Jan 2024 12:00:30 GMT", 30 * time.Second, true},
		{"Mon, 01 Jan 2024 11:00:00 GMT", 0, true},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFetchRedirectLoopNotRetried(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/r": redirectTo("/r")})
	opt := fastHTTP()
	opt.Retries = 3
	_, _, _, err := fetch(context.Background(), s.URL+"/r", opt, nil, "")
	var fe *FetchError
	if !errors.As(err, &fe) || fe.Attempts != 1 || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Errorf("error = %v, want one attempt stopped after 10 redirects", err)
	}
	if n := s.count("/r"); n != 10 {
		t.Errorf("%d requests, want 10", n)
	}
}
