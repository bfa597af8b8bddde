package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
)

// Writer stores articles' facts, a batch per transaction; *graph.Client
// is one.
type Writer interface {
	WriteArticles(ctx context.Context, fs []graph.ArticleFacts) ([]graph.Outcome, error)
}

// Options configures a run.
type Options struct {
	Workers   int              // extraction workers (default: number of CPUs)
	BatchSize int              // articles per write transaction (default 100)
	DryRun    bool             // extract and count, write nothing
	Weights   alliance.Weights // weights stored on relations (default alliance.DefaultWeights)
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

type job struct {
	item  Item
	facts graph.ArticleFacts
	err   error
}

// Run reads src, extracts every article on a pool of workers and writes
// them in batches with w (nil with DryRun); each batch, and so each article,
// is written atomically. A bad article is counted as a failure and the run
// goes on; the run stops with an error only when ctx ends (after writing the
// batch in hand) or the database becomes unreachable. Memory stays bounded: at most a few articles per worker are in
// flight.
func Run(ctx context.Context, src Source, x *extract.Extractor, lex *lexicon.Lexicon, w Writer, opt Options) (Summary, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 100
	}
	if opt.Weights == nil {
		opt.Weights = alliance.DefaultWeights
	}
	if w == nil && !opt.DryRun {
		return Summary{}, errors.New("ingest: no writer and not a dry run")
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The article in hand is written even after an interrupt, so that a
	// SIGTERM ends the run between articles, never inside one.
	writeCtx := context.WithoutCancel(parent)

	items := make(chan Item, opt.Workers*2)
	done := make(chan job, opt.Workers*2)
	var readErr error
	go func() {
		defer close(items)
		readErr = src(ctx, func(it Item) error {
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				j := job{item: it, err: it.Err}
				if j.err == nil {
					j.facts, j.err = extractFacts(it.Article, x, lex, opt)
				}
				select {
				case done <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	// The summary is shared by this loop and the writer goroutine.
	var (
		mu     sync.Mutex
		sum    Summary
		runErr error
	)
	progress := func() { // with mu held
		if opt.Progress != nil {
			sum.Seconds = time.Since(start).Seconds()
			opt.Progress(sum)
		}
	}
	stop := func(err error) { // with mu held
		if runErr == nil {
			runErr = err
			cancel()
		}
	}
	record := func(j job, out graph.Outcome) { // with mu held
		switch out {
		case graph.New:
			sum.New++
			sum.Relations += len(j.facts.Relations)
		case graph.Updated:
			sum.Updated++
			sum.Relations += len(j.facts.Relations)
		default:
			sum.Unchanged++
		}
	}
	// write stores a batch in one transaction. When that fails for any
	// reason but an unreachable database, the articles are written one by
	// one, so a bad article fails alone.
	write := func(batch []job) {
		fs := make([]graph.ArticleFacts, len(batch))
		for i, j := range batch {
			fs[i] = j.facts
		}
		mu.Lock()
		failed := runErr
		mu.Unlock()
		if failed != nil {
			mu.Lock()
			sum.failDatabase(failed, len(batch))
			progress()
			mu.Unlock()
			return
		}
		outs, err := w.WriteArticles(writeCtx, fs)
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err == nil:
			for i, j := range batch {
				record(j, outs[i])
			}
			progress()
			return
		case unreachable(err):
			stop(err)
			sum.failDatabase(runErr, len(batch))
			progress()
			return
		}
		for _, j := range batch {
			if runErr != nil {
				sum.failDatabase(runErr, 1)
				progress()
				continue
			}
			mu.Unlock()
			outs, err := w.WriteArticles(writeCtx, []graph.ArticleFacts{j.facts})
			mu.Lock()
			switch {
			case err == nil:
				record(j, outs[0])
			case unreachable(err):
				stop(err)
				sum.failDatabase(runErr, 1)
			default:
				sum.fail(j.item.Origin, err)
			}
			progress()
		}
	}
	// The writer runs beside extraction. It takes a batch only when it is
	// idle, so batches grow while a write is under way and a slow database
	// gets fewer, larger transactions.
	batches := make(chan []job)
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range batches {
			write(b)
		}
	}()
	var batch []job
	for {
		var j job
		var ok bool
		if len(batch) >= opt.BatchSize {
			batches <- batch
			batch = nil
			continue
		}
		if len(batch) > 0 {
			select {
			case batches <- batch:
				batch = nil
				continue
			case j, ok = <-done:
			}
		} else {
			j, ok = <-done
		}
		if !ok || ctx.Err() != nil {
			break
		}
		mu.Lock()
		sum.Seen++
		switch {
		case j.err != nil:
			sum.fail(j.item.Origin, j.err)
			progress()
		case opt.DryRun:
			sum.Extracted++
			sum.Relations += len(j.facts.Relations)
			progress()
		default:
			batch = append(batch, j)
		}
		mu.Unlock()
	}
	// The batch in hand is written, also after an interrupt; after a
	// database failure it is counted as failed.
	if len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	<-writerDone
	// Stop the reader and the workers, and let them finish.
	cancel()
	for range done {
	}
	sum.Seconds = time.Since(start).Seconds()
	switch {
	case runErr != nil:
		return sum, fmt.Errorf("ingest: stopped: %w", runErr)
	case parent.Err() != nil:
		return sum, parent.Err()
	case readErr != nil:
		return sum, fmt.Errorf("ingest: %w", readErr)
	}
	return sum, nil
}

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

// extractFacts runs the extractor on one article; a panic in extraction
// fails that article only.
func extractFacts(a article.Article, x *extract.Extractor, lex *lexicon.Lexicon, opt Options) (f graph.ArticleFacts, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: extraction failed: %v", a.Origin, r)
		}
	}()
	if a.ID == "" {
		return f, fmt.Errorf("%s: article has no id", a.Origin)
	}
	if a.Published.IsZero() && !opt.AllowUndated {
		return f, fmt.Errorf("%s: no published date: give one in front matter, with --published, or allow undated articles with ingest.allow_undated", a.Origin)
	}
	res := x.Extract(a)
	f = Facts(a, res, lex, opt.Weights, opt.ExtractorVersion)
	f.Replace = opt.Reextract
	return f, nil
}
