package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/schedule"
)

type ingestOptions struct {
	Paths     []string
	DryRun    bool
	JSON      bool
	Published string
	Include   []string
	Exclude   []string
	Sources   []string // names of configured sources
	Reextract bool
}

// runIngestSources ingests the configured sources as one locked, recorded
// run (see schedule.Once).
func runIngestSources(ctx context.Context, a *app, o ingestOptions) error {
	opt, err := scheduleOptionsFor(a, o.Sources)
	if err != nil {
		return err
	}
	if o.Published != "" {
		if opt.Source, err = a.SourceOptions(o.Published); err != nil {
			return err
		}
	}
	opt.Ingest.Reextract = o.Reextract
	opt.Log = io.Discard
	p := newProgress(a.Progress())
	opt.Ingest.Progress = p.update
	rep, err := runSourcesOnce(a, ctx, opt)
	p.done(rep.Summary)
	switch {
	case rep.RunID == "":
	case o.JSON:
		if jerr := cmdutil.WriteJSON(a.Out, rep); jerr != nil {
			return jerr
		}
	case rep.Status == schedule.StatusSkipped:
		fmt.Fprintf(a.Out, "skipped: another run holds the ingest lock: %s\n", rep.Holder)
	default:
		writeIngestSummary(a.Out, rep.Summary, false)
		fmt.Fprintf(a.Out, "run %s: %s\n", rep.RunID, rep.Status)
	}
	return reportError(rep, err)
}

func newIngestCmd(a *app) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [SOURCE ...]",
		Short: "Extract relations from articles and write them to Neo4j",
		Long: `Read articles, extract states, officials, meetings and relations, and write
them to the graph in batches of ingest.batch_size articles (default 100), one
transaction per batch: after any failure or crash an article is either fully
in the graph or not at all. A batch that fails is retried article by
article, so a bad article fails alone; when the database is unreachable the
run stops and counts the articles it could not write as failed.

A SOURCE is a text or Markdown file (YAML front matter: id, url, source,
published, title), a JSON-lines file (.jsonl/.ndjson: id, url, source,
published, title, text), a directory (read recursively; see --include and
--exclude), - for standard input, or an http(s) URL: an RSS or Atom feed
(each item is an article, its text taken from the linked page, or from the
item itself when the page fails and the item has enough text) or a web page
(its main text extracted). HTTP requests time out, are size-limited, and are
retried with backoff when a retry can succeed; loopback, private and
link-local addresses are refused unless ingest.http_allow lists them.

Every article needs a published date: from its front matter or JSON field,
its feed item or web page, or --published. An article without one fails,
naming its file, unless ingest.allow_undated is true; the relations of an
undated article have no date, and the queries list them as undated.

Re-ingesting is safe, and corrections are taken: an article whose id is in
the graph with the same text, published date, title, URL and source, read
by the same extractor with the same dictionaries, changes nothing (counted
as unchanged); if any of these changed, its old facts are replaced (counted
as updated). The same text under another id and URL is an article of its
own; under another id with the same URL it replaces the article of that
URL. After the dictionaries change (extract.lexicon_dirs,
extract.dictionaries) or diplograph is upgraded, ingesting the same files
again re-extracts them. --reextract replaces every article read even when
nothing changed. The graph keeps no article text, so re-extraction needs
the files (or feeds) again. Articles stored by an older diplograph are
replaced once, the first time they are read.

With no SOURCE, the sources listed under 'sources:' in diplograph.yaml are
read (all, or those named with --source) as one run of 'diplograph schedule
--once': under the graph's ingest lock (skipped, exit 0, when another run
holds it), recorded as an (:IngestRun), feeds read incrementally. This is the
command to put in a crontab, a systemd timer or a Kubernetes CronJob. With
--dry-run they are only read and extracted: no database, no lock, no record.

Progress goes to standard error (none with --quiet): it counts the articles
finished (written, unchanged or failed; with --dry-run, extracted), so it
reaches 100% when the last write is done. The summary goes to standard
output.

A bad article (unreadable, bad front matter, invalid UTF-8, too large) fails
alone with its file and line; the others go on. The exit code is 0 when all
succeeded, 5 when some articles failed, 3 when the database was unreachable,
130 when interrupted (the batch in hand is written first).`,
		Example: `  diplograph ingest testdata/seeds
  diplograph ingest testdata/corpus/voa/voa_stories.jsonl --json
  cat article.md | diplograph ingest - --published 2014-06-16
  diplograph ingest --dry-run articles/
  diplograph ingest --reextract --dictionary my-verbs.txt archive/
  diplograph ingest https://example.org/world/rss.xml
  diplograph ingest                 # the sources in diplograph.yaml
  diplograph ingest --source voa    # one of them`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if len(o.Paths) > 0 && len(o.Sources) > 0 {
				return cmdutil.Usagef("give SOURCE arguments or --source names from diplograph.yaml, not both")
			}
			if len(o.Paths) == 0 && !o.DryRun {
				return runIngestSources(cmd.Context(), a, o)
			}
			return runIngest(cmd.Context(), a, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.DryRun, "dry-run", false, "extract and report, write nothing (no database needed)")
	f.BoolVar(&o.JSON, "json", false, "print the summary as JSON")
	f.StringSliceVar(&o.Sources, "source", nil, "with no SOURCE: read only these sources of diplograph.yaml (repeatable)")
	f.StringVar(&o.Published, "published", "", "published date (YYYY-MM-DD) for articles that have none")
	f.BoolVar(&o.Reextract, "reextract", false, "replace every article read, even one unchanged in the graph (the files are read and extracted again)")
	f.StringSliceVar(&o.Include, "include", nil, "in directories, read only files matching these globs (default *.txt,*.md,*.markdown,*.jsonl,*.ndjson)")
	f.StringSliceVar(&o.Exclude, "exclude", nil, "in directories, skip files and directories matching these globs")
	return cmd
}

