package queries

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// typedRows are the queries read as typed rows, by name, with the columns
// their row types read.
var typedRows = map[string][]string{
	AllianceTimeline.Name: AllianceTimeline.Columns(),
	Network.Name:          Network.Columns(),
}

// TestRowsMatchReturn: a typed reader reads exactly the columns of its
// query's final RETURN, in order, so that a column renamed, added or
// removed in the .cypher file fails here rather than in a chart.
func TestRowsMatchReturn(t *testing.T) {
	for name, cols := range typedRows {
		q, err := Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := returnColumns(t, q.Cypher); !slices.Equal(got, cols) {
			t.Errorf("%s returns %v; its row type reads %v", name, got, cols)
		}
	}
}

// TestLimitTotal: a query with a limit returns total as its last column,
// so that a cut is detectable (see the package documentation).
func TestLimitTotal(t *testing.T) {
	qs, err := All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		cols := returnColumns(t, q.Cypher)
		limited := slices.ContainsFunc(q.Params, func(p Param) bool { return p.Name == "limit" })
		if has := cols[len(cols)-1] == "total"; has != limited {
			t.Errorf("%s: limit parameter %v, last column %q", q.Name, limited, cols[len(cols)-1])
		}
	}
}

// TestReturnColumns checks the test's reading of a RETURN clause.
func TestReturnColumns(t *testing.T) {
	for src, want := range map[string][]string{
		"MATCH (n)\nRETURN n":                         {"n"},
		"CALL () { RETURN 1 AS x }\nRETURN x, 2 AS y": {"x", "y"},
		"WITH 1 AS a\nRETURN a, coalesce(a, 'x, y') AS b, [a, a] AS c, CASE WHEN a > 0 THEN 1 ELSE 2 END AS d\nORDER BY a, b LIMIT 3": {"a", "b", "c", "d"},
	} {
		if got := returnColumns(t, src); !slices.Equal(got, want) {
			t.Errorf("%q: columns %v, want %v", src, got, want)
		}
	}
}

var (
	finalReturn = regexp.MustCompile(`(?m)^RETURN\s`)
	returnEnd   = regexp.MustCompile(`(?i)\s(ORDER\s+BY|SKIP|LIMIT)\s`)
	alias       = regexp.MustCompile(`(?is)\sAS\s+(\w+)$`)
	identifier  = regexp.MustCompile(`^\w+$`)
)

// returnColumns reads the column names of a statement's final RETURN,
// the last line that starts with RETURN, up to ORDER BY, SKIP or LIMIT:
// each item's alias, or the item itself when it is a bare variable.
func returnColumns(t *testing.T, cypher string) []string {
	t.Helper()
	locs := finalReturn.FindAllStringIndex(cypher, -1)
	if len(locs) == 0 {
		t.Fatalf("no line starts with RETURN:\n%s", cypher)
	}
	clause := cypher[locs[len(locs)-1][1]:]
	if loc := returnEnd.FindStringIndex(clause); loc != nil {
		clause = clause[:loc[0]]
	}
	var items []string
	depth, start := 0, 0
	var quote rune
	for i, r := range clause {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			depth--
		case r == ',' && depth == 0:
			items = append(items, clause[start:i])
			start = i + 1
		}
	}
	items = append(items, clause[start:])
	cols := make([]string, len(items))
	for i, item := range items {
		item = strings.TrimSpace(item)
		if m := alias.FindStringSubmatch(item); m != nil {
			cols[i] = m[1]
		} else if identifier.MatchString(item) {
			cols[i] = item
		} else {
			t.Fatalf("RETURN item %q has no alias", item)
		}
	}
	return cols
}

func TestRowsDecode(t *testing.T) {
	keys := AllianceTimeline.Columns()
	byType := func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	recs := []*neo4j.Record{
		{Keys: keys, Values: []any{"2007-03", "month", "2007-03-01", int64(2), byType("MET_WITH", int64(1), "WARNED", int64(1)), 2.5, -6.0, -3.5, -0.41}},
		{Keys: keys, Values: []any{"2014", "year", "2014-01-01", int64(2), byType("MET_WITH", int64(2)), 3.75, int64(0), 3.75, nil}},
	}
	rows, err := AllianceTimeline.Decode(recs)
	if err != nil {
		t.Fatal(err)
	}
	index := -0.41
	want := []TimelineRow{
		{Period: "2007-03", Precision: "month", Start: "2007-03-01", Events: 2, ByType: map[string]int{"MET_WITH": 1, "WARNED": 1},
			Cooperation: 2.5, Conflict: -6, Net: -3.5, Alignment: &index},
		{Period: "2014", Precision: "year", Start: "2014-01-01", Events: 2, ByType: map[string]int{"MET_WITH": 2},
			Cooperation: 3.75, Net: 3.75},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows %+v, want %+v", rows, want)
	}

	row := func(change func(v []any)) *neo4j.Record {
		v := []any{"2007-03", "month", "2007-03-01", int64(2), byType(), 2.5, -6.0, -3.5, -0.41}
		change(v)
		return &neo4j.Record{Keys: keys, Values: v}
	}
	for _, tc := range []struct {
		rec  *neo4j.Record
		want string
	}{
		{row(func(v []any) { v[3] = "two" }), `column "events": want an integer, got string`},
		{row(func(v []any) { v[0] = int64(2007) }), `column "period": want a string, got int64`},
		{row(func(v []any) { v[7] = "much" }), `column "net": want a number, got string`},
		{row(func(v []any) { v[8] = "much" }), `column "alignment": want a number or null, got string`},
		{row(func(v []any) { v[4] = []any{"MET_WITH:1"} }), `column "by_type": want a map of integers`},
		{row(func(v []any) { v[4] = byType("MET_WITH", 1.5) }), `column "by_type": want a map of integers`},
		{&neo4j.Record{Keys: []string{"period"}, Values: []any{"2007-03"}}, `no column "precision"`},
	} {
		if _, err := AllianceTimeline.Decode([]*neo4j.Record{tc.rec}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want %q", tc.rec.Values, err, tc.want)
		}
	}

	// Columns the row type does not name are left alone.
	nk := append(Network.Columns(), "extra")
	edges, err := Network.Decode([]*neo4j.Record{{Keys: nk, Values: []any{"IRN", "USA", int64(4), byType("MET_WITH", int64(4)), 10.0, -9.75, 0.25, 0.013, "friendly", true}}})
	want2 := NetworkRow{A: "IRN", B: "USA", Events: 4, ByType: map[string]int{"MET_WITH": 4}, Cooperation: 10, Conflict: -9.75, Net: 0.25, Alignment: 0.013, Sign: "friendly"}
	if err != nil || len(edges) != 1 || !reflect.DeepEqual(edges[0], want2) {
		t.Fatalf("edges %+v, %v; want %+v", edges, err, want2)
	}
}
