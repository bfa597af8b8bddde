package schedule_test

// Tests of Once's own logic (the lock, the run records, the statuses,
// renewal) against fakeGraph, a Graph in memory. The tests against a real
// Neo4j are in schedule_test.go and lock_test.go.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/schedule"
)

// fakeGraph is a schedule.Graph in memory: its answers to Lock, FeedState,
// and WriteArticles are scripted, and it keeps the run records, lock
// releases and writes it was asked for.
type fakeGraph struct {
	// lock answers the call-th Lock (from 1); nil: granted.
	lock func(call int, claim graph.LockClaim) (graph.LockHolder, bool, error)
	// feedState answers FeedState; nil: nothing kept.
	feedState func(ctx context.Context, url string) (graph.FeedValidators, error)
	// write answers WriteArticles for the ids of its articles; nil: all new.
	write func(ids []string) ([]graph.Outcome, error)

	mu           sync.Mutex
	lockCalls    int
	started      []graph.IngestRun
	finished     []graph.IngestRun
	released     []string // owners
	endedRecords int      // records and releases asked for with an ended context
	written      []string // ids, in order
}

var _ schedule.Graph = (*fakeGraph)(nil)

func (g *fakeGraph) Lock(ctx context.Context, name string, claim graph.LockClaim, ttl time.Duration) (graph.LockHolder, bool, error) {
	g.mu.Lock()
	g.lockCalls++
	call := g.lockCalls
	g.mu.Unlock()
	if g.lock != nil {
		return g.lock(call, claim)
	}
	return granted(call, claim)
}

// granted answers Lock as a free lock does.
func granted(_ int, claim graph.LockClaim) (graph.LockHolder, bool, error) {
	return graph.LockHolder{Owner: claim.Owner, Since: since, Expires: since.Add(time.Hour), Run: claim.Run}, true, nil
}

// since is when the fake locks were taken.
var since = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func (g *fakeGraph) noteRecord(ctx context.Context) {
	if ctx.Err() != nil {
		g.endedRecords++
	}
}

func (g *fakeGraph) ReleaseLock(ctx context.Context, name, owner string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.noteRecord(ctx)
	g.released = append(g.released, owner)
	return nil
}

func (g *fakeGraph) StartRun(ctx context.Context, r graph.IngestRun) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.noteRecord(ctx)
	g.started = append(g.started, r)
	return nil
}

func (g *fakeGraph) FinishRun(ctx context.Context, r graph.IngestRun) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.noteRecord(ctx)
	g.finished = append(g.finished, r)
	return nil
}

func (g *fakeGraph) FeedState(ctx context.Context, url string) (graph.FeedValidators, error) {
	if g.feedState != nil {
		return g.feedState(ctx, url)
	}
	return graph.FeedValidators{}, nil
}

func (g *fakeGraph) SaveFeedState(ctx context.Context, url string, v graph.FeedValidators) error {
	return nil
}

func (g *fakeGraph) HasArticleURL(ctx context.Context, url string) (bool, error) { return false, nil }

func (g *fakeGraph) WriteArticles(ctx context.Context, fs []graph.ArticleFacts) ([]graph.Outcome, error) {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Article.ID
	}
	outs := slices.Repeat([]graph.Outcome{graph.New}, len(ids))
	var err error
	if g.write != nil {
		outs, err = g.write(ids)
	}
	if err == nil {
		g.mu.Lock()
		g.written = append(g.written, ids...)
		g.mu.Unlock()
	}
	return outs, err
}

// seedOptions are options of a run of the three seed articles, with its
// log in log.
func seedOptions(log io.Writer) schedule.Options {
	return schedule.Options{
		Sources: []ingest.SourceConfig{{Name: "seeds", Kind: ingest.KindPath, Location: filepath.Join("..", "testdata", "seeds")}},
		Ingest:  ingest.Options{Workers: 2, ExtractorVersion: "test"},
		Owner:   "test-fake",
		Log:     log,
	}
}

