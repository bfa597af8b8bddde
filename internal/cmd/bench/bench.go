// Package benchcmd is `diplograph bench`: the throughput of extraction
// (bench extract) and ingest (bench ingest) on real inputs, and the time of
// every predefined query on a synthetic graph (bench queries). Each
// subcommand has its Options, a NewCmd and a run function; the benchmarks
// themselves are in package bench, the throw-away server in
// graph/localserver.
package benchcmd

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/bench"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// NewCmd is `bench` with its three subcommands.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure diplograph's speed on real inputs",
	}
	cmd.AddCommand(NewCmdExtract(f, nil), NewCmdIngest(f, nil), NewCmdQueries(f, nil))
	return cmd
}

// ExtractOptions are the dependencies and flags of `bench extract`.
type ExtractOptions struct {
	Factory *cmdutil.Factory
	Paths   []string
	Runs    int
	JSON    bool
}

// NewCmdExtract is `bench extract`; runF (nil = runExtract) runs it.
func NewCmdExtract(f *cmdutil.Factory, runF func(context.Context, *ExtractOptions) error) *cobra.Command {
	o := &ExtractOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Extraction throughput on one core: sentences/s and MB/s (median of runs)",
		Long: `Read the articles of FILE (any input 'ingest' accepts) into memory, then run
the extractor over all of them --runs times on one core (GOMAXPROCS=1) and
report the median run: sentences/s, MB/s, relations found, the time to load
the dictionaries, and the process's peak resident memory.`,
		Example: `  diplograph bench extract testdata/corpus/voa/voa_stories.jsonl`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runExtract(cmd.Context(), o)
		},
	}
	cmd.Flags().IntVar(&o.Runs, "runs", 7, "how many times to extract the whole input")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the result as JSON")
	return cmd
}

func runExtract(ctx context.Context, o *ExtractOptions) error {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	sopt, err := o.Factory.SourceOptions("")
	if err != nil {
		return err
	}
	var arts []article.Article
	st, err := cmdutil.EachArticle(ctx, o.Paths, sopt, o.Factory.ErrOut, func(art article.Article) error {
		arts = append(arts, art)
		return nil
	})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return cmdutil.Usagef("no readable articles in %v", o.Paths)
	}
	// Dictionary load time: a fresh load of the embedded data and patterns.
	t0 := time.Now()
	lex, err := lexicon.Load()
	if err != nil {
		return err
	}
	x, err := extract.Load(lex, extract.Options{})
	if err != nil {
		return err
	}
	loadMS := float64(time.Since(t0).Microseconds()) / 1000

	r, err := bench.Extract(ctx, x, arts, o.Runs)
	if err != nil {
		return err
	}
	if o.JSON {
		return cmdutil.WriteJSON(o.Factory.Out, map[string]any{"extract": r, "lexicon_load_ms": loadMS})
	}
	fmt.Fprintf(o.Factory.Out, "extract: %d articles, %d sentences, %.2f MB, %d relations; median of %d runs on one core\n",
		r.Articles, r.Sentences, float64(r.Bytes)/1e6, r.Relations, r.Runs)
	fmt.Fprintf(o.Factory.Out, "  %.0f sentences/s   %.2f MB/s   (median run %.3fs; runs %s)\n",
		r.SentencesPerS, r.MBPerS, r.MedianSeconds, secondsList(r.Seconds))
	fmt.Fprintf(o.Factory.Out, "  dictionaries and patterns load in %.1f ms; peak resident memory %.0f MB\n", loadMS, r.PeakRSSMB)
	return st.Partial()
}

func secondsList(xs []float64) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%.3f", x)
	}
	return s
}
