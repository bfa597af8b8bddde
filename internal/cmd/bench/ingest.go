package benchcmd

import (
	"context"
	"fmt"
	"runtime"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/bench"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// IngestOptions are the dependencies and flags of `bench ingest`.
type IngestOptions struct {
	Factory   *cmdutil.Factory
	Paths     []string
	Synthetic int
	Warmup    int
	JSON      bool
}

// NewCmdIngest is `bench ingest`; runF (nil = runIngest) runs it.
func NewCmdIngest(f *cmdutil.Factory, runF func(context.Context, *IngestOptions) error) *cobra.Command {
	o := &IngestOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "ingest FILE...",
		Short: "Ingest throughput end to end: articles/s and relationships/s into Neo4j",
		Long: `Measure the whole ingest path (reading, extraction on ingest.workers
workers, batched writes of ingest.batch_size articles per transaction) into an
empty graph. With no neo4j.uri configured it starts a throw-away local Neo4j
in a temporary directory (same heap and page cache as local.*) and removes it
afterwards, so your graph is never touched; a configured database must hold
no articles.

Phases, in order:
  extract only   the synthetic corpus read and extracted, nothing written
  corpus         the articles of FILE, all new
  corpus again   the same articles: all unchanged, nothing written
  warm-up        with --warmup N: N more synthetic articles (ids ~warm<i>),
                 written so that the server's JIT has compiled the write
                 path before the synthetic phase, as on a server that has
                 been running; on a freshly started server the compiler
                 takes about as much CPU as the writes during the first
                 minute
  synthetic      --synthetic articles made from FILE's texts, each with its
                 own id, URL and publication date (shifted back over twenty
                 years) and a last line naming the copy, so all are new`,
		Example: `  diplograph bench ingest testdata/corpus/voa/voa_stories.jsonl
  diplograph bench ingest --warmup 5000 testdata/corpus/voa/voa_stories.jsonl
  diplograph bench ingest --synthetic 2000 --json testdata/seeds`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runIngest(cmd.Context(), o)
		},
	}
	cmd.Flags().IntVar(&o.Synthetic, "synthetic", 20000, "articles in the synthetic corpus (0 = none)")
	cmd.Flags().IntVar(&o.Warmup, "warmup", 0, "synthetic articles written before the synthetic phase, to measure a warmed-up server (0 = none: a freshly started one)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the result as JSON")
	return cmd
}

func runIngest(ctx context.Context, o *IngestOptions) error {
	if o.Synthetic < 0 || o.Warmup < 0 {
		return cmdutil.Usagef("--synthetic %d, --warmup %d: want counts of 0 or more", o.Synthetic, o.Warmup)
	}
	a := o.Factory
	sopt, err := a.SourceOptions("")
	if err != nil {
		return err
	}
	var base []article.Article
	st, err := cmdutil.EachArticle(ctx, o.Paths, sopt, a.ErrOut, func(art article.Article) error {
		base = append(base, art)
		return nil
	})
	if err != nil {
		return err
	}
	if len(base) == 0 {
		return cmdutil.Usagef("no readable articles in %v", o.Paths)
	}
	x, lex, err := a.Extractor()
	if err != nil {
		return err
	}
	opt, err := a.IngestOptions()
	if err != nil {
		return err
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	c, cleanup, err := scratchGraph(ctx, a)
	if err != nil {
		return err
	}
	defer cleanup()

	corpus := func(ctx context.Context, emit func(ingest.Item) error) error {
		for _, art := range base {
			if err := emit(ingest.Item{Article: art, Origin: art.Origin}); err != nil {
				return err
			}
		}
		return nil
	}
	type phase struct {
		name string
		src  ingest.Source
		dry  bool
	}
	phases := []phase{}
	if o.Synthetic > 0 {
		phases = append(phases, phase{"extract only", bench.Synthetic(base, o.Synthetic), true})
	}
	phases = append(phases, phase{"corpus", corpus, false}, phase{"corpus again", corpus, false})
	if o.Warmup > 0 {
		phases = append(phases, phase{"warm-up", bench.SyntheticTagged(base, o.Warmup, "warm"), false})
	}
	if o.Synthetic > 0 {
		phases = append(phases, phase{"synthetic", bench.Synthetic(base, o.Synthetic), false})
	}
	var results []bench.IngestPhase
	for _, ph := range phases {
		fmt.Fprintf(a.Progress(), "bench ingest: %s ...\n", ph.name)
		popt := opt
		popt.DryRun = ph.dry
		r, err := bench.Ingest(ctx, ph.name, ph.src, x, lex, c, popt)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	articles, err := c.ArticleCount(ctx)
	if err != nil {
		return err
	}
	if o.JSON {
		return cmdutil.WriteJSON(a.Out, map[string]any{
			"workers": opt.Workers, "batch_size": opt.BatchSize, "phases": results,
			"articles_in_graph": articles, "peak_rss_mb": bench.PeakRSSMB(),
		})
	}
	fmt.Fprintf(a.Out, "bench ingest: %d base articles, %d workers, batches of up to %d articles, Neo4j at %s\n",
		len(base), opt.Workers, opt.BatchSize, c.URI())
	tw := tabwriter.NewWriter(a.Out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\tarticles\tnew\tunchanged\trelations\tseconds\tarticles/s\trelations/s\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.2f\t%.0f\t%.0f\t\n", r.Name, r.Articles, r.New, r.Unchanged, r.Relations, r.Seconds, r.ArticlesPerS, r.RelationsPerS)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "graph: %d articles; peak resident memory of diplograph %.0f MB\n", articles, bench.PeakRSSMB())
	return st.Partial()
}
