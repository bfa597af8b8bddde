package querycmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/internal/cmd/queryparams/queryparamstest"
	"github.com/diplograph/diplograph/internal/cmdutil"
	"github.com/diplograph/diplograph/internal/cmdutil/cmdtest"
	"github.com/diplograph/diplograph/internal/testfiles"
	"github.com/diplograph/diplograph/queries"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestNewCmdOutputFlags: --limit (and whether it was given), --wide and
// the width of $COLUMNS reach Options.
func TestNewCmdOutputFlags(t *testing.T) {
	t.Setenv("COLUMNS", "100")
	var errOut bytes.Buffer
	f := factory(&bytes.Buffer{})
	f.ErrOut = &errOut
	o := cmdtest.Parse(t, f, NewCmd, "evidence", "--limit", "0", "--wide")
	if o.Limit != 0 || !o.LimitGiven || !o.Wide || o.Width != 100 || o.ErrOut != &errOut {
		t.Errorf("options %+v", o)
	}
	t.Setenv("COLUMNS", "")
	o = cmdtest.Parse(t, factory(&bytes.Buffer{}), NewCmd, "evidence")
	if o.LimitGiven || o.Wide || o.Width != cmdutil.DefaultTableWidth {
		t.Errorf("defaults %+v", o)
	}
}

// rows makes n records of the columns cols, each row from row(i).
func rows(n int, cols []string, row func(i int) []any) []*neo4j.Record {
	recs := make([]*neo4j.Record, n)
	for i := range recs {
		recs[i] = &neo4j.Record{Keys: cols, Values: row(i)}
	}
	return recs
}

// TestRunLimit: the limit sent (one more than shown, for a query that
// declares limit), the rows shown, and the notice on stderr, from --limit,
// -p limit= or the query's default, with either way of telling that more
// rows exist (a total column, or one row too many).
func TestRunLimit(t *testing.T) {
	plain := func(i int) []any { return []any{"IRN-USA", int64(i)} }
	withTotal := func(i int) []any { return []any{"IRN-USA", int64(i), int64(213)} }
	for _, tc := range []struct {
		name      string
		query     string
		params    []string
		limit     int
		given     bool
		recs      []*neo4j.Record
		sent      any // the limit parameter sent; nil = none
		shown     int
		notice    string
		formatOut string
	}{
		{name: "query default, one row too many", query: "alliance-summary",
			recs: rows(51, []string{"dyad", "events"}, plain), sent: int64(51), shown: 50,
			notice: "showing 50 rows; more rows exist; use --limit 0 for all\n"},
		{name: "query default, all fit", query: "alliance-summary",
			recs: rows(50, []string{"dyad", "events"}, plain), sent: int64(51), shown: 50},
		{name: "--limit", query: "alliance-summary", limit: 2, given: true,
			recs: rows(3, []string{"dyad", "events"}, plain), sent: int64(3), shown: 2,
			notice: "showing 2 rows; more rows exist; use --limit 0 for all\n"},
		{name: "total column", query: "alliance-summary", limit: 2, given: true,
			recs: rows(2, []string{"dyad", "events", "total"}, withTotal), sent: int64(3), shown: 2,
			notice: "showing 2 of 213 rows; use --limit 0 for all\n"},
		{name: "-p limit=", query: "alliance-summary", params: []string{"limit=5"},
			recs: rows(6, []string{"dyad", "events"}, plain), sent: int64(6), shown: 5,
			notice: "showing 5 rows; more rows exist; use --limit 0 for all\n"},
		{name: "--limit 0: all", query: "alliance-summary", limit: 0, given: true,
			recs: rows(120, []string{"dyad", "events"}, plain), sent: int64(maxLimit), shown: 120},
		{name: "no limit parameter: cut here, total known", query: "network", limit: 1, given: true,
			recs: rows(3, []string{"dyad", "events"}, plain), sent: nil, shown: 1,
			notice: "showing 1 of 3 rows; use --limit 0 for all\n"},
		{name: "no limit parameter, no --limit: all", query: "network",
			recs: rows(3, []string{"dyad", "events"}, plain), sent: nil, shown: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			read := &queryparamstest.Read{Records: tc.recs}
			o := options(&out, read, tc.query, "table", tc.params...)
			o.ErrOut, o.Limit, o.LimitGiven, o.Width = &errOut, tc.limit, tc.given, 120
			if err := run(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if got, ok := read.Params["limit"]; (tc.sent == nil && ok) || (tc.sent != nil && got != tc.sent) {
				t.Errorf("sent limit %v (%T), want %v", got, got, tc.sent)
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines)-1 != tc.shown {
				t.Errorf("%d rows shown, want %d:\n%s", len(lines)-1, tc.shown, out.String())
			}
			if strings.Contains(lines[0], "TOTAL") {
				t.Errorf("the table shows the total column: %s", lines[0])
			}
			if errOut.String() != tc.notice {
				t.Errorf("stderr %q, want %q", errOut.String(), tc.notice)
			}
		})
	}
}