// Once takes the lock, or records a skipped run and leaves the lock to
// its holder; it takes over the lock of a dead or expired holder and says
// whose, and runs nothing when the lock cannot be read.
func TestOnceLockFake(t *testing.T) {
	x, lex := pipeline(t)
	expires := since.Add(10 * time.Minute)
	held := func(int, graph.LockClaim) (graph.LockHolder, bool, error) {
		return graph.LockHolder{Owner: "other:1", Since: since, Expires: expires, Run: "other-run"}, false, nil
	}
	takenOver := func(prevExpires time.Time) func(int, graph.LockClaim) (graph.LockHolder, bool, error) {
		return func(call int, claim graph.LockClaim) (graph.LockHolder, bool, error) {
			h, ok, err := granted(call, claim)
			h.Replaced = &graph.LockHolder{Owner: "gone:1", Since: since.Add(-time.Hour), Expires: prevExpires,
				Process: graph.Process{Host: "host", PID: 41}, Run: "gone-run"}
			return h, ok, err
		}
	}
	tests := []struct {
		name     string
		lock     func(int, graph.LockClaim) (graph.LockHolder, bool, error)
		status   string
		err      string   // in the error; "" for none
		holder   string   // Report.Holder
		tookOver []string // in Report.TookOver
		log      string   // in the log
		ran      bool     // the articles were written, the run recorded and the lock released
	}{
		{"held by another run: skipped, the lock left to it", held, schedule.StatusSkipped, "",
			"other:1 since 2026-01-02T03:04:05Z (lock expires 2026-01-02T03:14:05Z)", nil,
			"skipped: another run holds the lock: other:1 since", false},
		{"the lock cannot be read: no run", func(int, graph.LockClaim) (graph.LockHolder, bool, error) {
			return graph.LockHolder{}, false, fmt.Errorf("graph: lock ingest: %w", graph.ErrUnavailable)
		}, "", "schedule: taking the ingest lock: graph: lock ingest: neo4j unavailable", "", nil, "", false},
		{"taken, the replaced holder's run not marked: a warning", func(call int, claim graph.LockClaim) (graph.LockHolder, bool, error) {
			h, ok, _ := granted(call, claim)
			return h, ok, errors.New("marking the replaced run r1: timeout")
		}, schedule.StatusSucceeded, "", "", nil, "warning: run test-fake@", true},
		{"taken over from a holder whose process is gone", takenOver(since.Add(time.Minute)), schedule.StatusSucceeded, "", "",
			[]string{"gone:1 since 2026-01-02T02:04:05Z", "its process (", "is gone"},
			"took the ingest lock over from gone:1 since 2026-01-02T02:04:05Z (its process (", true},
		{"taken over from a holder whose lock expired", takenOver(since.Add(-time.Minute)), schedule.StatusSucceeded, "", "",
			[]string{"gone:1", "its lock expired at 2026-01-02T03:03:05Z without renewal"},
			"its run gone-run is marked abandoned", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &fakeGraph{lock: tt.lock}
			var log syncBuffer
			rep, err := schedule.Once(context.Background(), g, x, lex, seedOptions(&log))
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Fatalf("err = %v, want %q", err, tt.err)
			}
			if rep.Status != tt.status || rep.Holder != tt.holder {
				t.Errorf("status %q, holder %q; want %q, %q", rep.Status, rep.Holder, tt.status, tt.holder)
			}
			for _, words := range tt.tookOver {
				if !strings.Contains(rep.TookOver, words) {
					t.Errorf("took over %q, want %q in it", rep.TookOver, words)
				}
			}
			if !strings.Contains(log.String(), tt.log) {
				t.Errorf("log\n%s\nwant %q in it", log.String(), tt.log)
			}
			switch {
			case tt.ran:
				if len(g.written) != 3 || rep.Summary.New != 3 || len(g.started) != 1 || len(g.finished) != 1 ||
					g.finished[0].Status != tt.status || g.finished[0].New != 3 || !slices.Equal(g.released, []string{"test-fake"}) {
					t.Errorf("written %v, summary %+v, started %+v, finished %+v, released %v", g.written, rep.Summary, g.started, g.finished, g.released)
				}
			case tt.status == schedule.StatusSkipped:
				if len(g.written) != 0 || rep.Summary.Seen != 0 || len(g.released) != 0 ||
					len(g.started) != 1 || g.started[0].Status != schedule.StatusSkipped || !strings.Contains(g.started[0].Error, "other:1") ||
					len(g.finished) != 1 || g.finished[0].Status != schedule.StatusSkipped {
					t.Errorf("skipped run: written %v, summary %+v, released %v, started %+v, finished %+v", g.written, rep.Summary, g.released, g.started, g.finished)
				}
			default:
				if len(g.written)+len(g.started)+len(g.finished)+len(g.released) != 0 {
					t.Errorf("no run, yet written %v, started %+v, finished %+v, released %v", g.written, g.started, g.finished, g.released)
				}
			}
		})
	}
}

