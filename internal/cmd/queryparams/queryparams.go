// Package queryparams is what the commands that run predefined queries
// ('diplograph query' and 'diplograph chart') share: the resolution of
// the states they are given through the configured dictionaries, the
// binding of a query's parameters, and the read of its rows.
package queryparams

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/queries"
)

// Env is what a command that runs predefined queries takes from the
// Factory; its Options embed it.
type Env struct {
	// Read runs a bound query on the database.
	Read ReadFunc
	// Resolve turns the states of country parameters into codes.
	Resolve queries.Resolver
	// PlannedFactor is alliance.planned_factor, the planned_factor of a
	// query whose parameters do not give one.
	PlannedFactor float64
	// Weights is alliance.weights, the weights (relation type -> weight)
	// of a query whose parameters do not give them; nil means
	// alliance.DefaultWeights.
	Weights map[string]float64
	// MinEvents and Rolling are alliance.min_events and alliance.rolling,
	// the min_events and rolling of a query whose parameters do not give
	// them; 0 means the query's own default.
	MinEvents, Rolling int
}

// EnvOf is the Env of f. It reads the configuration, so a command calls
// it when it runs, once the root command has loaded it.
func EnvOf(f *cmdutil.Factory) Env {
	al := f.Config.Alliance
	e := Env{Read: Reader(f), Resolve: CountryResolver(f), PlannedFactor: al.PlannedFactor,
		MinEvents: al.MinEvents, Rolling: al.Rolling}
	// The configuration was validated when it was loaded, weights
	// included, so this cannot fail on a loaded one; should it, the query
	// runs with the defaults rather than none.
	if w, err := al.EffectiveWeights(); err == nil {
		e.Weights = w
	}
	return e
}

// ReadFunc runs a predefined query with bound parameters and returns its
// records.
type ReadFunc func(ctx context.Context, q queries.Query, params map[string]any) ([]*neo4j.Record, error)

// Reader is the ReadFunc of the database f connects to: each call opens a
// connection (without migrating the schema), reads, and closes it.
func Reader(f *cmdutil.Factory) ReadFunc {
	return func(ctx context.Context, q queries.Query, params map[string]any) ([]*neo4j.Record, error) {
		c, err := f.Connect(ctx, false)
		if err != nil {
			return nil, err
		}
		defer c.Close(context.Background())
		return c.Read(ctx, graph.Statement{Name: q.Name, Text: q.Cypher}, params)
	}
}

// Bind binds raw to q's parameters, as q.Bind does, with states resolved
// by e.Resolve and, unless raw gives them, the configured values of the
// parameters q has among planned_factor (e.PlannedFactor), weights
// (e.Weights, else alliance.DefaultWeights), min_events (e.MinEvents) and
// rolling (e.Rolling; these two only when set). A value Bind refuses is a
// usage error.
func (e Env) Bind(q queries.Query, raw map[string]string) (map[string]any, error) {
	weights := e.Weights
	if weights == nil {
		weights = alliance.DefaultWeights
	}
	configured := map[string]string{
		"planned_factor": strconv.FormatFloat(e.PlannedFactor, 'g', -1, 64),
		"weights":        queries.FormatMap(weights),
	}
	if e.MinEvents > 0 {
		configured["min_events"] = strconv.Itoa(e.MinEvents)
	}
	if e.Rolling > 0 {
		configured["rolling"] = strconv.Itoa(e.Rolling)
	}
	for name, v := range configured {
		_, given := raw[name]
		if !given && slices.ContainsFunc(q.Params, func(p queries.Param) bool { return p.Name == name }) {
			raw[name] = v
		}
	}
	bound, err := q.Bind(raw, e.Resolve)
	if err != nil {
		return nil, cmdutil.UsageError{Err: err}
	}
	return bound, nil
}

// CountryResolver resolves the states of query parameters and chart flags
// through the configured lexicon: the built-in dictionaries extended by
// extract.lexicon_dirs and extract.dictionaries, as ingest reads articles,
// so that a name the user added there is accepted. The lexicon is loaded
// (with the extractor, by f.Extractor) the first time a state is
// resolved, and not at all for a query without one.
func CountryResolver(f *cmdutil.Factory) queries.Resolver {
	return LazyResolver(func() (*lexicon.Lexicon, error) {
		_, lex, err := f.Extractor()
		return lex, err
	})
}

// LazyResolver returns a resolver that calls load once, when it is first
// asked, and resolves through the lexicon load returned.
func LazyResolver(load func() (*lexicon.Lexicon, error)) queries.Resolver {
	var (
		lex     *lexicon.Lexicon
		loadErr error
		loaded  bool
	)
	return func(s string) (string, error) {
		if !loaded {
			lex, loadErr = load()
			loaded = true
		}
		if loadErr != nil {
			return "", fmt.Errorf("loading the dictionaries to resolve %q: %w", s, loadErr)
		}
		return stateCode(lex, s)
	}
}

// stateCode accepts an ISO alpha-3 code or any name, short name or
// abbreviation lex knows for a state, and returns the state's code.
func stateCode(lex *lexicon.Lexicon, s string) (string, error) {
	if c, ok := lex.Country(strings.ToUpper(s)); ok {
		return c.Code, nil
	}
	codes := map[string]bool{}
	for _, e := range lex.Lookup(s) {
		if e.Kind == lexicon.KindState && e.Code != "" {
			codes[e.Code] = true
		}
	}
	switch len(codes) {
	case 1:
		for c := range codes {
			return c, nil
		}
	case 0:
		return "", fmt.Errorf("%q is not a state diplograph knows (give its name or ISO alpha-3 code; names are added in a directory of extract.lexicon_dirs)", s)
	}
	var list []string
	for c := range codes {
		list = append(list, c)
	}
	sort.Strings(list)
	return "", fmt.Errorf("%q is ambiguous: %s", s, strings.Join(list, ", "))
}