// TestRunLimitJSONKeepsTotal: JSON shows the rows kept, with the total
// column, and the notice still goes to stderr, not into the JSON.
func TestRunLimitJSONKeepsTotal(t *testing.T) {
	var out, errOut bytes.Buffer
	read := &queryparamstest.Read{Records: rows(3, []string{"dyad", "total"}, func(i int) []any { return []any{"IRN-USA", int64(9)} })}
	o := options(&out, read, "alliance-summary", "json")
	o.ErrOut, o.Limit, o.LimitGiven = &errOut, 2, true
	if err := run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got) != 2 || got[0]["total"] != 9.0 {
		t.Errorf("%v: %s", err, out.String())
	}
	if errOut.String() != "showing 2 of 9 rows; use --limit 0 for all\n" {
		t.Errorf("stderr %q", errOut.String())
	}
}

// TestRunLimitRefuses: a bad --limit, or a limit given twice, is a usage
// error and nothing is sent.
func TestRunLimitRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params []string
		limit  int
		want   string
	}{
		{"negative", nil, -1, "--limit -1"},
		{"too large", nil, maxLimit + 1, "--limit 1000001"},
		{"twice", []string{"limit=5"}, 5, "give the limit once"},
	} {
		read := &queryparamstest.Read{}
		o := options(&bytes.Buffer{}, read, "alliance-summary", "table", tc.params...)
		o.Limit, o.LimitGiven = tc.limit, true
		err := run(context.Background(), o)
		if !errors.As(err, new(cmdutil.UsageError)) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a usage error %q", tc.name, err, tc.want)
		}
		if read.Query != "" {
			t.Errorf("%s: sent", tc.name)
		}
	}
}

// TestRunOutputGolden checks what 'query' prints against golden files in
// testdata (go test ./internal/cmd/query -run Golden -update rewrites
// them): the table fitted to 120 columns or $COLUMNS with long text cut,
// whole with --wide, dates at their precision, maps compact; CSV whole;
// JSON typed (by_type an object, dates raw).
func TestRunOutputGolden(t *testing.T) {
	day := func(s string) any {
		d, err := queries.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cols := []string{"date", "date_precision", "type", "source", "target", "sentence", "url", "by_type"}
	recs := queryparamstest.Records(cols,
		[]any{day("2014-06-03"), "day", "MET_WITH", "IRN", "USA",
			"The foreign ministers of Iran and the United States met in Geneva on Tuesday to discuss the nuclear programme, officials said.",
			"https://www.example.com/news/world/middle-east/2014/06/03/iran-us-talks-geneva.html",
			map[string]any{"MET_WITH": int64(2), "WARNED": int64(1)}},
		[]any{day("2011-01-01"), "year", "WARNED", "USA", "IRN", "Washington warned Tehran.", "https://example.com/a",
			map[string]any{"WARNED": int64(1)}},
		[]any{day("2011-03-01"), "month", "AGREED_WITH", "IRN", "USA", "They agreed on a timetable.", nil, map[string]any{}},
		[]any{nil, "unknown", "REQUESTED", "EU", "SRB", "The EU urged Serbia to resume the dialogue.", "https://example.com/b", nil},
	)
	for _, tc := range []struct {
		name, format string
		width        int
		wide         bool
	}{
		{"table-120", "table", 120, false},
		{"table-columns-90", "table", 90, false},
		{"table-wide", "table", 120, true},
		{"csv", "csv", 120, false},
		{"json", "json", 120, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			read := &queryparamstest.Read{Records: recs}
			o := options(&out, read, "evidence", tc.format, "a=irn", "b=usa")
			o.Width, o.Wide = tc.width, tc.wide
			if err := run(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tc.name+".golden"), out.String())
			if tc.format == "table" && !tc.wide {
				for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
					if n := len([]rune(line)); n > tc.width {
						t.Errorf("line of %d > %d: %q", n, tc.width, line)
					}
				}
			}
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	testfiles.Golden(t, path, []byte(got), *update)
}
