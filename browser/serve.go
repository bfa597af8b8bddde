package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler serves files by name (GET and HEAD of /NAME) and, at /, a short
// text naming them. Every response allows cross-origin reads: Neo4j Browser
// runs on the Neo4j server's origin and fetches guides and styles with
// fetch(), sending Pragma and Cache-Control headers for guides, which makes
// the browser ask first with a CORS preflight (OPTIONS). Responses are not
// cached, so a changed guide shows at the next :play.
func Handler(files []File) http.Handler {
	byPath := map[string]File{}
	var names []string
	for _, f := range files {
		byPath["/"+f.Name] = f
		names = append(names, f.Name)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cache-Control", "no-store")
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
			if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
				h.Set("Access-Control-Allow-Headers", req)
			}
			// Chromium's Private Network Access asks this of a page on a
			// public origin (browser.neo4j.io) fetching from localhost.
			if r.Header.Get("Access-Control-Request-Private-Network") == "true" {
				h.Set("Access-Control-Allow-Private-Network", "true")
			}
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD, OPTIONS")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.URL.Path == "/" {
			h.Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprintf(w, "diplograph files for Neo4j Browser: %s\n", strings.Join(names, ", "))
			return
		}
		f, ok := byPath[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h.Set("Content-Type", f.ContentType)
		h.Set("Content-Length", strconv.Itoa(len(f.Content)))
		if r.Method == http.MethodHead {
			return
		}
		w.Write(f.Content)
	})
}

// BaseURL is the URL to give Browser for a listener on addr: the host name
// localhost, which Browser's default allowlist admits (127.0.0.1 is not in
// it), and the listener's port.
func BaseURL(addr net.Addr) string {
	port := ""
	if ta, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(ta.Port)
	} else if _, p, err := net.SplitHostPort(addr.String()); err == nil {
		port = p
	}
	return "http://localhost:" + port
}

// Commands are the lines to type in Browser to apply the style and play
// the guide served at base.
func Commands(base string) (style, guide string) {
	return ":style " + base + "/" + StyleFile, ":play " + base + "/" + GuideFile
}

// Listen opens the loopback listener for Serve: 127.0.0.1 on port (0 = a
// free port).
func Listen(port int) (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return nil, fmt.Errorf("browser: listen on 127.0.0.1:%d: %w", port, err)
	}
	return ln, nil
}

// Serve serves the files on ln until ctx ends, then shuts the server down
// and returns nil. Requests are logged to log, one line each, if it is not
// nil.
func Serve(ctx context.Context, ln net.Listener, files []File, log io.Writer) error {
	h := Handler(files)
	if log != nil {
		next := h
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(log, "%s %s %s\n", time.Now().Format("15:04:05"), r.Method, r.URL.Path)
			next.ServeHTTP(w, r)
		})
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("browser: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("browser: shut down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("browser: serve: %w", err)
	}
	return nil
}
