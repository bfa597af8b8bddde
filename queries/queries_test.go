package queries

import (
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/relation"
)

func TestEmbeddedQueriesParse(t *testing.T) {
	qs, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 2 {
		t.Fatalf("only %d queries embedded", len(qs))
	}
	for _, q := range qs {
		if q.File != q.Name+".cypher" {
			t.Errorf("%s: file name should be the query name + .cypher", q.File)
		}
		if strings.Contains(q.Cypher, "//") {
			t.Errorf("%s: comments left in the statement", q.Name)
		}
		// Every default binds.
		if _, err := q.Bind(requiredValues(q), stubResolver); err != nil {
			t.Errorf("%s: defaults do not bind: %v", q.Name, err)
		}
	}
}

func requiredValues(q Query) map[string]string {
	raw := map[string]string{}
	for _, p := range q.Params {
		if p.Required {
			raw[p.Name] = map[string]string{"country": "USA", "date": "2014-01-01", "int": "1", "float": "1", "bool": "true", "string": "x"}[p.Type]
		}
	}
	return raw
}

func stubResolver(s string) (string, error) {
	switch strings.ToLower(s) {
	case "usa", "united states", "us":
		return "USA", nil
	case "iran", "irn":
		return "IRN", nil
	}
	return "", fmt.Errorf("unknown state %q", s)
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, err string }{
		{"no name", "// description: d\nRETURN 1", "no '// name:' line"},
		{"no description", "// name: x\nRETURN 1", "no '// description:' line"},
		{"bad type", "// name: x\n// description: d\n// param: a colour\nRETURN $a", "q.cypher:3: param a: unknown type"},
		{"bad default", "// name: x\n// description: d\n// param: n int = many\nRETURN $n", "q.cypher:3: param n: default"},
		{"unused param", "// name: x\n// description: d\n// param: n int = 1\nRETURN 1", "declared but not used"},
		{"two statements", "// name: x\n// description: d\nRETURN 1; RETURN 2", "more than one statement"},
		{"no statement", "// name: x\n// description: d\n", "no statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("q.cypher", tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("err = %v, want %q", err, tt.err)
			}
		})
	}
}

func TestLoadDuplicateName(t *testing.T) {
	src := []byte("// name: x\n// description: d\nRETURN 1")
	_, err := Load(fstest.MapFS{"a.cypher": {Data: src}, "b.cypher": {Data: src}})
	if err == nil || !strings.Contains(err.Error(), `name "x" already used`) {
		t.Fatalf("err = %v", err)
	}
}

func TestBind(t *testing.T) {
	q, err := Parse("t.cypher", `// name: t
// description: d
// param: a country - state
// param: from date = 2000-01-01
// param: period enum(month|quarter|year) = month
// param: n int = 5
// param: f float = 0.5
RETURN $a, $from, $period, $n, $f`)
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.Bind(map[string]string{"a": "Iran", "from": "2014-06", "period": "year"}, stubResolver)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": "IRN", "from": dbtype.Date(time.Date(2014, 6, 1, 0, 0, 0, 0, time.UTC)),
		"period": "year", "n": int64(5), "f": 0.5}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %#v, want %#v", k, got[k], v)
		}
	}

	bad := []struct {
		raw map[string]string
		err string
	}{
		{map[string]string{}, "parameter a (country) is required"},
		{map[string]string{"a": "Atlantis"}, `unknown state "Atlantis"`},
		{map[string]string{"a": "USA", "period": "week"}, `"week" is not one of month, quarter, year`},
		{map[string]string{"a": "USA", "n": "5; MATCH (n) DETACH DELETE n"}, "is not a whole number"},
		{map[string]string{"a": "USA", "from": "yesterday"}, "is not a date"},
		{map[string]string{"a": "USA", "colour": "red"}, "unknown parameter colour"},
	}
	for _, b := range bad {
		if _, err := q.Bind(b.raw, stubResolver); err == nil || !strings.Contains(err.Error(), b.err) {
			t.Errorf("Bind(%v) err = %v, want %q", b.raw, err, b.err)
		}
	}
}

