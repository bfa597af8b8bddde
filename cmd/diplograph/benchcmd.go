package main

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

func newBenchCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure diplograph's speed on real inputs",
	}
	var runs int
	var asJSON bool
	ex := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Extraction throughput on one core: sentences/s and MB/s (median of runs)",
		Long: `Read the articles of FILE (any input 'ingest' accepts) into memory, then run
the extractor over all of them --runs times on one core (GOMAXPROCS=1) and
report the median run: sentences/s, MB/s, relations found, the time to load
the dictionaries, and the process's peak resident memory.`,
		Example: `  diplograph bench extract testdata/corpus/voa/voa_stories.jsonl`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBenchExtract(cmd.Context(), a, args, runs, asJSON)
		},
	}
	ex.Flags().IntVar(&runs, "runs", 7, "how many times to extract the whole input")
	ex.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	cmd.AddCommand(ex, newBenchIngestCmd(a))
	cmd.AddCommand(newBenchQueriesCmd(a))
	return cmd
}

func runBenchExtract(ctx context.Context, a *app, paths []string, runs int, asJSON bool) error {
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	sopt, err := a.SourceOptions("")
	if err != nil {
		return err
	}
	var arts []article.Article
	st, err := cmdutil.EachArticle(ctx, paths, sopt, a.ErrOut, func(art article.Article) error {
		arts = append(arts, art)
		return nil
	})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return cmdutil.Usagef("no readable articles in %v", paths)
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

	r, err := bench.Extract(ctx, x, arts, runs)
	if err != nil {
		return err
	}
	if asJSON {
		return cmdutil.WriteJSON(a.Out, map[string]any{"extract": r, "lexicon_load_ms": loadMS})
	}
	fmt.Fprintf(a.Out, "extract: %d articles, %d sentences, %.2f MB, %d relations; median of %d runs on one core\n",
		r.Articles, r.Sentences, float64(r.Bytes)/1e6, r.Relations, r.Runs)
	fmt.Fprintf(a.Out, "  %.0f sentences/s   %.2f MB/s   (median run %.3fs; runs %s)\n",
		r.SentencesPerS, r.MBPerS, r.MedianSeconds, secondsList(r.Seconds))
	fmt.Fprintf(a.Out, "  dictionaries and patterns load in %.1f ms; peak resident memory %.0f MB\n", loadMS, r.PeakRSSMB)
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
