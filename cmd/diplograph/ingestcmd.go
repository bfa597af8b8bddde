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
	opt, err := a.scheduleOptions(o.Sources)
	if err != nil {
		return err
	}
	if o.Published != "" {
		if opt.Source, err = a.sourceOptions(o.Published); err != nil {
			return err
		}
	}
	opt.Ingest.Reextract = o.Reextract
	opt.Log = io.Discard
	p := newProgress(a.progress())
	opt.Ingest.Progress = p.update
	rep, err := a.runSourcesOnce(ctx, opt)
	p.done()
	switch {
	case rep.RunID == "":
	case o.JSON:
		if jerr := writeJSON(a.out, rep); jerr != nil {
			return jerr
		}
	case rep.Status == schedule.StatusSkipped:
		fmt.Fprintf(a.out, "skipped: another run holds the ingest lock: %s\n", rep.Holder)
	default:
		writeIngestSummary(a.out, rep.Summary, false)
		fmt.Fprintf(a.out, "run %s: %s\n", rep.RunID, rep.Status)
	}
	return reportError(rep, err)
}

func newIngestCmd(a *app) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [SOURCE ...]",
		Short: "Extract relations from articles and write them to Neo4j",
		Long: `Read articles, extract states, officials, meetings and relations, and write
them to the graph, one article per transaction: after any failure or crash an
article is either fully in the graph or not at all.

A SOURCE is a text or Markdown file (YAML front matter: id, url, source,
published, title), a JSON-lines file (.jsonl/.ndjson: id, url, source,
published, title, text), a directory (read recursively), - for standard
input, or an http(s) URL: an RSS or Atom feed (each item is an article, its
text taken from the linked page) or a web page (its main text extracted).
HTTP requests time out, are retried with backoff, and are size-limited.

Every article needs a published date: from its front matter or JSON field,
its feed, or --published. An article without one fails, naming its file,
unless ingest.allow_undated is true; the relations of an undated article
have no date, and the queries list them as undated.

Re-ingesting is safe, and corrections are taken: an article whose id is in
the graph with the same text, published date, title, URL and source, read
by the same extractor with the same dictionaries, changes nothing; if any
of these changed, its old facts are replaced. The same text under another
id and URL is an article of its own; under another id with the same URL it
replaces the article of that URL. After the dictionaries change
(extract.lexicon_dirs, extract.dictionaries) or diplograph is upgraded,
ingesting the same files again re-extracts them. --reextract replaces
every article read even when nothing changed. The graph keeps no article
text, so re-extraction needs the files (or feeds) again. Articles stored
by an older diplograph are replaced once, the first time they are read.

With no SOURCE, the sources listed under 'sources:' in diplograph.yaml are
read (all, or those named with --source) as one run of 'diplograph schedule
--once': under the graph's ingest lock (skipped, exit 0, when another run
holds it), recorded as an (:IngestRun), feeds read incrementally. This is the
command to put in a crontab, a systemd timer or a Kubernetes CronJob.

A bad article (unreadable, bad front matter, invalid UTF-8, too large) fails
alone with its file and line; the others go on. The exit code is 0 when all
succeeded, 5 when some articles failed, 3 when the database was unreachable.`,
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
				return usagef("give SOURCE arguments or --source names from diplograph.yaml, not both")
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
	sopt, err := a.sourceOptions(o.Published)
	if err != nil {
		return err
	}
	sopt.Include, sopt.Exclude = o.Include, o.Exclude
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, o.Paths, sopt, emit)
	}
	if len(o.Paths) == 0 { // a dry run of the configured sources
		opt, err := a.scheduleOptions(o.Sources)
		if err != nil {
			return err
		}
		src = func(ctx context.Context, emit func(ingest.Item) error) error {
			_, err := ingest.ReadSources(ctx, opt.Sources, sopt, nil, emit)
			return err
		}
	}
	x, lex, err := a.extractor()
	if err != nil {
		return err
	}
	fingerprint, err := a.extractorFingerprint()
	if err != nil {
		return err
	}
	w, err := a.weights()
	if err != nil {
		return err
	}
	periods, err := a.materializePeriods()
	if err != nil {
		return err
	}
	var writer ingest.Writer
	var client *graph.Client
	if !o.DryRun {
		c, err := a.connect(ctx, true)
		if err != nil {
			return err
		}
		defer c.Close(context.Background())
		writer, client = c, c
	}
	p := newProgress(a.progress())
	if len(o.Paths) > 0 && !a.quiet {
		p.total, _ = ingest.Count(ctx, o.Paths, sopt)
	}
	sum, err := ingest.Run(ctx, src, x, lex, writer, ingest.Options{
		Workers:          a.cfg.v.GetInt("ingest.workers"),
		BatchSize:        a.cfg.v.GetInt("ingest.batch_size"),
		DryRun:           o.DryRun,
		Weights:          w,
		ExtractorVersion: fingerprint,
		Reextract:        o.Reextract,
		AllowUndated:     a.cfg.v.GetBool("ingest.allow_undated"),
		Progress:         p.update,
	})
	p.done()
	if o.JSON {
		if jerr := writeJSON(a.out, sum); jerr != nil {
			return jerr
		}
	} else {
		writeIngestSummary(a.out, sum, o.DryRun)
	}
	if err != nil {
		return err
	}
	if client != nil {
		_, err := schedule.MaterializeAfter(ctx, client, sum, periods, a.cfg.v.GetFloat64("alliance.planned_factor"),
			func(period string, edges int, took time.Duration) {
				fmt.Fprintf(a.progress(), "materialized %d ALIGNMENT edges (per %s) in %.1fs\n", edges, period, took.Seconds())
			})
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	if sum.Failed > 0 {
		return partialError{failed: sum.Failed, total: sum.Seen}
	}
	return nil
}

