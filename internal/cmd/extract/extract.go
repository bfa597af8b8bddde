// Package extractcmd is the `diplograph extract` command: the entities and
// relations the extractor finds in articles, printed without a database.
package extractcmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// Output formats of `extract` besides cmdutil.FormatJSON.
const (
	formatJSONL = "jsonl"
	formatText  = "text"
)

// Options are what `extract` needs. The reading options and the extractor
// are functions because they need the configuration, which the root
// command loads after the commands are built.
type Options struct {
	Out, ErrOut io.Writer
	// SourceOptions are the reading options, with published ("" = none)
	// for the articles that have no date.
	SourceOptions func(published string) (ingest.SourceOptions, error)
	// Extractor is the configured extractor and its lexicon.
	Extractor func() (*extract.Extractor, *lexicon.Lexicon, error)

	Format    string   // --format
	Published string   // --published
	Paths     []string // the arguments
}

// NewCmd is the `extract` command; runF, if not nil, runs instead of the
// command's behaviour (for tests).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{
		Out:           f.Out,
		ErrOut:        f.ErrOut,
		SourceOptions: f.SourceOptions,
		Extractor:     f.Extractor,
	}
	cmd := &cobra.Command{
		Use:   "extract [--format jsonl|json|text] PATH... | -",
		Short: "Extract entities and relations from articles and print them (no database)",
		Long: `Extract states, organizations, officials, places, meetings and typed
relations from articles and print them, without touching the database.

jsonl (default) prints one object per article:
  {"article": {...}, "entities": [...], "relations": [...]}
json prints one array; text prints a readable summary.

Inputs are read as by 'diplograph ingest'. An article that cannot be read is
reported on stderr with its file and line, and the others go on (exit 5).`,
		Example: `  diplograph extract testdata/seeds/003.txt --format text
  diplograph extract testdata/corpus/voa/voa_stories.jsonl > relations.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", formatJSONL, "output format: jsonl, json or text")
	cmd.Flags().StringVar(&o.Published, "published", "", "published date (YYYY-MM-DD) for articles that have none")
	return cmd
}

func run(ctx context.Context, o *Options) error {
	if err := cmdutil.CheckFormat(o.Format, formatJSONL, cmdutil.FormatJSON, formatText); err != nil {
		return err
	}
	sopt, err := o.SourceOptions(o.Published)
	if err != nil {
		return err
	}
	x, _, err := o.Extractor()
	if err != nil {
		return err
	}
	out := o.Out
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	first := true
	if o.Format == cmdutil.FormatJSON {
		fmt.Fprint(out, "[")
	}
	st, err := cmdutil.EachArticle(ctx, o.Paths, sopt, o.ErrOut, func(a article.Article) error {
		res := x.Extract(a)
		if o.Format == formatText {
			return res.Text(out)
		}
		if o.Format == cmdutil.FormatJSON && !first {
			fmt.Fprint(out, ",")
		}
		first = false
		return enc.Encode(res)
	})
	if o.Format == cmdutil.FormatJSON {
		fmt.Fprintln(out, "]")
	}
	if err != nil {
		return err
	}
	return st.Partial()
}
