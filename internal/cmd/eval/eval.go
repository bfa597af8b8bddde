// Package evalcmd is the `diplograph eval` command: the extractor's
// relations scored against gold annotations.
package evalcmd

import (
	"context"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/eval"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// formatText is the default output format, besides cmdutil.FormatJSON.
const formatText = "text"

// Options are what `eval` needs. The reading options and the extractor are
// functions because they need the configuration, which the root command
// loads after the commands are built.
type Options struct {
	Out, ErrOut io.Writer
	// SourceOptions are the reading options (eval has no --published).
	SourceOptions func(published string) (ingest.SourceOptions, error)
	// Extractor is the configured extractor and its lexicon.
	Extractor func() (*extract.Extractor, *lexicon.Lexicon, error)

	Gold   string   // --gold
	Detail bool     // --detail
	Format string   // --format
	Paths  []string // the arguments
}

// NewCmd is the `eval` command; runF, if not nil, runs instead of the
// command's behaviour (for tests).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{
		Out:           f.Out,
		ErrOut:        f.ErrOut,
		SourceOptions: f.SourceOptions,
		Extractor:     f.Extractor,
	}
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
			o.Paths = args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.Gold, "gold", "", "directory of gold JSON files")
	cmd.Flags().BoolVar(&o.Detail, "detail", false, "list every false positive, false negative and wrong date")
	cmd.Flags().StringVar(&o.Format, "format", formatText, "output format: text or json")
	return cmd
}

func run(ctx context.Context, o *Options) error {
	if o.Gold == "" {
		return cmdutil.Usagef("--gold DIR is required")
	}
	if err := cmdutil.CheckFormat(o.Format, formatText, cmdutil.FormatJSON); err != nil {
		return err
	}
	sopt, err := o.SourceOptions("")
	if err != nil {
		return err
	}
	x, _, err := o.Extractor()
	if err != nil {
		return err
	}
	gold, err := eval.LoadGold(os.DirFS(o.Gold), ".")
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	pred := map[string][]eval.Predicted{}
	st, err := cmdutil.EachArticle(ctx, o.Paths, sopt, o.ErrOut, func(a article.Article) error {
		pred[a.ID] = predictions(x.Extract(a))
		return nil
	})
	if err != nil {
		return err
	}
	rep := eval.Score(gold, pred, eval.Options{})
	if o.Format == cmdutil.FormatJSON {
		if err := cmdutil.WriteJSON(o.Out, rep); err != nil {
			return err
		}
	} else if err := rep.WriteText(o.Out, o.Detail); err != nil {
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
