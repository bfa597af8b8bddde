// Package schedule runs diplograph's configured sources unattended: one
// run at a time across all processes and machines that share a graph (a
// lock held in the graph), each run recorded as an (:IngestRun) node, feeds
// read incrementally, and runs repeated on a cron schedule.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
)

// LockName is the name of the graph lock that serializes ingest runs.
const LockName = "ingest"

// Run statuses recorded on (:IngestRun).
const (
	StatusRunning     = "running"
	StatusSucceeded   = "succeeded"
	StatusPartial     = "partial"     // some articles or sources failed
	StatusFailed      = "failed"      // the run stopped: database unreachable, or another error
	StatusInterrupted = "interrupted" // SIGINT or SIGTERM: the batch in hand was written
	StatusSkipped     = "skipped"     // another run held the lock
	// StatusAbandoned marks a run whose process died, or whose lock
	// expired without renewal, before it finished: set by the next run,
	// which took the lock over.
	StatusAbandoned = graph.RunAbandoned
)

// Options configures runs.
type Options struct {
	Sources []ingest.SourceConfig
	Source  ingest.SourceOptions // HTTP, size limit, default published date
	Ingest  ingest.Options
	// Owner names this process in the lock and in (:IngestRun) (default
	// host:pid).
	Owner string
	// LockTTL is how long the lock lasts without renewal (default 10
	// minutes). A run renews it every LockTTL/3 while it makes progress;
	// a run on the same host finds out at once that the holder's process
	// has died and takes the lock over.
	LockTTL time.Duration
	// StallLimit is how long a run may go without progress (an article
	// read, a batch written) before it stops
	// renewing the lock, with a warning in Log, so that the lock expires
	// and the next run can take it (default LockTTL). A run that makes
	// progress again renews it again, unless another run has taken it
	// meanwhile: then it stops.
	StallLimit time.Duration
	Log        io.Writer // one line per run (default: discarded)
}

