package ingest

// The steps of Run, in the order an article goes through them, joined by
// channels:
//
//	read     one goroutine           src's items, in order     → items
//	extract  opt.Workers goroutines  the facts of each article → extracted
//	collect  Run's own goroutine     counts, forms batches     → batches
//	write    one goroutine           writes, falls back        → reports → collect
//
// Each step owns what it makes and sends it on; only the collect step
// counts, so the Summary and the run's fatal error have one owner and no
// lock.

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
)

// extraction is an item after the extract step: the facts of its article,
// or why it failed (unreadable, no id, no date, extraction panicked).
type extraction struct {
	item  Item
	facts graph.ArticleFacts
	err   error
}

// writeReport is the write step's account of the articles of one write
// call, in the order given. With err nil, outcomes holds one Outcome per
// article; otherwise every article of it failed with err and nothing of it
// was written (a bad article written alone, or an unreachable database).
type writeReport struct {
	articles []extraction
	outcomes []graph.Outcome
	err      error
}

// read is the read step: it sends src's items to items, in order, until
// src ends or ctx does, and then closes items. Its error is src's.
func read(ctx context.Context, src Source, items chan<- Item) error {
	defer close(items)
	return src(ctx, func(it Item) error {
		select {
		case items <- it:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// extractAll is the extract step: opt.Workers workers take items, extract
// the facts of each article and send them to out; an item that could not
// be read goes on as a failure. out is closed when every worker has ended:
// when items is closed and drained, or ctx has ended.
func extractAll(ctx context.Context, items <-chan Item, out chan<- extraction, x *extract.Extractor, lex *lexicon.Lexicon, opt Options) {
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			for it := range items {
				e := extraction{item: it, err: it.Err}
				if e.err == nil {
					e.facts, e.err = extractFacts(it.Article, x, lex, opt)
				}
				select {
				case out <- e:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	wg.Wait()
	close(out)
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
	f = Facts(a, res, lex, opt.ExtractorVersion)
	f.Replace = opt.Reextract
	return f, nil
}

// writeBatches is the write step: it writes each batch it receives with
// writeBatch, sending what became of its articles to reports, and closes
// reports once batches is closed. Its ctx is not ended by an interrupt, so
// that a batch begun is written whole.
func writeBatches(ctx context.Context, w Writer, batches <-chan []extraction, reports chan<- writeReport) {
	defer close(reports)
	for batch := range batches {
		writeBatch(ctx, w, batch, reports)
	}
}

// writeBatch writes batch in one transaction. When that fails for any
// reason but an unreachable database, it writes the articles one by one,
// so that a bad article fails alone; once the database is unreachable, the
// articles left are reported failed with its error, without a write. A
// report is sent after each write call, so every article of batch is in one.
func writeBatch(ctx context.Context, w Writer, batch []extraction, reports chan<- writeReport) {
	outs, err := writeFacts(ctx, w, batch)
	if err == nil || unreachable(err) {
		reports <- writeReport{articles: batch, outcomes: outs, err: err}
		return
	}
	var down error // the database's failure, once a write met it
	for i := range batch {
		one := batch[i : i+1]
		if down != nil {
			reports <- writeReport{articles: one, err: down}
			continue
		}
		outs, err := writeFacts(ctx, w, one)
		if unreachable(err) {
			down = err
		}
		reports <- writeReport{articles: one, outcomes: outs, err: err}
	}
}

// writeFacts writes the facts of articles with one call of w; a writer
// that answers without an error but not with one outcome per article fails
// the call.
func writeFacts(ctx context.Context, w Writer, articles []extraction) ([]graph.Outcome, error) {
	fs := make([]graph.ArticleFacts, len(articles))
	for i, a := range articles {
		fs[i] = a.facts
	}
	outs, err := w.WriteArticles(ctx, fs)
	if err == nil && len(outs) != len(fs) {
		return nil, fmt.Errorf("ingest: the writer answered %d outcomes for %d articles", len(outs), len(fs))
	}
	return outs, err
}

// collector is the collect step, and the one owner of the run's Summary
// and of its fatal error (the first failure of the database): the other
// steps send it what they did and never touch either.
type collector struct {
	opt   Options
	start time.Time
	sum   Summary
	fatal error
}

// collect counts each extraction as it arrives and gathers the articles
// to write into batches of up to opt.BatchSize. It hands a batch to the
// write step (batches) only when the writer is idle, so that batches grow
// while a write is under way and a slow database gets fewer, larger
// transactions; it counts the writer's reports as they come. When ctx
// ends (an interrupt) or the database fails, it takes no more extractions
// and returns once the write under way is reported and the batch in hand
// is written, or, after a database failure, counted failed, unwritten. In
// a dry run batches and reports are nil: nothing is written.
func (c *collector) collect(ctx context.Context, extracted <-chan extraction, batches chan<- []extraction, reports <-chan writeReport) {
	var batch []extraction
	writing := 0 // articles handed to the writer and not reported yet
	in, done := extracted, ctx.Done()
	for in != nil || writing > 0 || (len(batch) > 0 && c.fatal == nil) {
		take := in
		if len(batch) >= c.opt.BatchSize {
			take = nil
		}
		var give chan<- []extraction
		if len(batch) > 0 && writing == 0 && c.fatal == nil {
			give = batches
		}
		select {
		case <-done:
			in, done = nil, nil
		case e, ok := <-take:
			if !ok || ctx.Err() != nil {
				in = nil
				continue
			}
			if c.add(e) {
				batch = append(batch, e)
			}
		case give <- batch:
			writing, batch = len(batch), nil
		case r := <-reports:
			writing -= len(r.articles)
			c.record(r)
			if c.fatal != nil {
				in = nil // the database failed: take no more articles
			}
		}
	}
	if len(batch) > 0 && c.fatal != nil {
		c.sum.failDatabase(c.fatal, len(batch))
		c.progress()
	}
}

// add counts e as seen. A failure, or in a dry run an article extracted,
// is finished at once and reported; add tells whether e is to be written.
func (c *collector) add(e extraction) bool {
	c.sum.Seen++
	switch {
	case e.err != nil:
		c.sum.fail(e.item.Origin, e.err)
	case c.opt.DryRun:
		c.sum.Extracted++
		c.sum.Relations += len(e.facts.Relations)
	default:
		return true
	}
	c.progress()
	return false
}

// record counts the articles of a write report as finished and reports
// progress. The first failure of the database becomes the run's fatal
// error.
func (c *collector) record(r writeReport) {
	switch {
	case r.err == nil:
		for i, e := range r.articles {
			switch r.outcomes[i] {
			case graph.New:
				c.sum.New++
				c.sum.Relations += len(e.facts.Relations)
			case graph.Updated:
				c.sum.Updated++
				c.sum.Relations += len(e.facts.Relations)
			default:
				c.sum.Unchanged++
			}
		}
	case unreachable(r.err):
		if c.fatal == nil {
			c.fatal = r.err
		}
		c.sum.failDatabase(c.fatal, len(r.articles))
	default:
		for _, e := range r.articles {
			c.sum.fail(e.item.Origin, r.err)
		}
	}
	c.progress()
}

// progress calls opt.Progress, if set, with the summary so far.
func (c *collector) progress() {
	if c.opt.Progress != nil {
		c.sum.Seconds = time.Since(c.start).Seconds()
		c.opt.Progress(c.sum)
	}
}

// result is the run's Summary and error: the database's failure first,
// then the end of the caller's context (parentErr), then the source's
// error (readErr).
func (c *collector) result(parentErr, readErr error) (Summary, error) {
	c.sum.Seconds = time.Since(c.start).Seconds()
	switch {
	case c.fatal != nil:
		return c.sum, fmt.Errorf("ingest: stopped: %w", c.fatal)
	case parentErr != nil:
		return c.sum, parentErr
	case readErr != nil:
		return c.sum, fmt.Errorf("ingest: %w", readErr)
	}
	return c.sum, nil
}
