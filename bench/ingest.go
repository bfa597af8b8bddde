package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/ingest"
)

// SyntheticSpread is the span of publication dates of a synthetic corpus:
// copies are spread back over twenty years from the base article's date.
const SyntheticSpread = 20 * 365 * 24 * time.Hour

// Synthetic returns a source of n articles made from base: article i is a
// copy of base[i % len(base)] with its own id ("<id>~syn<i>"), URL
// ("<url>#syn<i>") and publication date, shifted back by a step that
// spreads the copies over SyntheticSpread, so relative dates in the text
// ("on Tuesday") resolve to other days. Its text ends with one extra line
// naming the copy, so its content hash differs from the base's: an ingest
// writes every copy as a new article. The corpus is generated as it is
// read; nothing but base is held in memory.
func Synthetic(base []article.Article, n int) ingest.Source {
	return SyntheticTagged(base, n, "syn")
}

// SyntheticTagged is [Synthetic] with tag instead of "syn" in the ids,
// URLs, last lines and origins: copies of another tag are other articles,
// made the same way (the warm-up corpus of `bench ingest --warmup`).
func SyntheticTagged(base []article.Article, n int, tag string) ingest.Source {
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		if len(base) == 0 {
			return fmt.Errorf("bench: synthetic corpus: no base articles")
		}
		rounds := (n + len(base) - 1) / len(base)
		step := SyntheticSpread / time.Duration(max(rounds, 1))
		for i := range n {
			if err := ctx.Err(); err != nil {
				return err
			}
			a := base[i%len(base)]
			round := i / len(base)
			a.ID = fmt.Sprintf("%s~%s%d", a.ID, tag, i)
			if a.URL != "" {
				a.URL = fmt.Sprintf("%s#%s%d", a.URL, tag, i)
			}
			if !a.Published.IsZero() {
				a.Published = a.Published.Add(-time.Duration(round) * step)
				if a.PublishedPrecision == "day" {
					y, m, d := a.Published.Date()
					a.Published = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				}
			}
			a.Text += fmt.Sprintf("\n\n(Synthetic benchmark copy %s%d.)", tag, i)
			a.Origin = fmt.Sprintf("synthetic:%s%d", tag, i)
			if err := emit(ingest.Item{Article: a, Origin: a.Origin}); err != nil {
				return err
			}
		}
		return nil
	}
}

// IngestPhase is what one ingest of a benchmark measured.
type IngestPhase struct {
	Name          string  `json:"name"`
	DryRun        bool    `json:"dry_run"`
	Articles      int     `json:"articles"`
	New           int     `json:"new"`
	Unchanged     int     `json:"unchanged"`
	Failed        int     `json:"failed"`
	Relations     int     `json:"relations"` // written (found, in a dry run)
	Seconds       float64 `json:"seconds"`
	ArticlesPerS  float64 `json:"articles_per_second"`
	RelationsPerS float64 `json:"relations_per_second"`
}

// Ingest runs one phase of an ingest benchmark through the real pipeline
// (ingest.Run: workers, batching, the writer) and reports its throughput.
// opt.DryRun measures reading and extraction alone; w may then be nil.
func Ingest(ctx context.Context, name string, src ingest.Source, x *extract.Extractor, lex *lexicon.Lexicon, w ingest.Writer, opt ingest.Options) (IngestPhase, error) {
	sum, err := ingest.Run(ctx, src, x, lex, w, opt)
	p := IngestPhase{
		Name: name, DryRun: opt.DryRun, Articles: sum.Seen, New: sum.New + sum.Updated,
		Unchanged: sum.Unchanged, Failed: sum.Failed, Relations: sum.Relations, Seconds: sum.Seconds,
	}
	if p.Seconds > 0 {
		p.ArticlesPerS = float64(p.Articles) / p.Seconds
		p.RelationsPerS = float64(p.Relations) / p.Seconds
	}
	if err != nil {
		return p, fmt.Errorf("bench: %s: %w", name, err)
	}
	if sum.Failed > 0 {
		return p, fmt.Errorf("bench: %s: %d of %d articles failed, first: %s", name, sum.Failed, sum.Seen, sum.Failures[0].Error)
	}
	return p, nil
}