// A window's end given as a month or a year means its last day, so that
// from=2014 to=2014 is the whole of 2014.
func TestBindWindowEnd(t *testing.T) {
	q, err := Parse("t.cypher", `// name: t
// description: d
// param: from date = 1900-01-01
// param: to date = 2100-12-31
RETURN $from, $to`)
	if err != nil {
		t.Fatal(err)
	}
	day := func(y, m, d int) dbtype.Date {
		return dbtype.Date(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
	}
	for _, c := range []struct {
		from, to         string
		wantFrom, wantTo dbtype.Date
	}{
		{"2014", "2014", day(2014, 1, 1), day(2014, 12, 31)},
		{"2014-02", "2016-02", day(2014, 2, 1), day(2016, 2, 29)},
		{"2014-06-03", "2014-06-20", day(2014, 6, 3), day(2014, 6, 20)},
		{"2007-12", "2007-12", day(2007, 12, 1), day(2007, 12, 31)},
	} {
		got, err := q.Bind(map[string]string{"from": c.from, "to": c.to}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got["from"] != c.wantFrom || got["to"] != c.wantTo {
			t.Errorf("from=%s to=%s: bound %v .. %v, want %v .. %v", c.from, c.to, got["from"], got["to"], c.wantFrom, c.wantTo)
		}
	}
}

func TestParseMap(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want map[string]any
		err  string
	}{
		{"", map[string]any{}, ""},
		{"MET_WITH:2.5, WARNED:-4", map[string]any{"MET_WITH": 2.5, "WARNED": -4.0}, ""},
		{"MET_WITH", nil, "is not NAME:NUMBER"},
		{"MET_WITH:much", nil, "is not a number"},
		{"MET_WITH:Inf", nil, "is not a number"},
		{"MET_WITH:1,MET_WITH:2", nil, "given twice"},
	} {
		got, err := ParseMap(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !maps.Equal(got, tt.want) {
			t.Errorf("%q = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	w := map[string]float64{"WARNED": -4, "MET_WITH": 2.5}
	if s := FormatMap(w); s != "MET_WITH:2.5,WARNED:-4" {
		t.Errorf("FormatMap = %q", s)
	}
}

// Every query with weights defaults to alliance.DefaultWeights, and lists
// in by_type the relation types of graph.RelationTypes.
func TestWeightsDefaults(t *testing.T) {
	qs, err := All()
	if err != nil {
		t.Fatal(err)
	}
	want := FormatMap(alliance.DefaultWeights)
	n := 0
	for _, q := range qs {
		for _, p := range q.Params {
			if p.Name == "weights" {
				n++
				if p.Type != "map" || p.Default != want {
					t.Errorf("%s: weights %s = %s, want map = %s", q.Name, p.Type, p.Default, want)
				}
			}
		}
		if strings.Contains(q.Cypher, "AS by_type") {
			checkByType(t, q.Name, q.Cypher)
		}
	}
	if n < 7 {
		t.Errorf("%d queries have weights, want the 7 alliance queries", n)
	}
}

// countsList is the list of types a query sums its counts by, and
// countsEntry a by_type entry read from it by position.
var (
	countsList  = regexp.MustCompile(`\[t IN \[((?:'[A-Z_]+',?\s*)+)\]`)
	countsEntry = regexp.MustCompile(`([A-Z_]+): [a-z.]*counts\[(\d+)\]\[1\] \+ [a-z.]*counts\[(\d+)\]\[2\]`)
)

// checkByType checks that a query's by_type map has every relation type,
// and that an entry read from the counts list by position reads its own
// type's position (a shifted index would count one type as another).
func checkByType(t *testing.T, name, cypher string) {
	t.Helper()
	var types []string
	if m := countsList.FindStringSubmatch(cypher); m != nil {
		for _, f := range strings.Split(m[1], ",") {
			types = append(types, strings.Trim(strings.TrimSpace(f), "'"))
		}
	}
	entries := map[string]bool{}
	for _, m := range countsEntry.FindAllStringSubmatch(cypher, -1) {
		i, _ := strconv.Atoi(m[2])
		j, _ := strconv.Atoi(m[3])
		if i != j || i >= len(types) || types[i] != m[1] {
			t.Errorf("%s: by_type %s reads counts[%s] and counts[%s], the counts of %v", name, m[1], m[2], m[3], types)
		}
		entries[m[1]] = true
	}
	for _, typ := range relation.Types {
		if !entries[typ] && !strings.Contains(cypher, typ+": sum(") {
			t.Errorf("%s: by_type lacks %s", name, typ)
		}
	}
}
