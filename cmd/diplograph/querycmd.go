package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/queries"
)

func newQueryCmd(a *app) *cobra.Command {
	var params []string
	var format string
	cmd := &cobra.Command{
		Use:   "query NAME [--param key=value ...]",
		Short: "Run a predefined query (see 'query list')",
		Long: `Run one of diplograph's predefined Cypher queries. Parameters are typed and
checked before anything is sent to the database: dates are YYYY-MM-DD, YYYY-MM
or YYYY (as the end of a window, YYYY-MM and YYYY mean its last day);
countries may be given by name, alias or ISO code ("Iran", "US", "GBR"),
including the names added by extract.lexicon_dirs and extract.dictionaries.
Values are passed to Neo4j as query parameters, never spliced into the
Cypher text. Numeric parameters must be finite and in range:

` + paramRangesHelp(),
		Example: `  diplograph query list
  diplograph query alliance-timeline --param a=USA --param b=Iran --param period=year
  diplograph query alliance-summary --param from=2014 --format csv > dyads.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.Usagef("which query? run 'diplograph query list'")
			}
			if err := cmdutil.CheckFormat(format, cmdutil.FormatTable, cmdutil.FormatJSON, cmdutil.FormatCSV); err != nil {
				return err
			}
			q, err := queries.Get(args[0])
			if err != nil {
				return cmdutil.UsageError{Err: err}
			}
			raw, err := parseParams(params)
			if err != nil {
				return err
			}
			if err := checkParams(q, raw); err != nil {
				return err
			}
			// Scores use the configured planned factor unless given.
			if _, given := raw["planned_factor"]; !given && hasParam(q, "planned_factor") {
				raw["planned_factor"] = strconv.FormatFloat(a.Config.Alliance.PlannedFactor, 'g', -1, 64)
			}
			bound, err := q.Bind(raw, countryResolver(a))
			if err != nil {
				return cmdutil.UsageError{Err: err}
			}
			c, err := a.Connect(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer c.Close(context.Background())
			return runQuery(cmd.Context(), c, q, bound, a.Out, format)
		},
	}
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "parameter as key=value (repeatable)")
	cmd.Flags().StringVar(&format, "format", cmdutil.FormatTable, "output format: table, json or csv")
	cmd.AddCommand(newQueryListCmd(a))
	return cmd
}

func newQueryListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the predefined queries and their parameters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			qs, err := queries.All()
			if err != nil {
				return err
			}
			return writeQueryList(a.Out, qs)
		},
	}
}

func writeQueryList(w io.Writer, qs []queries.Query) error {
	for _, q := range qs {
		fmt.Fprintf(w, "%s\n  %s\n", q.Name, q.Description)
		for _, p := range q.Params {
			typ := p.Type
			if p.Type == "enum" {
				typ = strings.Join(p.Enum, "|")
			}
			def := "required"
			if !p.Required {
				def = "default " + p.Default
			}
			fmt.Fprintf(w, "    --param %-16s %-20s %-22s %s\n", p.Name+"=…", typ, def, p.Help)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func parseParams(ps []string) (map[string]string, error) {
	raw := map[string]string{}
	for _, p := range ps {
		k, v, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, cmdutil.Usagef("--param %q: want key=value", p)
		}
		raw[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return raw, nil
}

// countryResolver resolves the states of query parameters and chart flags
// through the configured lexicon: the built-in dictionaries extended by
// extract.lexicon_dirs and extract.dictionaries, as ingest reads articles,
// so that a name the user added there is accepted. The lexicon is loaded
// (with the extractor, by a.extractor) the first time a state is
// resolved, and not at all for a query without one.
func countryResolver(a *app) queries.Resolver {
	return lazyResolver(func() (*lexicon.Lexicon, error) {
		_, lex, err := a.Extractor()
		return lex, err
	})
}

// lazyResolver returns a resolver that calls load once, when it is first
// asked, and resolves through the lexicon load returned.
func lazyResolver(load func() (*lexicon.Lexicon, error)) queries.Resolver {
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

func runQuery(ctx context.Context, c *graph.Client, q queries.Query, params map[string]any, out io.Writer, format string) error {
	recs, err := c.Read(ctx, graph.Statement{Name: q.Name, Text: q.Cypher}, params)
	if err != nil {
		return err
	}
	return writeRecords(out, format, recs)
}

func writeRecords(out io.Writer, format string, recs []*neo4j.Record) error {
	if len(recs) == 0 {
		if format == cmdutil.FormatJSON {
			_, err := fmt.Fprintln(out, "[]")
			return err
		}
		if format == cmdutil.FormatTable {
			_, err := fmt.Fprintln(out, "(no rows)")
			return err
		}
		return nil
	}
	header := recs[0].Keys
	rows := make([][]any, len(recs))
	for i, r := range recs {
		row := make([]any, len(r.Values))
		for j, v := range r.Values {
			row[j] = plain(v, format)
		}
		rows[i] = row
	}
	return cmdutil.WriteRows(out, format, header, rows)
}

// plain turns driver values into what the formats print: dates as
// YYYY-MM-DD, lists joined for table and CSV.
func plain(v any, format string) any {
	switch x := v.(type) {
	case interface{ String() string }:
		return x.String()
	case []any:
		if format == cmdutil.FormatJSON {
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = plain(e, format)
			}
			return out
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cmdutil.Cell(plain(e, format))
		}
		return strings.Join(parts, " ")
	}
	return v
}

// hasParam reports whether q declares the parameter name.
func hasParam(q queries.Query, name string) bool {
	for _, p := range q.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// paramRanges bound the numeric query parameters, by name; every int and
// float parameter of a query has an entry (TestQueryParamRanges). Limits
// are whole numbers.
var paramRanges = map[string]config.Range{
	"limit":          {Min: 1, Max: 1_000_000},
	"min_events":     {Min: 1, Max: 1_000_000},
	"planned_factor": {Min: 0, Max: 1}, // as alliance.planned_factor
	"threshold":      {Min: 0, Max: 2}, // a change of the alignment index, which lies in [-1, 1]
}

// paramRangesHelp says what paramRanges accept, for --help.
func paramRangesHelp() string {
	var lines []string
	for _, name := range slices.Sorted(maps.Keys(paramRanges)) {
		var def any = 0.0
		if name == "limit" || name == "min_events" {
			def = int64(0)
		}
		lines = append(lines, fmt.Sprintf("  %-15s %s", name, paramRanges[name].Describe(def)))
	}
	return strings.Join(lines, "\n")
}

// checkParams checks the numeric parameters given on the command line
// against their ranges, before anything is sent: finite numbers, whole
// numbers for int parameters. Values that are not numbers at all are left
// to Bind, whose message names the type.
func checkParams(q queries.Query, raw map[string]string) error {
	for _, p := range q.Params {
		v, given := raw[p.Name]
		if !given || (p.Type != "int" && p.Type != "float") {
			continue
		}
		var def any = 0.0
		r := config.Range{Min: math.Inf(-1), Max: math.Inf(1)}
		if p.Type == "int" {
			def, r = int64(0), config.Range{Min: 0, Max: math.MaxInt64}
		}
		if pr, ok := paramRanges[p.Name]; ok {
			r = pr
		}
		if _, err := config.CheckNumber(def, r, v); err != nil {
			return cmdutil.Usagef("query %s: parameter %s: %w", q.Name, p.Name, err)
		}
	}
	return nil
}
