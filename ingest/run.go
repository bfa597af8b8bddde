package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
)

// Writer stores articles' facts, a batch per transaction; *graph.Client
// is one.
type Writer interface {
	WriteArticles(ctx context.Context, fs []graph.ArticleFacts) ([]graph.Outcome, error)
}

// ShiftRefresher is a Writer that keeps derived data (graph.Client's
// SHIFT markers) to bring up to date once a run's batches are written;
// Run calls RefreshShifts after the last batch unless the run was
// interrupted or the database failed (the next run does it then).
type ShiftRefresher interface {
	RefreshShifts(ctx context.Context) error
}

// DefaultBatchSize is the number of articles written per transaction
// unless Options.BatchSize (the setting ingest.batch_size) says otherwise:
// in interleaved `bench ingest` runs, batches of 250 wrote faster than
// batches of 100, 500 or 1,000.
const DefaultBatchSize = 250

// Options configures a run.
type Options struct {
	Workers   int  // extraction workers (default: number of CPUs)
	BatchSize int  // articles per write transaction (default DefaultBatchSize)
	DryRun    bool // extract and count, write nothing
	// ExtractorVersion fingerprints the extractor and its dictionaries; it
	// is part of each article's hash, so that a new extractor or changed
	// dictionaries re-extract the articles read again.
	ExtractorVersion string
	// Reextract replaces every article read, even one whose hash is in the
	// graph unchanged (after the dictionaries changed in a way the
	// fingerprint does not see, or to repair a graph).
	Reextract bool
	// AllowUndated accepts articles without a published date; their
	// relations are stored without a date. Otherwise such an article fails.
	AllowUndated bool
	// Progress, if set, is called whenever articles are finished (written,
	// failed, or in a dry run extracted), never concurrently. Summary.Finished
	// counts them; Seen runs ahead of it while writes are under way.
	Progress func(Summary)
}

// Failure is one article that could not be ingested, or, for a failure
// of the database (unreachable, refused the credentials), every article of
// the run that it left unwritten: one entry per distinct cause, with
// Origin empty and Count the number of those articles.
type Failure struct {
	Origin string `json:"origin"`
	Error  string `json:"error"`
	Count  int    `json:"count"` // articles this entry stands for
	cause  string // database failures: the cause, unchanged by Count
}

// Summary counts what a run did.
type Summary struct {
	Seen      int       `json:"seen"`
	New       int       `json:"new"`
	Updated   int       `json:"updated"`
	Unchanged int       `json:"unchanged"`
	Extracted int       `json:"extracted"` // dry run: articles extracted, not written
	Failed    int       `json:"failed"`
	Relations int       `json:"relations_written"`
	Seconds   float64   `json:"seconds"`
	Failures  []Failure `json:"failures,omitempty"`
}

// Finished is how many of the articles seen are done: written (new,
// updated or unchanged), failed, or in a dry run extracted. Articles seen
// but still waiting for the writer are not counted, so Finished equals Seen
// only when every article read so far is done.
func (s Summary) Finished() int {
	return s.New + s.Updated + s.Unchanged + s.Extracted + s.Failed
}

// Source produces the items of a run (see Read).
type Source func(ctx context.Context, emit func(Item) error) error

// Run reads src, extracts every article on a pool of workers and writes
// them in batches with w (nil with DryRun); each batch, and so each article,
// is written atomically. A bad article is counted as a failure and the run
// goes on; the run stops with an error only when ctx ends (after writing the
// batch in hand) or the database becomes unreachable. Memory stays bounded:
// at most a few articles per worker are in flight.
//
// The run is a pipeline of steps joined by channels (see pipeline.go):
// read (src, one goroutine) → extract (opt.Workers goroutines) → collect
// (the calling goroutine) ⇄ write (one goroutine). The collect step alone
// owns the Summary and the run's fatal error: it counts what it receives,
// forms the batches, hands them to the writer and counts the writer's
// reports.
func Run(ctx context.Context, src Source, x *extract.Extractor, lex *lexicon.Lexicon, w Writer, opt Options) (Summary, error) {
	start := time.Now()
	opt = opt.withDefaults()
	if w == nil && !opt.DryRun {
		return Summary{}, errors.New("ingest: no writer and not a dry run")
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	items := make(chan Item, opt.Workers*2)
	readDone := make(chan error, 1)
	go func() { readDone <- read(ctx, src, items) }()
	extracted := make(chan extraction, opt.Workers*2)
	go extractAll(ctx, items, extracted, x, lex, opt)
	var (
		batches chan []extraction
		reports chan writeReport
	)
	if !opt.DryRun {
		batches, reports = make(chan []extraction), make(chan writeReport)
		// The article in hand is written even after an interrupt, so that a
		// SIGTERM ends the run between articles, never inside one.
		go writeBatches(context.WithoutCancel(parent), w, batches, reports)
	}

	c := &collector{opt: opt, start: start}
	c.collect(ctx, extracted, batches, reports)
	if batches != nil {
		close(batches)
		for range reports { // the writer has nothing left: wait for it to end
		}
		if r, ok := w.(ShiftRefresher); ok && parent.Err() == nil && c.fatal == nil {
			if err := r.RefreshShifts(parent); err != nil {
				c.fatal = fmt.Errorf("after the last batch: %w", err)
			}
		}
	}
	// Stop the reader and the workers (after an interrupt or the
	// database's failure they may have more), and let them finish.
	cancel()
	for range extracted {
	}
	readErr := <-readDone
	return c.result(parent.Err(), readErr)
}

// withDefaults fills in the options left zero with their defaults.
func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	return o
}

// unreachable tells whether err is a failure of the database itself
// (unreachable, or refusing the credentials) rather than of the articles
// written.
func unreachable(err error) bool {
	return errors.Is(err, graph.ErrUnavailable) || errors.Is(err, graph.ErrAuth)
}

func (s *Summary) fail(origin string, err error) {
	s.Failed++
	s.Failures = append(s.Failures, Failure{Origin: origin, Error: err.Error(), Count: 1})
}

// failDatabase counts n articles left unwritten by a database failure
// under one entry per distinct cause, so that a dead database makes one
// line, not one per article.
func (s *Summary) failDatabase(err error, n int) {
	if n <= 0 {
		return
	}
	s.Failed += n
	cause := err.Error()
	i := slices.IndexFunc(s.Failures, func(f Failure) bool { return f.cause == cause })
	if i < 0 {
		s.Failures = append(s.Failures, Failure{cause: cause})
		i = len(s.Failures) - 1
	}
	f := &s.Failures[i]
	f.Count += n
	what := "database unreachable"
	if errors.Is(err, graph.ErrAuth) {
		what = "database refused the credentials"
	}
	noun := "articles"
	if f.Count == 1 {
		noun = "article"
	}
	f.Error = fmt.Sprintf("%s: %s: %d %s not written", what, cause, f.Count, noun)
}
