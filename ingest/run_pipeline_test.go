package ingest_test

// Tests of Run's pipeline logic (batching, the batch-to-article fallback,
// a failing database, interrupts, counts, order and progress) through the
// Writer interface, with fakeDatabase standing for Neo4j. The tests
// against a real Neo4j are in run_test.go.

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
)

// fakeDatabase is a Writer whose write calls are atomic, like Neo4j's
// transactions: a call that fails stores none of its articles. It keeps
// the ids of every call and of every article stored, in order.
type fakeDatabase struct {
	// answer answers the call-th call (from 1) for the articles ids; nil:
	// every article new.
	answer func(call int, ids []string) ([]graph.Outcome, error)
	// before, if set, is called first in each call, outside mu.
	before func(call int)

	mu          sync.Mutex
	calls       [][]string
	stored      []string
	facts       map[string]graph.ArticleFacts // by id, as given
	endedCalled int                           // calls made with their ctx already ended
}

func (db *fakeDatabase) WriteArticles(ctx context.Context, fs []graph.ArticleFacts) ([]graph.Outcome, error) {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Article.ID
	}
	db.mu.Lock()
	db.calls = append(db.calls, ids)
	call := len(db.calls)
	if ctx.Err() != nil {
		db.endedCalled++
	}
	if db.facts == nil {
		db.facts = map[string]graph.ArticleFacts{}
	}
	for _, f := range fs {
		db.facts[f.Article.ID] = f
	}
	db.mu.Unlock()
	if db.before != nil {
		db.before(call)
	}
	var outs []graph.Outcome
	var err error
	if db.answer != nil {
		outs, err = db.answer(call, ids)
	} else {
		outs = slices.Repeat([]graph.Outcome{graph.New}, len(ids))
	}
	if err == nil {
		db.mu.Lock()
		db.stored = append(db.stored, ids...)
		db.mu.Unlock()
	}
	return outs, err
}

// rejecting answers a call that holds one of the bad articles with an
// error naming it, as graph.WriteArticles does, and any other with every
// article new.
func rejecting(bad ...string) func(int, []string) ([]graph.Outcome, error) {
	return func(_ int, ids []string) ([]graph.Outcome, error) {
		for _, id := range ids {
			if slices.Contains(bad, id) {
				return nil, fmt.Errorf("graph: article %s: constraint violated", id)
			}
		}
		return slices.Repeat([]graph.Outcome{graph.New}, len(ids)), nil
	}
}

// downFrom answers every call from the call-th on with err, and the calls
// before it with then.
func downFrom(call int, err error, then func(int, []string) ([]graph.Outcome, error)) func(int, []string) ([]graph.Outcome, error) {
	return func(c int, ids []string) ([]graph.Outcome, error) {
		if c >= call {
			return nil, err
		}
		return then(c, ids)
	}
}

// ids names articles first … last: a1, a2 …
func ids(first, last int) []string {
	var s []string
	for i := first; i <= last; i++ {
		s = append(s, fmt.Sprintf("a%d", i))
	}
	return s
}

// one makes each id a call of its own.
func one(ids ...string) [][]string {
	var calls [][]string
	for _, id := range ids {
		calls = append(calls, []string{id})
	}
	return calls
}

// calls joins lists of calls into one.
func calls(parts ...[][]string) [][]string { return slices.Concat(parts...) }

// twoBatchArticles is the number of articles of a twoBatches run.
const twoBatchArticles = 12

// twoBatches runs twoBatchArticles articles a0 … a11 through Run into db
// so that the batches are always the same: a0 alone, then a1 … a10 in one
// batch. The source emits a0 and waits for the first write call before it
// emits the others; that call waits until the run has seen them all, which
// the run tells when it reports the last one, a11: it has no id, so it
// fails in extraction without a write. It returns the run's summary and
// error and every progress report, in order.
func twoBatches(ctx context.Context, t *testing.T, db *fakeDatabase) (ingest.Summary, error, []ingest.Summary) {
	t.Helper()
	x, lex := pipeline(t)
	const n = twoBatchArticles
	as := make([]article.Article, n)
	for i := range as {
		as[i] = testArticle(i)
	}
	as[n-1].ID = ""
	firstCall, allSeen := make(chan struct{}), make(chan struct{})
	var seen sync.Once
	before := db.before
	db.before = func(call int) {
		if call == 1 {
			close(firstCall)
			<-allSeen
		}
		if before != nil {
			before(call)
		}
	}
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		if err := emit(ingest.Item{Article: as[0], Origin: as[0].Origin}); err != nil {
			return err
		}
		select {
		case <-firstCall:
		case <-ctx.Done():
			return ctx.Err()
		}
		return items(as[1:], nil)(ctx, emit)
	}
	var reports []ingest.Summary
	// One worker keeps the order; a batch must hold all but the first.
	opt := ingest.Options{Workers: 1, BatchSize: 100, ExtractorVersion: "test"}
	opt.Progress = func(s ingest.Summary) {
		reports = append(reports, s)
		if s.Seen == n {
			seen.Do(func() { close(allSeen) })
		}
	}
	sum, err := ingest.Run(ctx, src, x, lex, db, opt)
	return sum, err, reports
}

