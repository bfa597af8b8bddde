package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cast"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/ingest"
)

// extractor loads the dictionaries (built in, extended by
// extract.lexicon_dirs) and the extractor that uses them.
func (a *app) extractor() (*extract.Extractor, *lexicon.Lexicon, error) {
	var dirs []fs.FS
	for _, d := range a.cfg.v.GetStringSlice("extract.lexicon_dirs") {
		for _, part := range strings.Split(d, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			if fi, err := os.Stat(part); err != nil || !fi.IsDir() {
				return nil, nil, usagef("extract.lexicon_dirs: %s is not a directory", part)
			}
			dirs = append(dirs, lexicon.Dir(part))
		}
	}
	verbs, actors, err := a.dictionaries()
	if err != nil {
		return nil, nil, err
	}
	var lex *lexicon.Lexicon
	if len(dirs) == 0 && len(actors) == 0 {
		lex, err = lexicon.Default()
	} else {
		lex, err = lexicon.LoadOptions(lexicon.Options{Dirs: dirs, Dictionaries: actors})
	}
	if err != nil {
		return nil, nil, usageError{err}
	}
	x, err := extract.Load(lex, extract.Options{PatternFS: dirs, VerbDictionaries: verbs})
	if err != nil {
		return nil, nil, usageError{err}
	}
	return x, lex, nil
}

// dictionaries reads the files of extract.dictionaries and sorts them by
// format: CAMEO verb dictionaries for the extractor, Phoenix actor
// dictionaries for the lexicon. Agent dictionaries are refused: the
// built-in agents come from Phoenix.agents.txt at build time.
func (a *app) dictionaries() (verbs, actors []petrarch.Source, err error) {
	for _, d := range a.cfg.v.GetStringSlice("extract.dictionaries") {
		for _, part := range strings.Split(d, ",") {
			if part = strings.TrimSpace(part); part == "" {
				continue
			}
			data, err := os.ReadFile(part)
			if err != nil {
				return nil, nil, usagef("extract.dictionaries: %v", err)
			}
			src := petrarch.Source{Name: part, Data: data}
			switch petrarch.Sniff(src) {
			case petrarch.KindVerbs:
				verbs = append(verbs, src)
			case petrarch.KindActors:
				actors = append(actors, src)
			default:
				return nil, nil, usagef("extract.dictionaries: %s is an agent dictionary; only CAMEO verb and Phoenix actor dictionaries are read", part)
			}
		}
	}
	return verbs, actors, nil
}

// weights are the alliance weights with the config file's overrides.
func (a *app) weights() (alliance.Weights, error) {
	over := map[string]float64{}
	for k, v := range a.cfg.v.GetStringMap("alliance.weights") {
		f, err := cast.ToFloat64E(v)
		if err != nil {
			return nil, usagef("alliance.weights.%s: %v is not a number", k, v)
		}
		over[strings.ToUpper(k)] = f
	}
	w, err := alliance.NewWeights(over)
	if err != nil {
		return nil, usageError{err}
	}
	return w, nil
}

// materializePeriods are the period lengths of
// alliance.materialize_after_ingest, checked.
func (a *app) materializePeriods() ([]string, error) {
	var out []string
	for _, v := range a.cfg.v.GetStringSlice("alliance.materialize_after_ingest") {
		for _, p := range strings.Split(v, ",") {
			switch p = strings.ToLower(strings.TrimSpace(p)); p {
			case "":
			case "month", "quarter", "year":
				if !slices.Contains(out, p) {
					out = append(out, p)
				}
			default:
				return nil, usagef("alliance.materialize_after_ingest: %q: want month, quarter or year", p)
			}
		}
	}
	return out, nil
}

// sourceOptions are the reading options shared by ingest, extract and eval.
func (a *app) sourceOptions(published string) (ingest.SourceOptions, error) {
	opt := ingest.SourceOptions{MaxBytes: a.cfg.v.GetInt("ingest.max_article_bytes"), Stdin: a.in,
		ReadTimeout: a.cfg.v.GetDuration("ingest.read_timeout"),
		HTTP: ingest.HTTPOptions{UserAgent: ingest.UserAgent(versionString()), MaxBytes: int64(a.cfg.v.GetInt("ingest.max_article_bytes")),
			AllowHosts:  a.cfg.list("ingest.http_allow"),
			FeedBudget:  a.cfg.v.GetDuration("ingest.feed_budget"),
			Concurrency: a.cfg.v.GetInt("ingest.feed_concurrency"),
			PerHost:     a.cfg.v.GetInt("ingest.feed_per_host")}}
	if published != "" {
		d, err := parseDay(published)
		if err != nil {
			return opt, usagef("--published: %v", err)
		}
		opt.Published = d
	}
	return opt, nil
}

func extractorVersion() string { return "diplograph " + versionString() }

// extractorFingerprint is extractorVersion with a digest of the user's
// dictionaries as configured: the files of extract.lexicon_dirs and of
// extract.dictionaries, by content (and name within a directory). It is part of every article's
// hash, so that re-ingesting the same files after the dictionaries changed
// re-extracts them. Reading the files costs little next to loading them.
func (a *app) extractorFingerprint() (string, error) {
	h := sha256.New()
	n := 0
	add := func(kind, name string, data []byte) {
		fmt.Fprintf(h, "%s %d:%s %d:", kind, len(name), name, len(data))
		h.Write(data)
		n++
	}
	for _, d := range a.cfg.v.GetStringSlice("extract.lexicon_dirs") {
		for _, dir := range strings.Split(d, ",") {
			if dir = strings.TrimSpace(dir); dir == "" {
				continue
			}
			fsys := os.DirFS(dir)
			err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
				if err != nil || !e.Type().IsRegular() {
					return err
				}
				data, err := fs.ReadFile(fsys, p)
				if err != nil {
					return err
				}
				add("dir", p, data) // where the directory lies does not matter
				return nil
			})
			if err != nil {
				return "", usagef("extract.lexicon_dirs: %s: %v", dir, err)
			}
			add("end", "", nil) // an empty directory counts too
		}
	}
	for _, d := range a.cfg.v.GetStringSlice("extract.dictionaries") {
		for _, file := range strings.Split(d, ",") {
			if file = strings.TrimSpace(file); file == "" {
				continue
			}
			data, err := os.ReadFile(file)
			if err != nil {
				return "", usagef("extract.dictionaries: %v", err)
			}
			add("file", "", data) // nor where the file lies
		}
	}
	if n == 0 {
		return extractorVersion(), nil
	}
	return fmt.Sprintf("%s; dictionaries %x", extractorVersion(), h.Sum(nil)[:12]), nil
}

// readStats counts what eachArticle read.
type readStats struct{ seen, failed int }

// partial is a partialError when some inputs could not be read, else nil.
func (s readStats) partial() error {
	if s.failed > 0 {
		return partialError{failed: s.failed, total: s.seen}
	}
	return nil
}

// eachArticle reads paths as 'ingest' does and calls fn for every readable
// article; one that cannot be read is reported on errOut with its file and
// line, counted, and skipped.
func eachArticle(ctx context.Context, paths []string, sopt ingest.SourceOptions, errOut io.Writer, fn func(article.Article) error) (readStats, error) {
	var st readStats
	err := ingest.Read(ctx, paths, sopt, func(it ingest.Item) error {
		st.seen++
		if it.Err != nil {
			st.failed++
			fmt.Fprintf(errOut, "diplograph: %v\n", it.Err)
			return nil
		}
		return fn(it.Article)
	})
	return st, err
}
