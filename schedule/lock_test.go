package schedule_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/schedule"
)

// syncBuffer is a log that the run writes while the test reads it.
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

// TestOnceLockHolders: a run takes over at once the lock of a holder whose
// process on this host is gone, and marks that holder's run abandoned; it
// is skipped, naming the holder and since when, while the holder lives.
func TestOnceLockHolders(t *testing.T) {
	dead := graphtest.DeadProcess(t)
	tests := []struct {
		name    string
		holder  graph.LockClaim
		status  string
		heldRun string // the holder's run status afterwards
	}{
		{"holder's process is gone", graph.LockClaim{Owner: "gone:1", Process: dead, Run: "gone-run"},
			schedule.StatusSucceeded, schedule.StatusAbandoned},
		{"holder lives on this host", graph.LockClaim{Owner: "alive:1", Process: graph.ThisProcess(), Run: "alive-run"},
			schedule.StatusSkipped, schedule.StatusRunning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := graphtest.Client(t)
			x, lex := pipeline(t)
			site := newNewsSite(t, 1)
			ctx := context.Background()
			if err := c.StartRun(ctx, graph.IngestRun{ID: tt.holder.Run, Status: schedule.StatusRunning, Host: tt.holder.Owner}); err != nil {
				t.Fatal(err)
			}
			held, ok, err := c.Lock(ctx, schedule.LockName, tt.holder, time.Hour)
			if err != nil || !ok {
				t.Fatal(ok, err)
			}
			var log syncBuffer
			opt := options(site, "test-holders")
			opt.Log = &log
			rep, err := schedule.Once(ctx, c, x, lex, opt)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Status != tt.status {
				t.Fatalf("status %s, want %s: %+v\n%s", rep.Status, tt.status, rep, log.String())
			}
			since := held.Since.UTC().Format(time.RFC3339)
			switch tt.status {
			case schedule.StatusSkipped:
				if !strings.Contains(rep.Holder, tt.holder.Owner) || !strings.Contains(rep.Holder, since) {
					t.Errorf("skipped run names the holder as %q, want %s since %s", rep.Holder, tt.holder.Owner, since)
				}
			default:
				if !strings.Contains(rep.TookOver, tt.holder.Owner) || !strings.Contains(rep.TookOver, "gone") ||
					!strings.Contains(log.String(), "took the ingest lock over from "+tt.holder.Owner) {
					t.Errorf("took over %q; log:\n%s", rep.TookOver, log.String())
				}
			}
			runs, err := c.RecentRuns(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range runs {
				if r.ID != tt.holder.Run {
					continue
				}
				if r.Status != tt.heldRun {
					t.Errorf("holder's run: status %s, want %s (%+v)", r.Status, tt.heldRun, r)
				}
				if tt.heldRun == schedule.StatusAbandoned && (r.Finished.IsZero() || !strings.Contains(r.Error, "died")) {
					t.Errorf("abandoned run: %+v", r)
				}
			}
		})
	}
}