// failures maps the failures of a summary to their counts, by origin (the
// articles' own) or by message (the database's).
func failures(sum ingest.Summary) map[string]int {
	m := map[string]int{}
	for _, f := range sum.Failures {
		key := f.Origin
		if key == "" {
			key = f.Error
		}
		m[key] += f.Count
	}
	return m
}

// noID is the failure of a11, the last article of twoBatches.
const noID = "dir/a11.md"

// A batch that fails for a reason other than the database is written again
// article by article: a bad article fails alone, named with its id, and the
// others are written.
func TestRunBatchFallsBackToArticles(t *testing.T) {
	tooLarge := func(_ int, ids []string) ([]graph.Outcome, error) {
		if len(ids) > 1 {
			return nil, errors.New("graph: transaction too large")
		}
		return []graph.Outcome{graph.New}, nil
	}
	tests := []struct {
		name   string
		answer func(int, []string) ([]graph.Outcome, error)
		calls  [][]string     // ids of each write call, in order
		stored []string       // ids written, in order
		failed map[string]int // failures by origin
		errors []string       // words of each article failure, in order
	}{
		{"no bad article", nil,
			calls([][]string{{"a0"}, ids(1, 10)}), ids(0, 10),
			map[string]int{noID: 1}, []string{"no id"}},
		{"one bad article", rejecting("a4"),
			calls([][]string{{"a0"}, ids(1, 10)}, one(ids(1, 10)...)), slices.Concat(ids(0, 3), ids(5, 10)),
			map[string]int{noID: 1, "dir/a4.md": 1}, []string{"no id", "article a4: constraint violated"}},
		{"two bad articles, the first and the last of the batch", rejecting("a1", "a10"),
			calls([][]string{{"a0"}, ids(1, 10)}, one(ids(1, 10)...)), slices.Concat([]string{"a0"}, ids(2, 9)),
			map[string]int{noID: 1, "dir/a1.md": 1, "dir/a10.md": 1},
			[]string{"no id", "article a1: constraint violated", "article a10: constraint violated"}},
		{"a bad article alone in its batch: tried once more alone", rejecting("a0"),
			calls([][]string{{"a0"}, {"a0"}, ids(1, 10)}), ids(1, 10),
			map[string]int{noID: 1, "dir/a0.md": 1}, []string{"no id", "article a0: constraint violated"}},
		{"every article bad", rejecting(ids(0, 10)...),
			calls([][]string{{"a0"}, {"a0"}, ids(1, 10)}, one(ids(1, 10)...)), nil,
			func() map[string]int {
				m := map[string]int{noID: 1}
				for _, id := range ids(0, 10) {
					m["dir/"+id+".md"] = 1
				}
				return m
			}(), nil},
		{"the batch fails, every article alone succeeds", tooLarge,
			calls([][]string{{"a0"}, ids(1, 10)}, one(ids(1, 10)...)), ids(0, 10),
			map[string]int{noID: 1}, []string{"no id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := &fakeDatabase{answer: tt.answer}
			sum, err, _ := twoBatches(context.Background(), t, db)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(db.calls, tt.calls, slices.Equal) {
				t.Errorf("write calls\n%v\nwant\n%v", db.calls, tt.calls)
			}
			if !slices.Equal(db.stored, tt.stored) {
				t.Errorf("stored %v, want %v", db.stored, tt.stored)
			}
			if got := failures(sum); !maps.Equal(got, tt.failed) {
				t.Errorf("failures %v, want %v", got, tt.failed)
			}
			for i, words := range tt.errors {
				if i >= len(sum.Failures) || !strings.Contains(sum.Failures[i].Error, words) || sum.Failures[i].Count != 1 {
					t.Errorf("failure %d of %+v: want one article, with %q", i, sum.Failures, words)
				}
			}
			wantFailed := len(tt.failed)
			if sum.Seen != twoBatchArticles || sum.Failed != wantFailed || sum.New != twoBatchArticles-wantFailed || sum.Finished() != sum.Seen {
				t.Errorf("summary %+v: want %d seen, %d failed, the others new", sum, twoBatchArticles, wantFailed)
			}
			if db.endedCalled != 0 {
				t.Errorf("%d write calls with an ended context", db.endedCalled)
			}
		})
	}
}

