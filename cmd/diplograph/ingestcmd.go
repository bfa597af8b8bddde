package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/ingest"
)

type ingestOptions struct {
	Paths     []string
	DryRun    bool
	JSON      bool
	Published string
	Include   []string
	Exclude   []string
}

func newIngestCmd(a *app) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [PATH ...]",
		Short: "Extract relations from articles and write them to Neo4j",
		Long: `Read articles, extract states, officials, meetings and relations, and write
them to the graph, one article per transaction: after any failure or crash an
article is either fully in the graph or not at all.

A PATH is a text or Markdown file (YAML front matter: id, url, source,
published, title), a JSON-lines file (.jsonl/.ndjson: id, url, source,
published, title, text), a directory (read recursively), - for standard
input, or an http(s) URL: an RSS or Atom feed (each item is an article, its
text taken from the linked page) or a web page (its main text extracted).
HTTP requests time out, are retried with backoff, and are size-limited. Re-ingesting is safe: an article whose text is already in the graph
changes nothing; changed text under the same id or URL replaces the old
facts.

A bad article (unreadable, bad front matter, invalid UTF-8, too large) fails
alone with its file and line; the others go on. The exit code is 0 when all
succeeded, 5 when some articles failed, 3 when the database was unreachable.`,
		Example: `  diplograph ingest testdata/seeds
  diplograph ingest ../shared/corpus/voa/voa_stories.jsonl --json
  cat article.md | diplograph ingest - --published 2014-06-16
  diplograph ingest --dry-run articles/
  diplograph ingest https://example.org/world/rss.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if len(o.Paths) == 0 {
				return usagef("nothing to ingest: give files, directories or - (sources from diplograph.yaml come with the scheduler)")
			}
			return runIngest(cmd.Context(), a, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.DryRun, "dry-run", false, "extract and report, write nothing (no database needed)")
	f.BoolVar(&o.JSON, "json", false, "print the summary as JSON")
	f.StringVar(&o.Published, "published", "", "published date (YYYY-MM-DD) for articles that have none")
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
	x, lex, err := a.extractor()
	if err != nil {
		return err
	}
	w, err := a.weights()
	if err != nil {
		return err
	}
	var writer ingest.Writer
	if !o.DryRun {
		c, err := a.connect(ctx, true)
		if err != nil {
			return err
		}
		defer c.Close(context.Background())
		writer = c
	}
	p := newProgress(a.progress())
	sum, err := ingest.Run(ctx,
		func(ctx context.Context, emit func(ingest.Item) error) error {
			return ingest.Read(ctx, o.Paths, sopt, emit)
		},
		x, lex, writer, ingest.Options{
			Workers:          a.cfg.v.GetInt("ingest.workers"),
			BatchSize:        a.cfg.v.GetInt("ingest.batch_size"),
			DryRun:           o.DryRun,
			Weights:          w,
			ExtractorVersion: extractorVersion(),
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
	rate := float64(s.Seen) / max(s.Seconds, 1e-9)
	line := fmt.Sprintf("%d articles (%d new, %d unchanged, %d failed), %d relations, %.0f articles/s",
		s.Seen, s.New+s.Updated, s.Unchanged, s.Failed, s.Relations, rate)
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		p.shown = true
	} else {
		fmt.Fprintf(p.w, "progress: %s\n", line)
	}
}

func (p *progress) done() {
	if p.terminal && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