func runIngest(ctx context.Context, a *app, o ingestOptions) error {
	sopt, err := a.SourceOptions(o.Published)
	if err != nil {
		return err
	}
	sopt.Include, sopt.Exclude = o.Include, o.Exclude
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, o.Paths, sopt, emit)
	}
	if len(o.Paths) == 0 { // a dry run of the configured sources
		opt, err := scheduleOptionsFor(a, o.Sources)
		if err != nil {
			return err
		}
		src = func(ctx context.Context, emit func(ingest.Item) error) error {
			_, err := ingest.ReadSources(ctx, opt.Sources, sopt, nil, emit)
			return err
		}
	}
	x, lex, err := a.Extractor()
	if err != nil {
		return err
	}
	fingerprint, err := a.Fingerprint()
	if err != nil {
		return err
	}
	w, err := a.Weights()
	if err != nil {
		return err
	}
	periods, err := a.Config.Alliance.MaterializeAfterIngest, error(nil)
	if err != nil {
		return err
	}
	var writer ingest.Writer
	var client *graph.Client
	if !o.DryRun {
		c, err := a.Connect(ctx, true)
		if err != nil {
			return err
		}
		defer c.Close(context.Background())
		writer, client = c, c
	}
	p := newProgress(a.Progress())
	p.dry = o.DryRun
	if len(o.Paths) > 0 && !a.Quiet {
		p.total, _ = ingest.Count(ctx, o.Paths, sopt)
	}
	sum, err := ingest.Run(ctx, src, x, lex, writer, ingest.Options{
		Workers:          a.Config.Ingest.Workers,
		BatchSize:        a.Config.Ingest.BatchSize,
		DryRun:           o.DryRun,
		Weights:          w,
		ExtractorVersion: fingerprint,
		Reextract:        o.Reextract,
		AllowUndated:     a.Config.Ingest.AllowUndated,
		Progress:         p.update,
	})
	p.done(sum)
	if o.JSON {
		if jerr := cmdutil.WriteJSON(a.Out, sum); jerr != nil {
			return jerr
		}
	} else {
		writeIngestSummary(a.Out, sum, o.DryRun)
	}
	if err != nil {
		return err
	}
	if client != nil {
		_, err := schedule.MaterializeAfter(ctx, client, sum, periods, a.Config.Alliance.PlannedFactor,
			func(period string, edges int, took time.Duration) {
				fmt.Fprintf(a.Progress(), "materialized %d ALIGNMENT edges (per %s) in %.1fs\n", edges, period, took.Seconds())
			})
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	if sum.Failed > 0 {
		return cmdutil.PartialError{Failed: sum.Failed, Total: sum.Seen}
	}
	return nil
}