// A writer that answers without an error but without an outcome for each
// article fails the articles, each alone, instead of a panic.
func TestRunWriterWithoutOutcomes(t *testing.T) {
	db := &fakeDatabase{answer: func(int, []string) ([]graph.Outcome, error) { return nil, nil }}
	sum, err, _ := twoBatches(context.Background(), t, db)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != twoBatchArticles || sum.New != 0 || len(sum.Failures) != twoBatchArticles {
		t.Fatalf("summary %+v: want every article failed", sum)
	}
	for _, f := range sum.Failures[1:] {
		if f.Count != 1 || !strings.Contains(f.Error, "the writer answered 0 outcomes for 1 articles") {
			t.Errorf("failure %+v", f)
		}
	}
}

// When the database fails (unreachable, or refusing the credentials), no
// more writes are tried; the run stops with its error, and every article
// it left unwritten, the batch in hand too, is counted under one failure
// entry.
func TestRunDatabaseDown(t *testing.T) {
	refused := fmt.Errorf("graph: article a0: graph: bolt://db:7687: %w: connection refused", graph.ErrUnavailable)
	denied := fmt.Errorf("graph: bolt://db:7687: %w: bad password", graph.ErrAuth)
	tests := []struct {
		name    string
		answer  func(int, []string) ([]graph.Outcome, error)
		want    error
		calls   [][]string
		stored  []string
		message string // the database's failure entry
	}{
		{"unreachable from the first write", downFrom(1, refused, nil), graph.ErrUnavailable,
			[][]string{{"a0"}}, nil,
			"database unreachable: " + refused.Error() + ": 11 articles not written"},
		{"credentials refused", downFrom(1, denied, nil), graph.ErrAuth,
			[][]string{{"a0"}}, nil,
			"database refused the credentials: " + denied.Error() + ": 11 articles not written"},
		{"unreachable after the first batch", downFrom(2, refused, rejecting()), graph.ErrUnavailable,
			[][]string{{"a0"}, ids(1, 10)}, []string{"a0"},
			"database unreachable: " + refused.Error() + ": 10 articles not written"},
		{"unreachable while articles are written one by one", downFrom(5, refused, rejecting("a4")), graph.ErrUnavailable,
			calls([][]string{{"a0"}, ids(1, 10)}, one("a1", "a2", "a3")), ids(0, 2),
			"database unreachable: " + refused.Error() + ": 8 articles not written"},
		{"unreachable for the last article written alone", downFrom(12, refused, rejecting("a4")), graph.ErrUnavailable,
			calls([][]string{{"a0"}, ids(1, 10)}, one(ids(1, 10)...)), slices.Concat(ids(0, 3), ids(5, 9)),
			"database unreachable: " + refused.Error() + ": 1 article not written"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := &fakeDatabase{answer: tt.answer}
			sum, err, reports := twoBatches(context.Background(), t, db)
			if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), "ingest: stopped: ") {
				t.Fatalf("err = %v, want ingest: stopped: … %v", err, tt.want)
			}
			if !slices.EqualFunc(db.calls, tt.calls, slices.Equal) {
				t.Errorf("write calls\n%v\nwant\n%v", db.calls, tt.calls)
			}
			if !slices.Equal(db.stored, tt.stored) {
				t.Errorf("stored %v, want %v", db.stored, tt.stored)
			}
			var entries []ingest.Failure
			for _, f := range sum.Failures {
				if f.Origin == "" {
					entries = append(entries, f)
				}
			}
			if len(entries) != 1 || entries[0].Error != tt.message {
				t.Fatalf("database failure entries %+v, want one: %q", entries, tt.message)
			}
			if sum.Seen != twoBatchArticles || sum.New != len(tt.stored) || sum.Finished() != sum.Seen ||
				sum.Failed != sum.Seen-len(tt.stored) {
				t.Errorf("summary %+v: want every article seen finished, %d new", sum, len(tt.stored))
			}
			if last := reports[len(reports)-1]; last.Finished() != twoBatchArticles {
				t.Errorf("last progress report %+v: want all %d finished", last, twoBatchArticles)
			}
		})
	}
}

