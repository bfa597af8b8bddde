package browser

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestHandler(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(files))
	defer srv.Close()
	tests := []struct {
		name, method, path string
		header             map[string]string
		status             int
		want               map[string]string // response headers
		body               []byte
	}{
		{"guide", "GET", "/guide.html", nil, 200,
			map[string]string{"Access-Control-Allow-Origin": "*", "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}, files[0].Content},
		{"style", "GET", "/diplograph.grass", nil, 200,
			map[string]string{"Access-Control-Allow-Origin": "*", "Content-Type": "text/plain; charset=utf-8"}, Style()},
		{"favourites", "HEAD", "/diplograph-queries.zip", nil, 200,
			map[string]string{"Content-Type": "application/zip"}, nil},
		// Browser fetches guides with Pragma and Cache-Control headers:
		// the browser sends a preflight first.
		{"preflight", "OPTIONS", "/guide.html", map[string]string{
			"Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET",
			"Access-Control-Request-Headers": "cache-control,pragma", "Access-Control-Request-Private-Network": "true"}, 204,
			map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "cache-control,pragma",
				"Access-Control-Allow-Private-Network": "true"}, nil},
		{"index", "GET", "/", nil, 200, map[string]string{"Content-Type": "text/plain; charset=utf-8"}, nil},
		{"missing", "GET", "/nosuch.html", nil, 404, map[string]string{"Access-Control-Allow-Origin": "*"}, nil},
		{"post", "POST", "/guide.html", nil, 405, map[string]string{"Allow": "GET, HEAD, OPTIONS"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for k, v := range tt.want {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s: %q, want %q", k, got, v)
				}
			}
			if tt.body != nil && !bytes.Equal(body, tt.body) {
				t.Errorf("body differs (%d bytes, want %d)", len(body), len(tt.body))
			}
		})
	}
}

func TestServeAndCommands(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen(0)
	if err != nil {
		t.Fatal(err)
	}
	base := BaseURL(ln.Addr())
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	if base != "http://localhost:"+port {
		t.Errorf("BaseURL = %s", base)
	}
	style, guide := Commands(base)
	if style != ":style "+base+"/diplograph.grass" || guide != ":play "+base+"/guide.html" {
		t.Errorf("Commands = %q, %q", style, guide)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var log bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, files, &log) }()
	resp, err := http.Get("http://127.0.0.1:" + port + "/guide.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if !bytes.Contains(log.Bytes(), []byte("GET /guide.html")) {
		t.Errorf("log: %q", log.String())
	}
	if _, err := Listen(ln.Addr().(*net.TCPAddr).Port); err != nil {
		t.Errorf("port not released: %v", err)
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	paths, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{GuideFile, StyleFile, FavoritesFile}
	if len(paths) != len(want) {
		t.Fatalf("wrote %v", paths)
	}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("wrote %s, want %s", p, want[i])
		}
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, StyleFile))
	if !bytes.Equal(b, Style()) {
		t.Error("written style differs")
	}
}
