// Package querycmd is the 'diplograph query' command: it runs one of the
// predefined queries of package queries with typed, checked parameters
// and prints its rows as a table fitted to the terminal, JSON or CSV, at
// most --limit of them (saying on stderr when more exist); 'query list'
// lists the queries and their parameters.
package querycmd

import (
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/internal/cmd/queryparams"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/queries"
)

// Options are what 'query' and 'query list' need.
type Options struct {
	Out io.Writer
	// ErrOut receives the notice that more rows exist than are shown
	// (stderr; nowhere with --quiet).
	ErrOut io.Writer
	// Env reads queries and resolves states; filled when the command runs.
	queryparams.Env

	// List: list the queries ('query list') instead of running one.
	List bool
	// Name is the query to run (the argument).
	Name string
	// Params are the --param flags, key=value.
	Params []string
	// RowsOutput is --format, --limit and --wide. When --limit is not
	// given, a -p limit= or the query's own default limit applies (none
	// for a query without a limit parameter).
	cmdutil.RowsOutput
}

// NewCmd builds 'query' and its subcommand 'list'. runF, when not nil,
// runs instead of the command (tests use it to check the flags).
func NewCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Out: f.Out}
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

` + paramRangesHelp() + `

--limit N shows at most N rows (0 = all; default: the query's own limit
parameter, or every row); when more exist, stderr says so ("showing 50 of
213 rows"). The table fits the terminal ($COLUMNS, else 120 columns): long
text such as sentences and URLs is cut with "…" (--wide shows it whole);
a date with a precision column shows as 2011 or 2011-03 for a year or
month precision, and maps as KEY:VALUE pairs. JSON keeps the values as
they are: numbers, objects, arrays, dates as YYYY-MM-DD.`,
		Example: `  diplograph query list
  diplograph query alliance-timeline --param a=USA --param b=Iran --param period=year
  diplograph query alliance-summary --param from=2014 --format csv > dyads.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.Usagef("which query? run 'diplograph query list'")
			}
			o.Name = args[0]
			o.Env = queryparams.EnvOf(f)
			o.ErrOut = f.Progress()
			o.Complete(cmd)
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
	cmd.Flags().StringArrayVarP(&o.Params, "param", "p", nil, "parameter as key=value (repeatable)")
	o.AddFlags(cmd, "default: the query's limit parameter, or all")
	cmd.AddCommand(newListCmd(f, runF))
	return cmd
}

// newListCmd builds 'query list'.
func newListCmd(f *cmdutil.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Out: f.Out, List: true}
	return &cobra.Command{
		Use:   "list",
		Short: "List the predefined queries and their parameters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return run(cmd.Context(), o)
		},
	}
}

// run lists the queries, or checks and binds the parameters of the query
// o names before anything is sent to the database, runs it and prints its
// rows.
func run(ctx context.Context, o *Options) error {
	if o.List {
		qs, err := queries.All()
		if err != nil {
			return err
		}
		return writeQueryList(o.Out, qs)
	}
	if err := o.Check(); err != nil {
		return err
	}
	q, err := queries.Get(o.Name)
	if err != nil {
		return cmdutil.UsageError{Err: err}
	}
	raw, err := parseParams(o.Params)
	if err != nil {
		return err
	}
	if err := checkParams(q, raw); err != nil {
		return err
	}
	limit, declared, err := rowLimit(q, raw, o.Limit, o.LimitGiven)
	if err != nil {
		return err
	}
	bound, err := o.Bind(q, raw)
	if err != nil {
		return err
	}
	if declared {
		// One row more than shown tells whether more exist.
		bound["limit"] = int64(limit) + 1
		if limit == 0 {
			bound["limit"] = int64(maxLimit)
		}
	}
	recs, err := o.Read(ctx, q, bound)
	if err != nil {
		return err
	}
	var header []string
	rows := make([][]any, len(recs))
	for i, r := range recs {
		header, rows[i] = r.Keys, r.Values
	}
	return o.Write(o.Out, o.ErrOut, header, rows, limit, !declared)
}

// maxLimit is the highest limit a query is sent: the bound of --limit and
// of paramRanges' limit.
const maxLimit = cmdutil.MaxLimit

// rowLimit is how many rows to show (0 = all): --limit when given, else
// -p limit=, else the default of the query's limit parameter, else all;
// declared says whether the query has a limit parameter (it is then sent
// the limit, plus one to tell whether more rows exist; otherwise its rows
// are cut here). Giving both --limit and -p limit= is a usage error.
func rowLimit(q queries.Query, raw map[string]string, flag int, given bool) (limit int, declared bool, err error) {
	var def string
	for _, p := range q.Params {
		if p.Name == "limit" {
			declared, def = true, p.Default
		}
	}
	v, inRaw := raw["limit"]
	switch {
	case given && inRaw:
		return 0, declared, cmdutil.Usagef("query %s: give the limit once: --limit or -p limit=", q.Name)
	case given:
		return flag, declared, nil // checked by RowsOutput.Check
	case inRaw && declared:
		def = v // checked by checkParams
	case !declared:
		return 0, false, nil
	}
	n, err := strconv.Atoi(def)
	if err != nil || n < 0 {
		return 0, declared, cmdutil.Usagef("query %s: parameter limit: %q is not a whole number", q.Name, def)
	}
	return n, declared, nil
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

// paramRanges bound the numeric query parameters, by name; every int and
// float parameter of a query has an entry (TestParamRanges). Limits are
// whole numbers.
var paramRanges = map[string]config.Range{
	"limit":          {Min: 1, Max: maxLimit},
	"min_events":     {Min: 1, Max: 1_000_000},
	"planned_factor": {Min: 0, Max: 1},    // as alliance.planned_factor
	"rolling":        {Min: 1, Max: 1000}, // as alliance.rolling
	"threshold":      {Min: 0, Max: 2},    // a change of the alignment index, which lies in [-1, 1]
}

// paramRangesHelp says what paramRanges accept, for --help.
func paramRangesHelp() string {
	var lines []string
	for _, name := range slices.Sorted(maps.Keys(paramRanges)) {
		var def any = 0.0
		if name == "limit" || name == "min_events" || name == "rolling" {
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
