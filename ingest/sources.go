package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Source kinds of a [SourceConfig].
const (
	KindPath = "path" // a file, a directory, a JSON-lines file or "-"
	KindFeed = "feed" // an RSS or Atom feed URL: each item an article
	KindWeb  = "web"  // a web page URL: one article
)

// SourceConfig is one named source, as listed under `sources:` in
// diplograph.yaml.
type SourceConfig struct {
	Name     string   // how runs and messages name it (required, unique)
	Kind     string   // path, feed or web; "" = feed-or-page for an http(s) URL, else path
	Location string   // the path or URL (required)
	Include  []string // path: globs of files to read in directories
	Exclude  []string // path: globs of files and directories to skip
	// SkipPages (feed): take each item's text from the feed itself
	// instead of fetching its linked page.
	SkipPages bool
	// Source (feed, web): the articles' source name (default: the feed's
	// title or the page's host).
	Source string
}

// IsURL reports whether the source is read over HTTP.
func (s SourceConfig) IsURL() bool {
	return strings.HasPrefix(s.Location, "http://") || strings.HasPrefix(s.Location, "https://")
}

// ValidateSources checks a list of sources: each has a name, a location
// and a known kind that fits its location, and no two share a name.
func ValidateSources(ss []SourceConfig) error {
	seen := map[string]bool{}
	var errs []error
	for i, s := range ss {
		where := fmt.Sprintf("sources[%d]", i)
		if s.Name != "" {
			where += " (" + s.Name + ")"
		}
		switch {
		case s.Name == "":
			errs = append(errs, fmt.Errorf("%s: no name", where))
		case seen[s.Name]:
			errs = append(errs, fmt.Errorf("%s: name used twice", where))
		}
		seen[s.Name] = true
		if s.Location == "" {
			errs = append(errs, fmt.Errorf("%s: no location", where))
		}
		switch s.Kind {
		case "":
		case KindPath:
			if s.IsURL() {
				errs = append(errs, fmt.Errorf("%s: kind path, but %s is a URL", where, s.Location))
			}
		case KindFeed, KindWeb:
			if !s.IsURL() {
				errs = append(errs, fmt.Errorf("%s: kind %s needs an http:// or https:// location, got %q", where, s.Kind, s.Location))
			}
		default:
			errs = append(errs, fmt.Errorf("%s: unknown kind %q (path, feed or web)", where, s.Kind))
		}
	}
	return errors.Join(errs...)
}

// SelectSources returns the sources named in names (all when names is
// empty), in configuration order.
func SelectSources(ss []SourceConfig, names []string) ([]SourceConfig, error) {
	if len(names) == 0 {
		return ss, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	var out []SourceConfig
	for _, s := range ss {
		if want[s.Name] {
			out = append(out, s)
			delete(want, s.Name)
		}
	}
	for n := range want {
		return nil, fmt.Errorf("no source named %q in the configuration", n)
	}
	return out, nil
}

// FeedStore keeps what incremental runs of feeds need between runs: the
// validators of each feed and which article URLs are already stored.
// *graph.Client provides one through an adapter (see package schedule).
type FeedStore interface {
	FeedState(ctx context.Context, url string) (FeedState, error)
	HasArticle(ctx context.Context, url string) (bool, error)
}

// ReadSources streams the articles of sources to emit, in order. Ids must
// be unique across the local sources of the run, as within one [Read]. With a
// store, feeds are read incrementally: the request carries the kept
// validators (a feed that has not changed is not read again) and items
// whose link is already stored are neither fetched nor emitted. It returns
// the new validators of each feed read completely, to be kept (by the
// caller, once the articles are written) for the next run.
func ReadSources(ctx context.Context, sources []SourceConfig, opt SourceOptions, store FeedStore, emit func(Item) error) (map[string]FeedState, error) {
	states := map[string]FeedState{}
	if opt.ids == nil {
		opt.ids = newIDSet() // ids are unique across the run's sources
	}
	for _, s := range sources {
		if err := ctx.Err(); err != nil {
			return states, err
		}
		if !s.IsURL() {
			popt := opt
			popt.Include, popt.Exclude = s.Include, s.Exclude
			if err := Read(ctx, []string{s.Location}, popt, emit); err != nil {
				return states, err
			}
			continue
		}
		fopt := FeedOptions{HTTP: opt.HTTP, SkipPages: s.SkipPages, Source: s.Source, Seen: opt.Seen}
		if store != nil {
			st, err := store.FeedState(ctx, s.Location)
			if err != nil {
				return states, fmt.Errorf("source %s: %w", s.Name, err)
			}
			fopt.State = st
			fopt.Seen = func(url string) bool {
				found, err := store.HasArticle(ctx, url)
				return err == nil && found // on error, fetch: the content hash still prevents duplicates
			}
		}
		var st FeedState
		var err error
		if s.Kind == KindFeed {
			st, err = ReadFeed(ctx, s.Location, fopt, emit)
		} else {
			st, err = ReadURL(ctx, s.Location, fopt, emit)
		}
		if err != nil {
			if ctx.Err() != nil {
				return states, err
			}
			// The feed failed as a whole (unreachable, not a feed): one failed
			// source; the others go on.
			if eerr := emit(Item{Origin: s.Location, Err: fmt.Errorf("source %s: %w", s.Name, err)}); eerr != nil {
				return states, eerr
			}
			continue
		}
		if st != (FeedState{}) && st != fopt.State {
			states[s.Location] = st
		}
	}
	return states, nil
}