func writeIngestSummary(w io.Writer, s ingest.Summary, dry bool) {
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Finished()) / s.Seconds
	}
	if dry {
		fmt.Fprintf(w, "dry run: %s seen, %d extracted, %d failed, %s found, %.1fs (%s)\n",
			quantity(s.Seen, "article"), s.Extracted, s.Failed, quantity(s.Relations, "relation"), s.Seconds, perSecond(rate, "article"))
	} else {
		fmt.Fprintf(w, "ingested: %s seen, %d new, %d updated, %d unchanged, %d failed; %s written; %.1fs (%s)\n",
			quantity(s.Seen, "article"), s.New, s.Updated, s.Unchanged, s.Failed, quantity(s.Relations, "relation"), s.Seconds, perSecond(rate, "article"))
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  failed: %s\n", f.Error)
	}
}

// quantity is n and the noun, plural unless n is 1: "1 article", "2 articles".
func quantity(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, nounFor(n, noun))
}

// nounFor is noun with an s unless n is 1.
func nounFor(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// perSecond is a rate rounded to a whole number, with the noun agreeing
// with the number shown: "1 article/s", "12 articles/s".
func perSecond(rate float64, noun string) string {
	shown := fmt.Sprintf("%.0f", rate)
	if shown == "1" {
		return shown + " " + noun + "/s"
	}
	return shown + " " + noun + "s/s"
}

// progress reports a long run: a rewritten line on a terminal, a log line
// every 10 seconds otherwise. It counts finished articles (Summary.Finished:
// written, unchanged, failed, or extracted in a dry run), not articles read,
// so that it reaches 100% when the last write is done.
type progress struct {
	w        io.Writer
	terminal bool
	dry      bool // a dry run: articles are extracted, not written
	last     time.Time
	shown    bool // a line is on the terminal, to be cleared
	logged   int  // articles finished in the last line logged; -1 = none logged
	total    int  // articles expected; 0 = unknown (no bar, no ETA)
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, last: time.Now(), logged: -1}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

func (p *progress) update(s ingest.Summary) {
	interval := 10 * time.Second
	if p.terminal {
		interval = 200 * time.Millisecond
	}
	if time.Since(p.last) < interval {
		return
	}
	p.last = time.Now()
	p.show(s)
}

func (p *progress) show(s ingest.Summary) {
	line := p.line(s)
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		p.shown = true
	} else {
		fmt.Fprintf(p.w, "progress: %s\n", line)
		p.logged = s.Finished()
	}
}

// line is one progress report: with a known total, a bar (on a terminal),
// the share finished and the time left at the rate so far.
func (p *progress) line(s ingest.Summary) string {
	done := s.Finished()
	rate := float64(done) / max(s.Seconds, 1e-9)
	outcomes := fmt.Sprintf("%d new, %d unchanged, %d failed", s.New+s.Updated, s.Unchanged, s.Failed)
	if p.dry {
		outcomes = fmt.Sprintf("%d extracted, %d failed", s.Extracted, s.Failed)
	}
	counts := fmt.Sprintf("(%s), %s, %s", outcomes, quantity(s.Relations, "relation"), perSecond(rate, "article"))
	if p.total <= 0 || done > p.total {
		return fmt.Sprintf("%s %s", quantity(done, "article"), counts)
	}
	frac := float64(done) / float64(p.total)
	eta := "?"
	if rate > 0 {
		eta = time.Duration(float64(p.total-done) / rate * float64(time.Second)).Round(time.Second).String()
	}
	bar := ""
	if p.terminal {
		const width = 24
		filled := int(frac * width)
		bar = "[" + strings.Repeat("#", filled) + strings.Repeat("-", width-filled) + "] "
	}
	return fmt.Sprintf("%s%d/%d %s (%.0f%%) %s, ETA %s", bar, done, p.total, nounFor(p.total, "article"), 100*frac, counts, eta)
}

// done ends the display with the final counts: on a terminal the line is
// cleared (the summary follows); in a log that showed progress, a last
// line with the final counts is written unless the last one had them.
func (p *progress) done(s ingest.Summary) {
	switch {
	case p.terminal && p.shown:
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	case !p.terminal && p.logged >= 0 && p.logged != s.Finished():
		p.show(s)
	}
}
