package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

func newExtractCmd(a *app) *cobra.Command {
	var format, published string
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
			if err := cmdutil.CheckFormat(format, "jsonl", cmdutil.FormatJSON, "text"); err != nil {
				return err
			}
			sopt, err := a.SourceOptions(published)
			if err != nil {
				return err
			}
			x, _, err := a.Extractor()
			if err != nil {
				return err
			}
			return runExtract(cmd.Context(), x, args, sopt, format, a.Out, a.ErrOut)
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl, json or text")
	cmd.Flags().StringVar(&published, "published", "", "published date (YYYY-MM-DD) for articles that have none")
	return cmd
}

func runExtract(ctx context.Context, x *extract.Extractor, paths []string, sopt ingest.SourceOptions, format string, out, errOut io.Writer) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	first := true
	if format == cmdutil.FormatJSON {
		fmt.Fprint(out, "[")
	}
	st, err := cmdutil.EachArticle(ctx, paths, sopt, errOut, func(a article.Article) error {
		res := x.Extract(a)
		if format == "text" {
			return res.Text(out)
		}
		if format == cmdutil.FormatJSON && !first {
			fmt.Fprint(out, ",")
		}
		first = false
		return enc.Encode(res)
	})
	if format == cmdutil.FormatJSON {
		fmt.Fprintln(out, "]")
	}
	if err != nil {
		return err
	}
	return st.Partial()
}