// A failure of the database stops the reading: the source is told to
// stop long before its end (the pipeline holds no more than a few articles
// beyond the batch in hand), and every article seen is counted failed.
func TestRunDatabaseDownStopsReading(t *testing.T) {
	x, lex := pipeline(t)
	const n = 10000
	var emitted int
	var stopped error
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		for i := range n {
			a := testArticle(i)
			if err := emit(ingest.Item{Article: a, Origin: a.Origin}); err != nil {
				stopped = err
				return err
			}
			emitted++
		}
		return nil
	}
	refused := fmt.Errorf("graph: %w: connection refused", graph.ErrUnavailable)
	db := &fakeDatabase{answer: downFrom(1, refused, nil)}
	sum, err := ingest.Run(context.Background(), src, x, lex, db, ingest.Options{Workers: 1, BatchSize: 2, ExtractorVersion: "test"})
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if stopped == nil || emitted == n {
		t.Fatalf("the source emitted %d of %d articles and was not stopped", emitted, n)
	}
	if len(db.calls) != 1 || sum.Seen == 0 || sum.Failed != sum.Seen || sum.Seen > emitted || len(sum.Failures) != 1 {
		t.Fatalf("summary %+v after %d emitted; %d write calls", sum, emitted, len(db.calls))
	}
}

