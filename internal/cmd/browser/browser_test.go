package browsercmd

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/cmdutil/cmdtest"
)

// fakeServer is a local server that is running or not.
type fakeServer struct{ st localserver.Status }

func (s fakeServer) Status() localserver.Status { return s.st }
func (s fakeServer) BrowserURL() string         { return s.st.BrowserURL }

// options are a command's Options with a configured server at uri, or the
// local server when uri is "".
func options(out *bytes.Buffer, uri string, running bool) *Options {
	srv := fakeServer{localserver.Status{Running: running, BoltURI: "bolt://127.0.0.1:7687",
		BrowserURL: "http://127.0.0.1:7474/browser/", User: "neo4j", PasswordFile: "home/password"}}
	return &Options{
		Out:      out,
		Progress: func() io.Writer { return io.Discard },
		Graph:    func() (graph.Config, error) { return graph.Config{URI: uri, User: "alice"}, nil },
		Server:   func() (Server, error) { return srv, nil },
		Port:     DefaultPort,
	}
}

func TestAccess(t *testing.T) {
	help := "\nStyle and guide (colours for states and relation types; the predefined queries as runnable slides):\n" +
		"  diplograph browser --serve       serve them on http://localhost:7475 until Ctrl-C, then type in Browser:\n" +
		"                                     :style http://localhost:7475/diplograph.grass\n" +
		"                                     :play http://localhost:7475/guide.html\n" +
		"  diplograph browser --write DIR   write them to DIR; drop DIR/diplograph.grass on the Browser window\n" +
		"                                   to apply the style, DIR/diplograph-queries.zip to add the queries as favourites\n"
	tests := []struct {
		name    string
		uri     string
		running bool
		want    string
	}{
		{"configured server", "neo4j+s://example.databases.neo4j.io", false,
			"Neo4j Browser: open your server's Browser and connect to neo4j+s://example.databases.neo4j.io as alice.\n"},
		{"local server running", "", true, "Neo4j Browser (local server running)\n" +
			"  URL:      http://127.0.0.1:7474/browser/\n  Connect:  bolt://127.0.0.1:7687\n  User:     neo4j\n" +
			"  Password: in home/password (diplograph neo4j status --show-password)\n" +
			"  Try:      MATCH p=(:Country)-[:MET_WITH]-(:Country) RETURN p LIMIT 50\n"},
		{"local server stopped", "", false, "Neo4j Browser (local server not running: start it with 'diplograph neo4j start')\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(context.Background(), options(&out, tt.uri, tt.running)); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(out.String(), tt.want) || !strings.HasSuffix(out.String(), help) {
				t.Errorf("got\n%s\nwant it to start with\n%s\nand end with\n%s", out.String(), tt.want, help)
			}
		})
	}
}

// An unusable configuration is a usage error; so is a port out of range,
// found before the configuration is read.
func TestUsageErrors(t *testing.T) {
	o := options(&bytes.Buffer{}, "", false)
	o.Graph = func() (graph.Config, error) { return graph.Config{}, errors.New("neo4j.uri: bad scheme") }
	if code := cmdutil.Classify(run(context.Background(), o)); code != cmdutil.ExitUsage {
		t.Errorf("bad configuration: exit %d, want %d", code, cmdutil.ExitUsage)
	}
	for _, port := range []int{-1, 65536} {
		o := options(&bytes.Buffer{}, "", false)
		o.Port = port
		o.Graph = func() (graph.Config, error) { t.Fatal("configuration read"); return graph.Config{}, nil }
		if code := cmdutil.Classify(run(context.Background(), o)); code != cmdutil.ExitUsage {
			t.Errorf("--port %d: exit %d, want %d", port, code, cmdutil.ExitUsage)
		}
	}
}

func TestWrite(t *testing.T) {
	var out bytes.Buffer
	o := options(&out, "", false)
	o.Dir = filepath.Join(t.TempDir(), "b")
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"guide.html", "diplograph.grass", "diplograph-queries.zip"} {
		p := filepath.Join(o.Dir, name)
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
		if !strings.Contains(out.String(), "wrote "+p+"\n") {
			t.Errorf("output does not name %s:\n%s", p, out.String())
		}
	}
	if !strings.HasSuffix(out.String(), "Drop diplograph.grass on the Browser window to apply the style, diplograph-queries.zip to add the queries as favourites.\n") {
		t.Errorf("no hint to drop the files:\n%s", out.String())
	}
}

// parse runs the command on args and returns the Options it would run with.
func parse(t *testing.T, args ...string) *Options {
	t.Helper()
	return cmdtest.Parse(t, nil, NewCmd, args...)
}

func TestFlags(t *testing.T) {
	if o := parse(t); o.Serve || o.Port != DefaultPort || o.Dir != "" {
		t.Errorf("defaults: %+v", o)
	}
	if o := parse(t, "--serve", "--port", "0", "--write", "d"); !o.Serve || o.Port != 0 || o.Dir != "d" {
		t.Errorf("--serve --port 0 --write d: %+v", o)
	}
}

// lockedBuffer lets the test read what a running command writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// browser --serve prints the commands to type and serves what they name
// until interrupted; an interrupt ends it without an error. (Should it hang,
// go test's -timeout ends the test.)
func TestServe(t *testing.T) {
	var out, progress lockedBuffer
	o := options(nil, "", true)
	o.Out, o.Progress = &out, func() io.Writer { return &progress }
	o.Serve, o.Port = true, 0
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, o) }()

	play := regexp.MustCompile(`:play (http://localhost:\d+)/guide\.html`)
	var base string
	for base == "" {
		select {
		case err := <-done:
			t.Fatalf("ended before serving: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if m := play.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
	}
	if !strings.Contains(out.String(), ":style "+base+"/diplograph.grass") {
		t.Errorf("no :style command for %s:\n%s", base, out.String())
	}
	if !strings.Contains(out.String(), "In Neo4j Browser (http://127.0.0.1:7474/browser/), type:") {
		t.Errorf("the local Browser URL is not shown:\n%s", out.String())
	}
	for _, path := range []string{"/guide.html", "/diplograph.grass"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("GET %s: %d, CORS %q", path, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("after interrupt: %v", err)
	}
	if !strings.Contains(progress.String(), "GET /guide.html") {
		t.Errorf("requests not logged:\n%s", progress.String())
	}
}
