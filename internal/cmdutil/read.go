package cmdutil

import (
	"context"
	"fmt"
	"io"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/calendar"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/build"
)

// SourceOptions are the reading options shared by ingest, schedule,
// extract and eval; published ("" = none) is --published, a single day
// (YYYY-MM-DD): a month or a year is refused, since the publication day
// anchors the article's relative dates.
func (f *Factory) SourceOptions(published string) (ingest.SourceOptions, error) {
	in := f.Config.Ingest
	opt := ingest.SourceOptions{MaxBytes: in.MaxArticleBytes, Stdin: f.In,
		ReadTimeout: in.ReadTimeout,
		HTTP: ingest.HTTPOptions{UserAgent: ingest.UserAgent(build.String()), MaxBytes: int64(in.MaxArticleBytes),
			AllowHosts:  in.HTTPAllow,
			FeedBudget:  in.FeedBudget,
			Concurrency: in.FeedConcurrency,
			PerHost:     in.FeedPerHost}}
	if published != "" {
		d, err := calendar.ParseDay(published)
		if err != nil {
			return opt, Usagef("--published: %v", err)
		}
		opt.Published = d
	}
	return opt, nil
}

// ReadStats counts what EachArticle read.
type ReadStats struct{ Seen, Failed int }

// Partial is a PartialError when some inputs could not be read, else nil.
func (s ReadStats) Partial() error {
	if s.Failed > 0 {
		return PartialError{Failed: s.Failed, Total: s.Seen}
	}
	return nil
}

// EachArticle reads paths as 'ingest' does and calls fn for every readable
// article; one that cannot be read is reported on errOut with its file and
// line, counted, and skipped.
func EachArticle(ctx context.Context, paths []string, sopt ingest.SourceOptions, errOut io.Writer, fn func(article.Article) error) (ReadStats, error) {
	var st ReadStats
	err := ingest.Read(ctx, paths, sopt, func(it ingest.Item) error {
		st.Seen++
		if it.Err != nil {
			st.Failed++
			fmt.Fprintf(errOut, "diplograph: %v\n", it.Err)
			return nil
		}
		return fn(it.Article)
	})
	return st, err
}