// An interrupt (ctx ending: SIGTERM) stops reading and extraction, but the
// write under way and the batch in hand are written whole, with a context
// that has not ended; the run returns ctx's error, and every article seen
// is finished.
func TestRunInterrupted(t *testing.T) {
	t.Run("during a write", func(t *testing.T) {
		x, lex := pipeline(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		as := []article.Article{testArticle(0), testArticle(1), testArticle(2)}
		emitted := make(chan struct{})
		db := &fakeDatabase{before: func(call int) {
			if call == 1 {
				<-emitted // the others wait in the pipeline
				cancel()
			}
		}}
		sum, err := ingest.Run(ctx, items(as, emitted), x, lex, db, ingest.Options{Workers: 1, ExtractorVersion: "test"})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if db.endedCalled != 0 || len(db.stored) != sum.New || sum.Finished() != sum.Seen || sum.Failed != 0 || sum.New < 1 {
			t.Fatalf("summary %+v; stored %v; %d write calls with an ended context", sum, db.stored, db.endedCalled)
		}
	})
	t.Run("the batch in hand", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// The first write call ends ctx once the second batch is formed.
		db := &fakeDatabase{before: func(call int) {
			if call == 1 {
				cancel()
			}
		}}
		sum, err, _ := twoBatches(ctx, t, db)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		want := [][]string{{"a0"}, ids(1, 10)}
		if !slices.EqualFunc(db.calls, want, slices.Equal) || !slices.Equal(db.stored, ids(0, 10)) || db.endedCalled != 0 {
			t.Fatalf("write calls %v, stored %v (%d with an ended context); want %v all written", db.calls, db.stored, db.endedCalled, want)
		}
		if sum.New != 11 || sum.Failed != 1 || sum.Seen != twoBatchArticles || sum.Finished() != sum.Seen {
			t.Fatalf("summary %+v", sum)
		}
	})
	sources := []struct {
		name string
		src  func(ctx context.Context, emit func(ingest.Item) error) error
	}{
		{"a source without end", func(ctx context.Context, emit func(ingest.Item) error) error {
			for i := 0; ; i++ {
				a := testArticle(i)
				if err := emit(ingest.Item{Article: a, Origin: a.Origin}); err != nil {
					return err
				}
			}
		}},
		{"a source blocked after three articles", func(ctx context.Context, emit func(ingest.Item) error) error {
			if err := items([]article.Article{testArticle(0), testArticle(1), testArticle(2)}, nil)(ctx, emit); err != nil {
				return err
			}
			<-ctx.Done()
			return ctx.Err()
		}},
	}
	for _, s := range sources {
		t.Run(s.name, func(t *testing.T) {
			x, lex := pipeline(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			db := &fakeDatabase{}
			sum, err := ingest.Run(ctx, s.src, x, lex, db, ingest.Options{Workers: 2, BatchSize: 2, ExtractorVersion: "test",
				Progress: func(s ingest.Summary) {
					if s.New >= 3 {
						cancel()
					}
				}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if db.endedCalled != 0 || len(db.stored) != sum.New || sum.New < 3 || sum.Finished() != sum.Seen || sum.Failed != 0 {
				t.Fatalf("summary %+v; %d stored; %d write calls with an ended context", sum, len(db.stored), db.endedCalled)
			}
		})
	}
}

// Each article is counted by what the writer answered for it; relations
// are counted for articles new or updated only.
func TestRunCounts(t *testing.T) {
	answers := map[string]graph.Outcome{"a0": graph.Unchanged, "a2": graph.Updated, "a3": graph.Updated, "a5": graph.Unchanged, "a6": graph.Unchanged}
	db := &fakeDatabase{answer: func(_ int, ids []string) ([]graph.Outcome, error) {
		if slices.Contains(ids, "a7") {
			return nil, fmt.Errorf("graph: article a7: constraint violated")
		}
		outs := make([]graph.Outcome, len(ids))
		for i, id := range ids {
			outs[i] = graph.New
			if o, ok := answers[id]; ok {
				outs[i] = o
			}
		}
		return outs, nil
	}}
	sum, err, _ := twoBatches(context.Background(), t, db)
	if err != nil {
		t.Fatal(err)
	}
	relations := 0
	for _, id := range []string{"a1", "a2", "a3", "a4", "a8", "a9", "a10"} {
		relations += len(db.facts[id].Relations)
	}
	if relations == 0 {
		t.Fatal("the test articles have no relations")
	}
	want := ingest.Summary{Seen: 12, New: 5, Updated: 2, Unchanged: 3, Failed: 2, Relations: relations}
	got := sum
	got.Seconds, got.Failures = 0, nil
	if !equalSummaries(got, want) {
		t.Fatalf("summary %+v, want %+v", got, want)
	}

	t.Run("dry run", func(t *testing.T) {
		x, lex := pipeline(t)
		as := []article.Article{testArticle(0), testArticle(1), testArticle(2)}
		as[1].ID = ""
		db := &fakeDatabase{}
		sum, err := ingest.Run(context.Background(), items(as, nil), x, lex, db, ingest.Options{DryRun: true, ExtractorVersion: "test"})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Seen != 3 || sum.Extracted != 2 || sum.Failed != 1 || sum.New != 0 || sum.Relations == 0 || len(db.calls) != 0 {
			t.Fatalf("dry run summary %+v, %d write calls", sum, len(db.calls))
		}
	})
}

func equalSummaries(a, b ingest.Summary) bool {
	return a.Seen == b.Seen && a.New == b.New && a.Updated == b.Updated && a.Unchanged == b.Unchanged &&
		a.Extracted == b.Extracted && a.Failed == b.Failed && a.Relations == b.Relations
}

// With one worker, articles are written in the order read, in batches of
// at most BatchSize; progress is reported one call at a time, the
// finished count never goes back nor passes the articles seen, and the last
// report has them all finished.
func TestRunOrderAndProgress(t *testing.T) {
	x, lex := pipeline(t)
	const n = 25
	as := make([]article.Article, n)
	for i := range as {
		as[i] = testArticle(i)
	}
	for _, batchSize := range []int{1, 4, 100} {
		t.Run(fmt.Sprint("batches of ", batchSize), func(t *testing.T) {
			db := &fakeDatabase{}
			var inside atomic.Bool
			var reports []ingest.Summary
			progress := func(s ingest.Summary) {
				if !inside.CompareAndSwap(false, true) {
					t.Error("progress called while it runs")
				}
				defer inside.Store(false)
				reports = append(reports, s)
			}
			sum, err := ingest.Run(context.Background(), items(as, nil), x, lex, db,
				ingest.Options{Workers: 1, BatchSize: batchSize, ExtractorVersion: "test", Progress: progress})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(db.stored, ids(0, n-1)) {
				t.Errorf("written in the order %v", db.stored)
			}
			for _, c := range db.calls {
				if len(c) > batchSize {
					t.Errorf("a batch of %d articles, more than %d", len(c), batchSize)
				}
			}
			if sum.New != n || sum.Finished() != n {
				t.Errorf("summary %+v", sum)
			}
			for i, r := range reports {
				if r.Finished() > r.Seen || (i > 0 && r.Finished() < reports[i-1].Finished()) {
					t.Errorf("report %d: %d finished of %d seen, after %d", i, r.Finished(), r.Seen, reports[max(i-1, 0)].Finished())
				}
			}
			if len(reports) != len(db.calls) || reports[len(reports)-1].Finished() != n {
				t.Errorf("%d reports for %d write calls; last %+v", len(reports), len(db.calls), reports[len(reports)-1])
			}
		})
	}
}