func writeIngestSummary(w io.Writer, s ingest.Summary, dry bool) {
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Seen) / s.Seconds
	}
	if dry {
		fmt.Fprintf(w, "dry run: %d articles seen, %d extracted, %d failed, %d relations found, %.1fs (%.0f articles/s)\n",
			s.Seen, s.Extracted, s.Failed, s.Relations, s.Seconds, rate)
	} else {
		fmt.Fprintf(w, "ingested: %d seen, %d new, %d updated, %d unchanged, %d failed; %d relations written; %.1fs (%.0f articles/s)\n",
			s.Seen, s.New, s.Updated, s.Unchanged, s.Failed, s.Relations, s.Seconds, rate)
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  failed: %s\n", f.Error)
	}
}

// progress reports a long run: a rewritten line on a terminal, a log line
// every 10 seconds otherwise.
type progress struct {
	w        io.Writer
	terminal bool
	last     time.Time
	shown    bool
	total    int // articles expected; 0 = unknown (no bar, no ETA)
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, last: time.Now()}
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
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s", p.line(s))
		p.shown = true
	} else {
		fmt.Fprintf(p.w, "progress: %s\n", p.line(s))
	}
}

// line is one progress report: with a known total, a bar (on a terminal),
// the share done and the time left at the rate so far.
func (p *progress) line(s ingest.Summary) string {
	rate := float64(s.Seen) / max(s.Seconds, 1e-9)
	counts := fmt.Sprintf("(%d new, %d unchanged, %d failed), %d relations, %.0f articles/s",
		s.New+s.Updated, s.Unchanged, s.Failed, s.Relations, rate)
	if p.total <= 0 || s.Seen > p.total {
		return fmt.Sprintf("%d articles %s", s.Seen, counts)
	}
	frac := float64(s.Seen) / float64(p.total)
	eta := "?"
	if rate > 0 {
		eta = (time.Duration(float64(p.total-s.Seen)/rate) * time.Second).Round(time.Second).String()
	}
	bar := ""
	if p.terminal {
		const width = 24
		done := int(frac * width)
		bar = "[" + strings.Repeat("#", done) + strings.Repeat("-", width-done) + "] "
	}
	return fmt.Sprintf("%s%d/%d articles (%.0f%%) %s, ETA %s", bar, s.Seen, p.total, 100*frac, counts, eta)
}

func (p *progress) done() {
	if p.terminal && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