// TestOnceStalledRunLetsLockGo: a run whose reading hangs stops renewing
// the lock after the stall limit, with a warning, so that the next run can
// take it; the next run marks the stalled one abandoned. When the stalled
// run moves again, it finds the lock taken and stops.
func TestOnceStalledRunLetsLockGo(t *testing.T) {
	c := graphtest.Client(t)
	x, lex := pipeline(t)
	ctx := context.Background()

	release, stop := make(chan struct{}), make(chan struct{})
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow news</title><link>%[1]s/</link>
<item><title>Story</title><link>%[1]s/news/fast</link><pubDate>Mon, 16 Jun 2014 10:00:00 GMT</pubDate></item>
<item><title>Hung</title><link>%[1]s/news/hang</link><pubDate>Mon, 16 Jun 2014 11:00:00 GMT</pubDate></item>
<item><title>Hung for good</title><link>%[1]s/news/hang2</link><pubDate>Mon, 16 Jun 2014 12:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news/hang":
			select { // hangs until the test lets it go
			case <-release:
			case <-r.Context().Done():
				return
			}
		case "/news/hang2":
			select { // hangs until the run gives up
			case <-stop:
			case <-r.Context().Done():
			}
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>%s</title></head><body><article><h1>Story</h1>%s</article></body></html>`, r.URL.Path, pageText)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	var once sync.Once
	letGo := func() { once.Do(func() { close(release) }) }
	t.Cleanup(func() { letGo(); close(stop) }) // before the server closes

	var log syncBuffer
	opt := schedule.Options{
		Sources: []ingest.SourceConfig{{Name: "slow", Kind: ingest.KindFeed, Location: srv.URL + "/rss"}},
		Source: ingest.SourceOptions{HTTP: ingest.HTTPOptions{Retries: -1, Timeout: 10 * time.Minute,
			FeedBudget: 10 * time.Minute, AllowHosts: []string{"127.0.0.1"}}},
		Ingest:     ingest.Options{Workers: 1, BatchSize: 1, ExtractorVersion: "test"},
		Owner:      "test-stall",
		LockTTL:    1500 * time.Millisecond,
		StallLimit: time.Second,
		Log:        &log,
	}
	type result struct {
		rep schedule.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := schedule.Once(ctx, c, x, lex, opt)
		done <- result{rep, err}
	}()

	// The run starts (the deadlines only guard against a hang)...
	for deadline := time.Now().Add(90 * time.Second); !strings.Contains(log.String(), " started: "); {
		if time.Now().After(deadline) {
			t.Fatalf("the run did not start:\n%s", log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	// ... and the next run gets the lock once the stalled one stops
	// renewing it.
	next := graph.LockClaim{Owner: "next", Process: graph.ThisProcess(), Run: "next-run"}
	var h graph.LockHolder
	for deadline := time.Now().Add(90 * time.Second); ; {
		var ok bool
		var err error
		if h, ok, err = c.Lock(ctx, schedule.LockName, next, time.Hour); err != nil {
			t.Fatal(err)
		} else if ok {
			break
		}
		select {
		case r := <-done:
			t.Fatalf("the run ended before it let the lock go: %+v %v\n%s", r.rep, r.err, log.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the stalled run still holds the lock: %+v\n%s", h, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if h.Replaced == nil || h.Replaced.Owner != "test-stall" {
		t.Errorf("the next run replaced %+v, want test-stall", h.Replaced)
	}
	if !strings.Contains(log.String(), "made no progress") {
		t.Errorf("no warning in the log:\n%s", log.String())
	}
	runs, err := c.RecentRuns(ctx, 1)
	if err != nil || len(runs) != 1 || runs[0].Status != schedule.StatusAbandoned || !strings.Contains(runs[0].Error, "expired") {
		t.Errorf("the stalled run's record: %+v %v", runs, err)
	}

	// Unblocked, the stalled run finds the lock taken and stops (its last
	// page would hang for good).
	letGo()
	select {
	case r := <-done:
		if r.err == nil || !strings.Contains(r.err.Error(), "lost the ingest lock to next") || r.rep.Status != schedule.StatusFailed {
			t.Errorf("the stalled run ended %s, %v; want failed, having lost the lock", r.rep.Status, r.err)
		}
		t.Logf("the stalled run ended %s, %v; log:\n%s", r.rep.Status, r.err, log.String())
	case <-time.After(3 * time.Minute):
		t.Fatalf("the stalled run did not end once unblocked:\n%s", log.String())
	}
	if h, ok, err := c.Lock(ctx, schedule.LockName, graph.LockClaim{Owner: "third", Process: graph.ThisProcess()}, time.Minute); err != nil || ok || h.Owner != "next" {
		t.Errorf("after the stalled run: holder %+v, ok %v, %v; want next", h, ok, err)
	}
}