func (o *Options) defaults() {
	if o.Owner == "" {
		host, _ := os.Hostname()
		o.Owner = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if o.LockTTL <= 0 {
		o.LockTTL = 10 * time.Minute
	}
	if o.StallLimit <= 0 {
		o.StallLimit = o.LockTTL
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Report is what one run did.
type Report struct {
	RunID   string         `json:"run_id"`
	Status  string         `json:"status"`
	Summary ingest.Summary `json:"summary"`
	Holder  string         `json:"lock_holder,omitempty"` // skipped: who held the lock
	// TookOver names the holder whose lock this run took over because its
	// process had died or its lock had expired; that run is marked
	// abandoned.
	TookOver string `json:"lock_taken_over,omitempty"`
	Feeds    int    `json:"feeds_state_kept"` // feeds whose validators were kept
}

// Graph is what a run needs of the graph: the ingest lock, the
// (:IngestRun) records, the feeds' validators and the writer of articles
// (which keeps the ALIGNMENT aggregates up to date as it writes).
// *graph.Client is one.
type Graph interface {
	// Lock takes or renews the lock name for claim (see graph.Client.Lock).
	Lock(ctx context.Context, name string, claim graph.LockClaim, ttl time.Duration) (holder graph.LockHolder, ok bool, err error)
	ReleaseLock(ctx context.Context, name, owner string) error
	StartRun(ctx context.Context, r graph.IngestRun) error
	FinishRun(ctx context.Context, r graph.IngestRun) error
	FeedState(ctx context.Context, url string) (graph.FeedValidators, error)
	SaveFeedState(ctx context.Context, url string, v graph.FeedValidators) error
	HasArticleURL(ctx context.Context, url string) (bool, error)
	ingest.Writer
}

var _ Graph = (*graph.Client)(nil)

// feedStore adapts the graph to ingest.FeedStore.
type feedStore struct{ c Graph }

func (s feedStore) FeedState(ctx context.Context, url string) (ingest.FeedState, error) {
	v, err := s.c.FeedState(ctx, url)
	return ingest.FeedState{ETag: v.ETag, LastModified: v.LastModified}, err
}

func (s feedStore) HasArticle(ctx context.Context, url string) (bool, error) {
	return s.c.HasArticleURL(ctx, url)
}

// Once runs the sources one time, unless another run holds the lock: then
// it records a skipped run and returns at once, with Status skipped, and
// Holder names the holder and since when. A holder that recorded a
// process on this host that is gone is not waited for: its lock is taken
// over at once and its unfinished run marked abandoned (so is the run of a
// holder whose lock expired), and TookOver names it. The lock is renewed
// only while the run makes progress (see Options.StallLimit); a run that
// finds its lock taken by another stops with an error. The
// run is recorded as an (:IngestRun) when it starts and again when it ends,
// also when ctx is cancelled (SIGTERM): the batch in hand is written
// first. Feed validators are kept only after a run without failures, so a
// feed whose items failed is read again next time. The error is non-nil
// when the run could not start or stopped early; failed articles only make
// the status partial.
func Once(ctx context.Context, c Graph, x *extract.Extractor, lex *lexicon.Lexicon, opt Options) (Report, error) {
	opt.defaults()
	start := time.Now().UTC()
	rep := Report{RunID: fmt.Sprintf("%s@%s", opt.Owner, start.Format("2006-01-02T15:04:05.000Z"))}
	names := make([]string, len(opt.Sources))
	for i, s := range opt.Sources {
		names[i] = s.Name
	}
	run := graph.IngestRun{ID: rep.RunID, Status: StatusRunning, Host: opt.Owner, PID: int64(os.Getpid()), Sources: names}
	// Records are written even after an interrupt.
	recordCtx := context.WithoutCancel(ctx)

	claim := graph.LockClaim{Owner: opt.Owner, Process: graph.ThisProcess(), Run: rep.RunID}
	holder, ok, err := c.Lock(ctx, LockName, claim, opt.LockTTL)
	switch {
	case err != nil && !ok:
		return rep, fmt.Errorf("schedule: taking the ingest lock: %w", err)
	case err != nil: // held, but the replaced holder's run is not marked
		fmt.Fprintf(opt.Log, "%s warning: run %s: %v\n", start.Format(time.RFC3339), rep.RunID, err)
	}
	if !ok {
		rep.Status = StatusSkipped
		rep.Holder = fmt.Sprintf("%s since %s (lock expires %s)", holder.Owner, holder.Since.UTC().Format(time.RFC3339), holder.Expires.UTC().Format(time.RFC3339))
		run.Status, run.Error = StatusSkipped, "another run holds the lock: "+rep.Holder
		if err := c.StartRun(recordCtx, run); err != nil {
			return rep, err
		}
		fmt.Fprintf(opt.Log, "%s run %s skipped: another run holds the lock: %s\n", start.Format(time.RFC3339), rep.RunID, rep.Holder)
		return rep, c.FinishRun(recordCtx, run)
	}
	defer c.ReleaseLock(recordCtx, LockName, opt.Owner)
	if prev := holder.Replaced; prev != nil {
		why := "its lock expired at " + prev.Expires.UTC().Format(time.RFC3339) + " without renewal"
		if prev.Expires.After(holder.Since) {
			why = "its process (" + prev.Process.String() + ") is gone"
		}
		rep.TookOver = fmt.Sprintf("%s since %s (%s)", prev.Owner, prev.Since.UTC().Format(time.RFC3339), why)
		marked := ""
		if prev.Run != "" {
			marked = "; its run " + prev.Run + " is marked " + StatusAbandoned
		}
		fmt.Fprintf(opt.Log, "%s run %s took the ingest lock over from %s%s\n", start.Format(time.RFC3339), rep.RunID, rep.TookOver, marked)
	}
	if err := c.StartRun(ctx, run); err != nil {
		return rep, err
	}
	fmt.Fprintf(opt.Log, "%s run %s started: %d sources\n", start.Format(time.RFC3339), rep.RunID, len(opt.Sources))

	// The run's own context ends when it loses the lock to another run.
	runCtx, stopRun := context.WithCancelCause(ctx)
	defer stopRun(nil)
	// Progress (an item read, an article or batch done) is noted so that
	// the lock is renewed only while the run moves: a run stuck on a read
	// lets it expire.
	var lastProgress atomic.Int64
	noteProgress := func() { lastProgress.Store(time.Now().UnixNano()) }
	noteProgress()
	ingestOpt := opt.Ingest
	if progress := opt.Ingest.Progress; progress != nil {
		ingestOpt.Progress = func(s ingest.Summary) { noteProgress(); progress(s) }
	} else {
		ingestOpt.Progress = func(ingest.Summary) { noteProgress() }
	}
	renewDone := make(chan struct{})
	renewCtx, stopRenew := context.WithCancel(recordCtx)
	go func() {
		defer close(renewDone)
		renew(renewCtx, c, claim, holder.Expires, opt, rep.RunID, &lastProgress, stopRun)
	}()

	var (
		statesMu sync.Mutex
		states   map[string]ingest.FeedState
	)
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		// An item read is progress, as is an article or batch done.
		emitted := func(it ingest.Item) error { noteProgress(); return emit(it) }
		st, err := ingest.ReadSources(ctx, opt.Sources, opt.Source, feedStore{c}, emitted)
		statesMu.Lock()
		states = st
		statesMu.Unlock()
		return err
	}
	sum, runErr := ingest.Run(runCtx, src, x, lex, c, ingestOpt)
	rep.Summary = sum
	lost := context.Cause(runCtx)
	if ctx.Err() != nil || !errors.Is(lost, errLockLost) {
		lost = nil
	}
	if lost != nil && errors.Is(runErr, context.Canceled) {
		runErr = lost
	}

	switch {
	case runErr == nil && sum.Failed == 0:
		rep.Status = StatusSucceeded
		statesMu.Lock()
		kept := states
		statesMu.Unlock()
		for url, st := range kept {
			if err := c.SaveFeedState(recordCtx, url, graph.FeedValidators{ETag: st.ETag, LastModified: st.LastModified}); err != nil {
				runErr = err
				rep.Status = StatusFailed
				break
			}
			rep.Feeds++
		}
	case runErr == nil:
		rep.Status = StatusPartial
	case errors.Is(runErr, context.Canceled) && ctx.Err() != nil:
		rep.Status = StatusInterrupted
	default:
		rep.Status = StatusFailed
	}
	stopRenew()
	<-renewDone
	run.Status = rep.Status
	run.Seen, run.New, run.Updated, run.Unchanged = int64(sum.Seen), int64(sum.New), int64(sum.Updated), int64(sum.Unchanged)
	run.Failed, run.Relations, run.Seconds = int64(sum.Failed), int64(sum.Relations), sum.Seconds
	switch {
	case runErr != nil:
		run.Error = runErr.Error()
	case len(sum.Failures) > 0:
		run.Error = fmt.Sprintf("%d failed, first: %s", sum.Failed, sum.Failures[0].Error)
	}
	if err := c.FinishRun(recordCtx, run); err != nil && runErr == nil {
		runErr = err
	}
	fmt.Fprintf(opt.Log, "%s run %s %s: %d seen, %d new, %d updated, %d unchanged, %d failed, %d relations, %.1fs\n",
		time.Now().UTC().Format(time.RFC3339), rep.RunID, rep.Status, sum.Seen, sum.New, sum.Updated, sum.Unchanged, sum.Failed, sum.Relations, sum.Seconds)
	for _, f := range sum.Failures {
		fmt.Fprintf(opt.Log, "  failed: %s\n", f.Error)
	}
	return rep, runErr
}

// errLockLost is the cause of a run's end when another run took its lock.
var errLockLost = errors.New("lost the ingest lock")

// renew renews the lock of claim every LockTTL/3 until ctx ends, but only
// while the run makes progress: once lastProgress (unix nanoseconds) is
// older than StallLimit it stops, with a warning, so that the lock expires
// at expires and the next run can take it. When a renewal finds that
// another run holds the lock, it ends the run with stopRun.
func renew(ctx context.Context, c Graph, claim graph.LockClaim, expires time.Time, opt Options, runID string,
	lastProgress *atomic.Int64, stopRun context.CancelCauseFunc) {
	t := time.NewTicker(max(opt.LockTTL/3, 10*time.Millisecond))
	defer t.Stop()
	stalled := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		idle := time.Since(time.Unix(0, lastProgress.Load()))
		if idle > opt.StallLimit {
			if !stalled {
				stalled = true
				fmt.Fprintf(opt.Log, "%s warning: run %s made no progress for %s (stall limit %s): it no longer renews the ingest lock, which expires at %s so that the next run can take it\n",
					time.Now().UTC().Format(time.RFC3339), runID, idle.Round(time.Second), opt.StallLimit, expires.UTC().Format(time.RFC3339))
			}
			continue
		}
		h, ok, err := c.Lock(ctx, LockName, claim, opt.LockTTL)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				fmt.Fprintf(opt.Log, "%s warning: run %s could not renew the ingest lock: %v\n", time.Now().UTC().Format(time.RFC3339), runID, err)
			}
		case !ok:
			err := fmt.Errorf("%w to %s (since %s) while it made no progress; stopped so that two runs do not overlap",
				errLockLost, h.Owner, h.Since.UTC().Format(time.RFC3339))
			fmt.Fprintf(opt.Log, "%s warning: run %s %v\n", time.Now().UTC().Format(time.RFC3339), runID, err)
			stopRun(err)
			return
		default:
			if stalled {
				stalled = false
				fmt.Fprintf(opt.Log, "%s run %s makes progress again: it renews the ingest lock\n", time.Now().UTC().Format(time.RFC3339), runID)
			}
			expires = h.Expires
		}
	}
}

// ParseCron parses a cron expression: five fields (minute hour
// day-of-month month day-of-week) or a descriptor such as @hourly, @daily
// or @every 30m.
func ParseCron(spec string) (cron.Schedule, error) {
	p := cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
	s, err := p.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("schedule: cron expression %q: %w", spec, err)
	}
	return s, nil
}

// Every calls job at each time of sched until ctx ends. Runs never
// overlap: a time that passes while job runs is skipped, and the next one
// is computed when job returns. It returns ctx's error once job has
// returned; next, if set, is told each coming time.
func Every(ctx context.Context, sched cron.Schedule, now func() time.Time, next func(time.Time), job func(context.Context)) error {
	if now == nil {
		now = time.Now
	}
	for {
		at := sched.Next(now())
		if next != nil {
			next(at)
		}
		t := time.NewTimer(time.Until(at))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		job(ctx)
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}
