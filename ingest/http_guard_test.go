package ingest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestCheckAddress(t *testing.T) {
	tests := []struct {
		addr  string
		allow []string
		want  string // substring of the refusal; "" when allowed
	}{
		{"8.8.8.8", nil, ""},
		{"2001:4860:4860::8888", nil, ""},
		{"127.0.0.1", nil, "127.0.0.1 is a loopback address; allow it with ingest.http_allow"},
		{"127.8.9.10", nil, "loopback"},
		{"::1", nil, "::1 is a loopback address"},
		{"::ffff:127.0.0.1", nil, "loopback"},
		{"10.1.2.3", nil, "10.1.2.3 is a private address"},
		{"172.16.0.1", nil, "private"},
		{"172.31.255.255", nil, "private"},
		{"172.32.0.1", nil, ""},
		{"192.168.1.1", nil, "private"},
		{"169.254.169.254", nil, "169.254.169.254 is a link-local address"},
		{"fe80::1", nil, "link-local"},
		{"fd00::1", nil, "fd00::1 is a unique local address"},
		{"0.0.0.0", nil, "0.0.0.0 is an unspecified address"},
		{"0.1.2.3", nil, "unspecified"},
		{"::", nil, "unspecified"},
		{"224.0.0.1", nil, "multicast"},
		{"ff02::1", nil, "multicast"},
		{"255.255.255.255", nil, "broadcast"},
		{"100.64.0.1", nil, "100.64.0.1 is a shared (carrier-grade NAT) address"},
		{"64:ff9b::a00:1", nil, "private"}, // NAT64 of 10.0.0.1
		{"127.0.0.1", []string{"127.0.0.1"}, ""},
		{"127.0.0.2", []string{"127.0.0.1"}, "loopback"},
		{"10.9.8.7", []string{"10.0.0.0/8"}, ""},
		{"::ffff:10.9.8.7", []string{"10.0.0.0/8"}, ""},
		{"192.168.0.1", []string{" 10.0.0.0/8 ", "intranet.example"}, "private"},
		{"fd12::5", []string{"fd00::/8"}, ""},
	}
	for _, tt := range tests {
		err := CheckAddress(tt.addr, tt.allow)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s (allow %q): %v, want allowed", tt.addr, tt.allow, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrRefused)):
			t.Errorf("%s (allow %q): %v, want ErrRefused containing %q", tt.addr, tt.allow, err, tt.want)
		}
	}
}

func TestCheckAllowHosts(t *testing.T) {
	for _, tt := range []struct {
		allow []string
		bad   string // "" when valid
	}{
		{[]string{"127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "Intranet.Example", "feeds.intranet.example."}, ""},
		{[]string{"10.0.0.0/33"}, "10.0.0.0/33"},
		{[]string{""}, `""`},
		{[]string{"http://intranet.example/"}, "http://intranet.example/"},
		{[]string{"intranet.example:8080"}, "intranet.example:8080"},
	} {
		err := CheckAllowHosts(tt.allow)
		if (err == nil) != (tt.bad == "") || err != nil && !strings.Contains(err.Error(), tt.bad) {
			t.Errorf("CheckAllowHosts(%q) = %v, want an error naming %s", tt.allow, err, tt.bad)
		}
	}
}

// TestFetchInternalAddresses is the SSRF case: a test server on
// 127.0.0.1 is refused unless an allow-list lets it in, whether it is
// named by address, by a host name that resolves to it (checked on the
// address dialled), or reached by a redirect; a refusal is never retried.
func TestFetchInternalAddresses(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/r":      sequence(nil, 200),
		"/secret": sequence(nil, 200),
		// Redirects to the same server by address.
		"/to-addr": func(w http.ResponseWriter, r *http.Request) {
			_, port, _ := net.SplitHostPort(r.Host)
			http.Redirect(w, r, "http://127.0.0.1:"+port+"/secret", http.StatusFound)
		},
	})
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	byAddr, byName := "http://127.0.0.1:"+port, "http://localhost:"+port
	tests := []struct {
		name  string
		url   string
		allow []string
		want  string // substring of the error; "" for success
		hits  map[string]int
	}{
		{"address refused by default", byAddr + "/r", nil,
			"refused: 127.0.0.1 is a loopback address; allow it with ingest.http_allow", map[string]int{"/r": 0}},
		{"name resolving to loopback refused", byName + "/r", nil,
			"refused: localhost resolves to 127.0.0.1, a loopback address; allow it with ingest.http_allow", map[string]int{"/r": 0}},
		{"address allowed", byAddr + "/r", []string{"127.0.0.1"}, "", map[string]int{"/r": 1}},
		{"prefix allowed", byAddr + "/r", []string{"127.0.0.0/8"}, "", map[string]int{"/r": 1}},
		{"name allowed by its address", byName + "/r", []string{"127.0.0.1"}, "", map[string]int{"/r": 1}},
		{"name allowed", byName + "/r", []string{"LocalHost"}, "", map[string]int{"/r": 1}},
		{"other address not allowed", byAddr + "/r", []string{"127.0.0.2", "10.0.0.0/8"}, "loopback", map[string]int{"/r": 0}},
		{"redirect to refused address", byName + "/to-addr", []string{"localhost"},
			"redirect to " + byAddr + "/secret refused: 127.0.0.1 is a loopback address",
			map[string]int{"/to-addr": 1, "/secret": 0}},
		{"redirect to allowed address", byName + "/to-addr", []string{"localhost", "127.0.0.1"}, "",
			map[string]int{"/to-addr": 1, "/secret": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := map[string]int{}
			for p := range tt.hits {
				before[p] = s.count(p)
			}
			opt := fastHTTP()
			opt.AllowHosts = tt.allow
			opt.Retries = 3
			_, _, _, err := fetch(context.Background(), tt.url, opt, nil, "")
			for p, n := range tt.hits {
				if got := s.count(p) - before[p]; got != n {
					t.Errorf("%s requested %d times, want %d", p, got, n)
				}
			}
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var fe *FetchError
			if err == nil || !strings.HasPrefix(err.Error(), "fetch "+tt.url+": ") || !strings.Contains(err.Error(), tt.want) ||
				!errors.Is(err, ErrRefused) || !errors.As(err, &fe) || fe.Attempts > 1 {
				t.Errorf("error = %v, want ErrRefused naming %s, containing %q, not retried", err, tt.url, tt.want)
			}
		})
	}
}

