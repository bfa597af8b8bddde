package main

import (
	"context"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/eval"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

func newEvalCmd(a *app) *cobra.Command {
	var gold, format string
	var detail bool
	cmd := &cobra.Command{
		Use:   "eval --gold DIR [--detail] PATH...",
		Short: "Score the extractor against gold annotations",
		Long: `Extract relations from the articles at PATH and score them against the gold
files in DIR (one JSON file per article, named by article id), following the
annotation guide (docs/annotation-guide.md): precision, recall and F1 for
relations between states (state_typed, the headline figure), between all
actors (all_typed), and ignoring type and direction (state_dyad, all_dyad),
with per-type counts, and the date accuracy of the relations found whose gold
has a date. --detail lists every false positive, false negative and wrong
date with its sentence.

The repository's evaluation sets are in testdata/eval: seeds, dev and dev2
(dev2 has dated gold relations).`,
		Example: `  diplograph eval --gold testdata/eval/dev/gold testdata/eval/dev/articles
  diplograph eval --gold testdata/eval/dev2/gold testdata/eval/dev2/articles --format json
  diplograph eval --gold testdata/eval/seeds/gold testdata/eval/seeds/articles --detail`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return cmdutil.Usagef("--gold DIR is required")
			}
			if err := cmdutil.CheckFormat(format, "text", cmdutil.FormatJSON); err != nil {
				return err
			}
			sopt, err := a.SourceOptions("")
			if err != nil {
				return err
			}
			x, _, err := a.Extractor()
			if err != nil {
				return err
			}
			return runEval(cmd.Context(), x, gold, args, sopt, detail, format, a.Out, a.ErrOut)
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "directory of gold JSON files")
	cmd.Flags().BoolVar(&detail, "detail", false, "list every false positive, false negative and wrong date")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

func runEval(ctx context.Context, x *extract.Extractor, goldDir string, paths []string, sopt ingest.SourceOptions,
	detail bool, format string, out, errOut io.Writer) error {
	gold, err := eval.LoadGold(os.DirFS(goldDir), ".")
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	pred := map[string][]eval.Predicted{}
	st, err := cmdutil.EachArticle(ctx, paths, sopt, errOut, func(a article.Article) error {
		pred[a.ID] = predictions(x.Extract(a))
		return nil
	})
	if err != nil {
		return err
	}
	rep := eval.Score(gold, pred, eval.Options{})
	if format == cmdutil.FormatJSON {
		if err := cmdutil.WriteJSON(out, rep); err != nil {
			return err
		}
	} else if err := rep.WriteText(out, detail); err != nil {
		return err
	}
	return st.Partial()
}

// predictions reduces an extraction to the form eval.Score takes, with the
// date the extractor gives each relation and whether it is background.
func predictions(r extract.Result) []eval.Predicted {
	out := make([]eval.Predicted, 0, len(r.Relations))
	for _, rel := range r.Relations {
		out = append(out, eval.Predicted{Type: rel.Type, Source: rel.SourceActor, Target: rel.TargetActor, Negated: rel.Negated,
			Sentence: rel.Sentence, Date: rel.Date, Background: rel.Background})
	}
	return out
}
