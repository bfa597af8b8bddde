package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// wireService serves an RSS feed of two stories, with an ETag, and counts
// page requests.
func wireService(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var pages atomic.Int32
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>%[1]s</link>
<item><title>Talks</title><link>%[1]s/a</link><pubDate>Mon, 16 Jun 2014 10:00:00 GMT</pubDate></item>
<item><title>Sanctions</title><link>%[1]s/b</link><pubDate>Tue, 17 Jun 2014 10:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	for path, text := range map[string]string{
		"/a": "British Foreign Secretary William Hague met Iranian Foreign Minister Mohammad Javad Zarif in Vienna on Monday.",
		"/b": "The United States imposed sanctions on Iran on Tuesday.",
	} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			pages.Add(1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<html><head><title>News</title></head><body><article><h1>News</h1><p>"+text+"</p><p>"+
				strings.Repeat("The talks were described by officials as constructive and long. ", 4)+"</p></article></body></html>")
		})
	}
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pages
}

// writeSourcesConfig writes diplograph.yaml in the working directory with
// the seeds (a path relative to the file) and the feed as sources; the
// feed's test server is on loopback, which ingest.http_allow admits.
func writeSourcesConfig(t *testing.T, seedsAbs, feedURL string) {
	t.Helper()
	dir, _ := os.Getwd()
	seeds, err := filepath.Rel(dir, seedsAbs)
	if err != nil {
		t.Fatal(err)
	}
	yaml := fmt.Sprintf(`ingest:
  http_allow: [127.0.0.1]
sources:
  - name: seeds
    kind: path
    location: %s
    options: {include: ["*.txt"]}
  - name: wire
    kind: feed
    location: %s
`, seeds, feedURL)
	if err := os.WriteFile("diplograph.yaml", []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCLIConfiguredSources(t *testing.T) {
	seeds := seedsDir(t)
	srv, pages := wireService(t)
	useTestDB(t)
	writeSourcesConfig(t, seeds, srv.URL+"/rss.xml")

	out, errOut, code := runCLI(t, "", "ingest", "--json")
	if code != 0 {
		t.Fatalf("ingest of the configured sources: exit %d\n%s%s", code, out, errOut)
	}
	var rep struct {
		RunID   string `json:"run_id"`
		Status  string
		Summary struct{ Seen, New, Unchanged, Failed int }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Status != "succeeded" || rep.Summary.New != 5 || rep.RunID == "" {
		t.Fatalf("report %+v (%v):\n%s", rep, err, out)
	}

	out, errOut, code = runCLI(t, "", "schedule", "--once", "--source", "wire", "--json")
	if code != 0 {
		t.Fatalf("schedule --once: exit %d\n%s%s", code, out, errOut)
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Status != "succeeded" || rep.Summary.Seen != 0 || pages.Load() != 2 {
		t.Fatalf("second run (feed unchanged: 304, nothing fetched): %+v, %d pages fetched\n%s", rep, pages.Load(), out)
	}

	out, _, code = runCLI(t, "", "schedule", "runs", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.Contains(lines[1], ",succeeded,") || !strings.Contains(lines[2], ",succeeded,5,5,") {
		t.Fatalf("schedule runs: exit %d\n%s", code, out)
	}

	// Another process holds the lock: the run is skipped, exit 0.
	c := openTestDB(t)
	if _, ok, err := c.AcquireLock(context.Background(), "ingest", "elsewhere:7", time.Minute); err != nil || !ok {
		t.Fatal(ok, err)
	}
	out, errOut, code = runCLI(t, "", "ingest")
	if code != 0 || !strings.Contains(out, "skipped") || !strings.Contains(out, "elsewhere:7") {
		t.Fatalf("ingest while locked: exit %d\n%s%s", code, out, errOut)
	}
}

func TestCLIScheduleLoopStopsOnSignal(t *testing.T) {
	seeds := seedsDir(t)
	srv, _ := wireService(t)
	useTestDB(t)
	writeSourcesConfig(t, seeds, srv.URL+"/rss.xml")
	c := openTestDB(t)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	cmd := newRootCmd(strings.NewReader(""), &out, &errOut)
	cmd.SetArgs([]string{"schedule", "--cron", "@every 1s", "--now"})
	done := make(chan int, 1)
	go func() { done <- cmdutil.ExitCode(cmd.ExecuteContext(ctx), &errOut) }()

	// Wait for two finished runs, then stop it as SIGTERM would.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		runs, err := c.RecentRuns(context.Background(), 10)
		if err != nil {
			t.Fatal(err)
		}
		finished := 0
		for _, r := range runs {
			if !r.Finished.IsZero() {
				finished++
			}
		}
		if finished >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("fewer than 2 runs in 2 minutes: %+v\n%s", runs, errOut.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("schedule exited %d after the signal\n%s", code, errOut.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("schedule did not stop within a minute of the signal")
	}
	log := errOut.String()
	for _, want := range []string{"next run at", "succeeded", "schedule stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	runs, err := c.RecentRuns(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.Status == "running" && !r.Finished.IsZero() || r.Status == "failed" {
			t.Errorf("run %+v", r)
		}
	}
	if n := graphtest.Counts(t, c)["Article"]; n != 5 {
		t.Errorf("%d articles after several runs, want 5", n)
	}
}

// TestCLITakesOverDeadHoldersLock: an ingest run does not skip because of
// a lock whose holder's process on this host is gone: it takes the lock
// over, and `schedule runs` shows the dead run abandoned.
func TestCLITakesOverDeadHoldersLock(t *testing.T) {
	seeds := seedsDir(t)
	useTestDB(t)
	dir, _ := os.Getwd()
	rel, err := filepath.Rel(dir, seeds)
	if err != nil {
		t.Fatal(err)
	}
	yaml := fmt.Sprintf("sources:\n  - name: seeds\n    kind: path\n    location: %s\n    options: {include: [\"*.txt\"]}\n", rel)
	if err := os.WriteFile("diplograph.yaml", []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	dead := graphtest.DeadProcess(t)

	c := openTestDB(t)
	ctx := context.Background()
	owner := fmt.Sprintf("%s:%d", dead.Host, dead.PID)
	if err := c.StartRun(ctx, graph.IngestRun{ID: owner + "@then", Status: "running", Host: owner, PID: int64(dead.PID)}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.Lock(ctx, "ingest", graph.LockClaim{Owner: owner, Process: dead, Run: owner + "@then"}, time.Hour); err != nil || !ok {
		t.Fatal(ok, err)
	}
	out, errOut, code := runCLI(t, "", "ingest", "--json")
	var rep struct {
		Status   string
		TookOver string `json:"lock_taken_over"`
		Summary  struct{ New int }
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Status != "succeeded" || rep.Summary.New == 0 ||
		!strings.Contains(rep.TookOver, owner) {
		t.Fatalf("ingest with a dead holder's lock: exit %d, %+v\n%s%s", code, rep, out, errOut)
	}
	out, _, code = runCLI(t, "", "schedule", "runs", "--format", "csv")
	if code != 0 || !strings.Contains(out, ",abandoned,") || !strings.Contains(out, ",succeeded,") {
		t.Fatalf("schedule runs: exit %d\n%s", code, out)
	}
}

func TestCLISourcesConfigErrors(t *testing.T) {
	for _, tt := range []struct{ yaml, want string }{
		{"sources:\n  - name: a\n    location: x\n    options: {includes: ['*.md']}\n", `options.includes: unknown option`},
		{"sources:\n  - name: a\n    kind: rss\n    location: https://x/rss\n", `unknown kind "rss"`},
		{"sources:\n  - name: a\n    kind: feed\n    location: news/\n", `kind feed needs an http:// or https:// location`},
		{"sources:\n  - location: x\n", `sources[0]: no name`},
		{"sources:\n  - name: a\n    location: x\n  - name: a\n    location: y\n", `name used twice`},
		{"sources:\n  - name: a\n    locaton: x\n", `locaton`},
		{"neo4j: {uri: bolt://127.0.0.1:1}\n", `no sources configured`},
	} {
		isolate(t)
		if err := os.WriteFile("diplograph.yaml", []byte(tt.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runCLI(t, "", "ingest")
		if code != cmdutil.ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, want %d and %q\n%s%s", tt.yaml, code, cmdutil.ExitUsage, tt.want, out, errOut)
		}
		if tt.want != "no sources configured" && !strings.Contains(errOut, "diplograph.yaml") {
			t.Errorf("%q: the error does not name the file: %s", tt.yaml, errOut)
		}
	}
	// A bad cron expression.
	isolate(t)
	os.WriteFile("diplograph.yaml", []byte("sources:\n  - name: a\n    location: x\n"), 0o644)
	if _, errOut, code := runCLI(t, "", "schedule", "--cron", "61 * * * *"); code != cmdutil.ExitUsage || !strings.Contains(errOut, "cron expression") {
		t.Errorf("bad cron: exit %d\n%s", code, errOut)
	}
}

// openTestDB connects to the database useTestDB chose, without wiping it.
func openTestDB(t *testing.T) *graph.Client {
	t.Helper()
	c, err := graph.Open(context.Background(), graphtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// syncBuffer is a bytes.Buffer safe for a command running in another
// goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