// TestReadFeedInternalLinks: the feed's own URL follows the same rule as
// its items' links, and an item linking to an internal address is
// refused while the others are read.
func TestReadFeedInternalLinks(t *testing.T) {
	s := newsSite(t, map[string]http.HandlerFunc{
		"/feed": feedHandler("application/rss+xml", "", func(r *http.Request) string {
			_, port, _ := net.SplitHostPort(r.Host)
			return itemsFeed(
				`<item><title>Ok</title><link>{{base}}/news/1</link></item>`,
				`<item><title>Neo4j</title><link>http://127.0.0.1:`+port+`/secret</link><description>Short.</description></item>`,
			)(r)
		}),
		"/secret": sequence(nil, 200),
	})
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())

	// Not allowed: the feed itself is refused.
	opt := fastHTTP()
	opt.AllowHosts = nil
	items, _, err := readFeed(t, context.Background(), s.URL+"/feed", FeedOptions{HTTP: opt})
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), s.URL+"/feed") || len(items) != 0 || s.count("/feed") != 0 {
		t.Fatalf("feed on loopback, not allowed: %d items, %v; want ErrRefused naming the feed and no request", len(items), err)
	}

	// The feed's host name allowed: the item on 127.0.0.1 is refused.
	feedURL := "http://localhost:" + port + "/feed"
	opt.AllowHosts = []string{"localhost"}
	items, _, err = readFeed(t, context.Background(), feedURL, FeedOptions{HTTP: opt})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Err != nil {
		t.Fatalf("items = %+v, want 2, the first read", items)
	}
	secret := "http://127.0.0.1:" + port + "/secret"
	if err := items[1].Err; !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), secret) ||
		!strings.Contains(err.Error(), "127.0.0.1 is a loopback address") || items[1].Origin != secret {
		t.Errorf("item 2 = %+v, want ErrRefused naming %s", items[1], secret)
	}
	if n := s.count("/secret"); n != 0 {
		t.Errorf("/secret requested %d times", n)
	}
}

// TestGuardedTransportProxy: a proxy (the user's choice, here on
// loopback) is connected to, but the target of a request sent through it
// is resolved and checked first.
func TestGuardedTransportProxy(t *testing.T) {
	proxy := newSite(t, map[string]http.HandlerFunc{"/": sequence(nil, 200)})
	pu, err := url.Parse(proxy.URL)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newAddrPolicy([]string{"news.example"})
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{
		Transport:     newGuardedTransport(p, func(*http.Request) (*url.URL, error) { return pu, nil }),
		CheckRedirect: p.checkRedirect,
	}
	for _, tt := range []struct {
		url, want string // want: "" for success, else a substring of the error
	}{
		{"http://news.example/a", ""},
		{"http://localhost/b", "refused: localhost resolves to 127.0.0.1, a loopback address"},
		{"http://10.0.0.1/c", "refused: 10.0.0.1 is a private address"},
	} {
		resp, err := c.Get(tt.url)
		if err == nil {
			resp.Body.Close()
		}
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("GET %s through the proxy: %v", tt.url, err)
		case tt.want != "" && (!errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("GET %s through the proxy: %v, want ErrRefused containing %q", tt.url, err, tt.want)
		}
	}
	if n := proxy.count("/a"); n != 1 {
		t.Errorf("proxy asked for /a %d times, want 1", n)
	}
	if n := proxy.count("/b") + proxy.count("/c"); n != 0 {
		t.Errorf("proxy asked for refused targets %d times", n)
	}
}