// A run's status follows what it did: succeeded, partial (an article
// failed), failed (the database), interrupted (ctx ended: the batch in
// hand is written, the run recorded and the lock released all the same).
func TestOnceStatusFake(t *testing.T) {
	x, lex := pipeline(t)
	allNew := func(ids []string) ([]graph.Outcome, error) {
		return slices.Repeat([]graph.Outcome{graph.New}, len(ids)), nil
	}
	tests := []struct {
		name      string
		write     func(ids []string) ([]graph.Outcome, error)
		interrupt bool // ctx ends during the first write
		status    string
		err       error  // the error, by errors.Is; nil for none
		record    string // the recorded error is or holds it
		new       int    // -1: any
	}{
		{"all new: succeeded", nil, false, schedule.StatusSucceeded, nil, "", 3},
		{"all unchanged: succeeded", func(ids []string) ([]graph.Outcome, error) {
			return slices.Repeat([]graph.Outcome{graph.Unchanged}, len(ids)), nil
		}, false, schedule.StatusSucceeded, nil, "", 0},
		{"an article fails: partial", func(ids []string) ([]graph.Outcome, error) {
			if slices.Contains(ids, "003") {
				return nil, errors.New("graph: article 003: constraint violated")
			}
			return allNew(ids)
		}, false, schedule.StatusPartial, nil, "1 failed, first: graph: article 003: constraint violated", 2},
		{"database unreachable: failed", func([]string) ([]graph.Outcome, error) {
			return nil, fmt.Errorf("graph: %w: connection refused", graph.ErrUnavailable)
		}, false, schedule.StatusFailed, graph.ErrUnavailable, "ingest: stopped: graph: neo4j unavailable: connection refused", 0},
		{"interrupted during a write", nil, true, schedule.StatusInterrupted, context.Canceled, "context canceled", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			write := tt.write
			if tt.interrupt {
				write = func(ids []string) ([]graph.Outcome, error) { cancel(); return allNew(ids) }
			}
			g := &fakeGraph{write: write}
			var log syncBuffer
			opt := seedOptions(&log)
			rep, err := schedule.Once(ctx, g, x, lex, opt)
			if tt.err == nil && err != nil || tt.err != nil && !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if rep.Status != tt.status || (tt.new >= 0 && rep.Summary.New != tt.new) {
				t.Errorf("report %+v; want %s, %d new", rep, tt.status, tt.new)
			}
			if len(g.finished) != 1 || g.finished[0].Status != tt.status || g.finished[0].Error != tt.record ||
				g.finished[0].New != int64(rep.Summary.New) || g.finished[0].Seen != int64(rep.Summary.Seen) {
				t.Errorf("finished records %+v; want one, %s, error %q", g.finished, tt.status, tt.record)
			}
			if !slices.Equal(g.released, []string{"test-fake"}) || g.endedRecords != 0 {
				t.Errorf("released %v; %d records or releases with an ended context", g.released, g.endedRecords)
			}
			if tt.interrupt && (rep.Summary.New < 1 || len(g.written) != rep.Summary.New || rep.Summary.Finished() != rep.Summary.Seen) {
				t.Errorf("interrupted: summary %+v, written %v; want the batch in hand written", rep.Summary, g.written)
			}
		})
	}
}

// watchedLog is a log that closes seen once its text holds a string.
type watchedLog struct {
	syncBuffer
	text string
	seen chan struct{}
	once sync.Once
}

func newWatchedLog(text string) *watchedLog {
	return &watchedLog{text: text, seen: make(chan struct{})}
}

func (w *watchedLog) Write(p []byte) (int, error) {
	n, err := w.syncBuffer.Write(p)
	if strings.Contains(w.String(), w.text) {
		w.once.Do(func() { close(w.seen) })
	}
	return n, err
}

