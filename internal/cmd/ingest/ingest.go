// Package ingestcmd is 'diplograph ingest': articles read from files,
// standard input, feeds or web pages, extracted and written to the graph;
// or, with no SOURCE, one locked, recorded run of the sources configured
// in diplograph.yaml.
package ingestcmd

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmd/sources"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/schedule"
)

// Options are the dependencies and flags of 'diplograph ingest'.
type Options struct {
	Out      io.Writer // the summary
	Progress io.Writer // the progress display and messages (io.Discard with --quiet)
	Quiet    bool      // --quiet: the articles are not counted ahead for the progress display

	SourceOptions func(published string) (ingest.SourceOptions, error)
	Extractor     func() (*extract.Extractor, *lexicon.Lexicon, error)
	IngestOptions func() (ingest.Options, error)
	Connect       func(ctx context.Context, migrate bool) (*graph.Client, error)
	// Sources runs the sources configured in diplograph.yaml.
	Sources sources.Runner

	Paths     []string // the SOURCE arguments
	Names     []string // --source: names of configured sources
	DryRun    bool
	JSON      bool
	Published string
	Include   []string
	Exclude   []string
	Reextract bool
}

// NewCmd is 'diplograph ingest'. runF, if not nil, is called instead of
// running the command (tests use it to check the flags).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{}
	cmd := &cobra.Command{
		Use:   "ingest [SOURCE ...]",
		Short: "Extract relations from articles and write them to Neo4j",
		Long: `Read articles, extract states, officials, meetings and relations, and write
them to the graph in batches of ingest.batch_size articles (default 250), one
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
			o.Out, o.Progress, o.Quiet = f.Out, f.Progress(), f.Quiet
			o.SourceOptions, o.Extractor, o.IngestOptions, o.Connect = f.SourceOptions, f.Extractor, f.IngestOptions, f.Connect
			o.Sources = sources.ForFactory(f)
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&o.DryRun, "dry-run", false, "extract and report, write nothing (no database needed)")
	fl.BoolVar(&o.JSON, "json", false, "print the summary as JSON")
	fl.StringSliceVar(&o.Names, "source", nil, "with no SOURCE: read only these sources of diplograph.yaml (repeatable)")
	fl.StringVar(&o.Published, "published", "", "published date (YYYY-MM-DD) for articles that have none")
	fl.BoolVar(&o.Reextract, "reextract", false, "replace every article read, even one unchanged in the graph (the files are read and extracted again)")
	fl.StringSliceVar(&o.Include, "include", nil, "in directories, read only files matching these globs (default *.txt,*.md,*.markdown,*.jsonl,*.ndjson)")
	fl.StringSliceVar(&o.Exclude, "exclude", nil, "in directories, skip files and directories matching these globs")
	return cmd
}

func run(ctx context.Context, o *Options) error {
	if len(o.Paths) > 0 && len(o.Names) > 0 {
		return cmdutil.Usagef("give SOURCE arguments or --source names from diplograph.yaml, not both")
	}
	if len(o.Paths) == 0 && !o.DryRun {
		return runSources(ctx, o)
	}
	return runArticles(ctx, o)
}

// runSources ingests the configured sources as one locked, recorded run
// (see schedule.Once).
func runSources(ctx context.Context, o *Options) error {
	opt, err := o.Sources.Options(o.Names)
	if err != nil {
		return err
	}
	if o.Published != "" {
		if opt.Source, err = o.SourceOptions(o.Published); err != nil {
			return err
		}
	}
	opt.Ingest.Reextract = o.Reextract
	opt.Log = io.Discard
	p := newProgress(o.Progress)
	opt.Ingest.Progress = p.update
	rep, err := o.Sources.Once(ctx, opt)
	p.done(rep.Summary)
	switch {
	case rep.RunID == "":
	case o.JSON:
		if jerr := cmdutil.WriteJSON(o.Out, rep); jerr != nil {
			return jerr
		}
	case rep.Status == schedule.StatusSkipped:
		fmt.Fprintf(o.Out, "skipped: another run holds the ingest lock: %s\n", rep.Holder)
	default:
		writeSummary(o.Out, rep.Summary, false)
		fmt.Fprintf(o.Out, "run %s: %s\n", rep.RunID, rep.Status)
	}
	return sources.Err(rep, err)
}

// runArticles ingests the articles of the SOURCE arguments, or in a dry
// run those of the configured sources: no lock, no record.
func runArticles(ctx context.Context, o *Options) error {
	sopt, err := o.SourceOptions(o.Published)
	if err != nil {
		return err
	}
	sopt.Include, sopt.Exclude = o.Include, o.Exclude
	src := func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, o.Paths, sopt, emit)
	}
	if len(o.Paths) == 0 { // a dry run of the configured sources
		opt, err := o.Sources.Options(o.Names)
		if err != nil {
			return err
		}
		src = func(ctx context.Context, emit func(ingest.Item) error) error {
			_, err := ingest.ReadSources(ctx, opt.Sources, sopt, nil, emit)
			return err
		}
	}
	x, lex, err := o.Extractor()
	if err != nil {
		return err
	}
	iopt, err := o.IngestOptions()
	if err != nil {
		return err
	}
	var writer ingest.Writer
	if !o.DryRun {
		c, err := o.Connect(ctx, true)
		if err != nil {
			return err
		}
		defer c.Close(context.Background())
		writer = c
	}
	p := newProgress(o.Progress)
	p.dry = o.DryRun
	if len(o.Paths) > 0 && !o.Quiet {
		p.total, _ = ingest.Count(ctx, o.Paths, sopt)
	}
	iopt.DryRun, iopt.Reextract, iopt.Progress = o.DryRun, o.Reextract, p.update
	sum, err := ingest.Run(ctx, src, x, lex, writer, iopt)
	p.done(sum)
	if o.JSON {
		if jerr := cmdutil.WriteJSON(o.Out, sum); jerr != nil {
			return jerr
		}
	} else {
		writeSummary(o.Out, sum, o.DryRun)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return cmdutil.PartialError{Failed: sum.Failed, Total: sum.Seen}
	}
	return nil
}