// feedOptions are options of a run of one feed, whose reading blocks in
// the fake graph's FeedState, and the lock's times.
func feedOptions(log io.Writer, ttl, stall time.Duration) schedule.Options {
	return schedule.Options{
		Sources:    []ingest.SourceConfig{{Name: "feed", Kind: ingest.KindFeed, Location: "http://feeds.invalid/rss"}},
		Ingest:     ingest.Options{Workers: 1, ExtractorVersion: "test"},
		Owner:      "test-fake",
		LockTTL:    ttl,
		StallLimit: stall,
		Log:        log,
	}
}

// A run that finds at a renewal that another run holds its lock stops,
// failed, naming the new holder, and is recorded so.
func TestOnceLosesLockFake(t *testing.T) {
	x, lex := pipeline(t)
	g := &fakeGraph{
		lock: func(call int, claim graph.LockClaim) (graph.LockHolder, bool, error) {
			if call == 1 {
				return granted(call, claim)
			}
			return graph.LockHolder{Owner: "other:2", Since: since}, false, nil
		},
		// The feed is read until the run stops.
		feedState: func(ctx context.Context, url string) (graph.FeedValidators, error) {
			<-ctx.Done()
			return graph.FeedValidators{}, ctx.Err()
		},
	}
	var log syncBuffer
	// Renewed every 10 ms; the stall limit is never reached.
	rep, err := schedule.Once(context.Background(), g, x, lex, feedOptions(&log, 30*time.Millisecond, time.Hour))
	const lost = "lost the ingest lock to other:2 (since 2026-01-02T03:04:05Z)"
	if err == nil || !strings.Contains(err.Error(), lost) || rep.Status != schedule.StatusFailed {
		t.Fatalf("run %s, %v; want failed, %q", rep.Status, err, lost)
	}
	if len(g.finished) != 1 || g.finished[0].Status != schedule.StatusFailed || !strings.Contains(g.finished[0].Error, lost) {
		t.Errorf("finished records %+v", g.finished)
	}
	if !strings.Contains(log.String(), "warning: run test-fake@") || !strings.Contains(log.String(), lost) {
		t.Errorf("log:\n%s", log.String())
	}
}

// A run that makes no progress for the stall limit stops renewing the
// lock, with a warning that says when it expires.
func TestOnceStalledStopsRenewingFake(t *testing.T) {
	x, lex := pipeline(t)
	log := newWatchedLog("no longer renews the ingest lock")
	renewed := make(chan struct{})
	var renewal sync.Once
	g := &fakeGraph{
		lock: func(call int, claim graph.LockClaim) (graph.LockHolder, bool, error) {
			if call > 1 {
				renewal.Do(func() { close(renewed) })
			}
			return granted(call, claim)
		},
		// The feed hangs until the run has given up its lock (or, wrongly,
		// renewed it), then fails.
		feedState: func(ctx context.Context, url string) (graph.FeedValidators, error) {
			select {
			case <-log.seen:
			case <-renewed:
			case <-ctx.Done():
				return graph.FeedValidators{}, ctx.Err()
			}
			return graph.FeedValidators{}, errors.New("feed store gone")
		},
	}
	// Any time without progress passes the stall limit of 1 ns.
	rep, err := schedule.Once(context.Background(), g, x, lex, feedOptions(log, 30*time.Millisecond, time.Nanosecond))
	if err == nil || !strings.Contains(err.Error(), "feed store gone") || rep.Status != schedule.StatusFailed {
		t.Fatalf("run %s, %v; want failed, with the feed's error", rep.Status, err)
	}
	if g.lockCalls != 1 {
		t.Errorf("Lock called %d times, want once: a stalled run does not renew", g.lockCalls)
	}
	want := "(stall limit 1ns): it no longer renews the ingest lock, which expires at 2026-01-02T04:04:05Z so that the next run can take it"
	if !strings.Contains(log.String(), want) || strings.Count(log.String(), "no longer renews") != 1 {
		t.Errorf("log:\n%s\nwant one warning %q", log.String(), want)
	}
	if !slices.Equal(g.released, []string{"test-fake"}) || len(g.finished) != 1 {
		t.Errorf("released %v, finished %+v", g.released, g.finished)
	}
}
