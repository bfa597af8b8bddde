package cmdutil

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/internal/testfiles"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func date(s string) dbtype.Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return dbtype.Date(t)
}

func TestCell(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		want string
	}{
		{"nil", nil, ""},
		{"float", 0.25, "0.250"},
		{"int", int64(3), "3"},
		{"date", date("2014-06-03"), "2014-06-03"},
		{"list", []any{"MET_WITH:1", "WARNED:1"}, "MET_WITH:1 WARNED:1"},
		{"map, keys in order", map[string]any{"WARNED": int64(1), "MET_WITH": int64(2)}, "MET_WITH:2 WARNED:1"},
		{"map of floats", map[string]any{"a": 0.5}, "a:0.500"},
		{"empty map", map[string]any{}, ""},
		{"map: zero and null entries left out", map[string]any{"ACCUSED": int64(0), "AIDED": nil, "MET_WITH": int64(2), "x": 0.0}, "MET_WITH:2"},
		{"list of dates", []any{date("2011-01-01"), nil}, "2011-01-01 "},
		{"strings", []string{"a", "b"}, "a b"},
		{"bool", true, "true"},
	} {
		if got := Cell(tc.v); got != tc.want {
			t.Errorf("%s: Cell(%v) = %q, want %q", tc.name, tc.v, got, tc.want)
		}
	}
}

// TestWriteRowsJSONTyped: JSON keeps values typed: a Cypher map is an
// object, a list an array, numbers numbers, dates strings (raw, whatever
// their precision), NaN null.
func TestWriteRowsJSONTyped(t *testing.T) {
	var out bytes.Buffer
	header := []string{"date", "date_precision", "by_type", "types", "events", "index", "bad"}
	rows := [][]any{{date("2011-01-01"), "year", map[string]any{"MET_WITH": int64(2), "WARNED": int64(1)},
		[]any{"MET_WITH", date("2011-03-01")}, int64(3), 0.5, math.NaN()}}
	if err := WriteRows(&out, FormatJSON, header, rows); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	r := got[0]
	byType, ok := r["by_type"].(map[string]any)
	if !ok || byType["MET_WITH"] != 2.0 || byType["WARNED"] != 1.0 {
		t.Errorf("by_type = %#v, want an object", r["by_type"])
	}
	if l, ok := r["types"].([]any); !ok || len(l) != 2 || l[1] != "2011-03-01" {
		t.Errorf("types = %#v, want an array", r["types"])
	}
	if r["date"] != "2011-01-01" || r["events"] != 3.0 || r["index"] != 0.5 || r["bad"] != nil {
		t.Errorf("row = %v", r)
	}
	if !strings.Contains(out.String(), `"events": 3,`) {
		t.Errorf("events not a number:\n%s", out.String())
	}
}

// TestWriteRowsCSV: CSV shows maps compactly and dates whole (the date
// precision is the table's).
func TestWriteRowsCSV(t *testing.T) {
	var out bytes.Buffer
	err := WriteRows(&out, FormatCSV, []string{"date", "date_precision", "by_type"},
		[][]any{{date("2011-01-01"), "year", map[string]any{"WARNED": int64(1), "MET_WITH": int64(2)}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "date,date_precision,by_type\n2011-01-01,year,MET_WITH:2 WARNED:1\n"; out.String() != want {
		t.Errorf("%q, want %q", out.String(), want)
	}
}

func TestAtPrecision(t *testing.T) {
	for _, tc := range []struct {
		date any
		prec string
		want any
	}{
		{date("2011-01-01"), "year", "2011"},
		{"2011-03-01", "month", "2011-03"},
		{"2011-03-04", "day", "2011-03-04"},
		{"2011-03-04", "week", "2011-03-04"},
		{nil, "unknown", nil},
		{nil, "year", nil},
		{"soon", "year", "soon"},
		{"2011-03-01", "MONTH", "2011-03"},
	} {
		got := AtPrecision(tc.date, tc.prec)
		if s, ok := got.(dbtype.Date); ok {
			got = s.String()
		}
		if got != tc.want {
			t.Errorf("AtPrecision(%v, %q) = %v, want %v", tc.date, tc.prec, got, tc.want)
		}
	}
}

func TestTableWidth(t *testing.T) {
	for cols, want := range map[string]int{"": 120, "80": 80, " 200 ": 200, "0": 120, "-5": 120, "wide": 120} {
		if got := TableWidth(func(k string) string {
			if k == "COLUMNS" {
				return cols
			}
			return ""
		}); got != want {
			t.Errorf("COLUMNS=%q: %d, want %d", cols, got, want)
		}
	}
}

func TestFitColumns(t *testing.T) {
	for _, tc := range []struct {
		name    string
		natural []int
		header  []string
		width   int
		want    []int
	}{
		{"fits", []int{10, 20}, []string{"a", "b"}, 40, []int{10, 20}},
		{"no limit", []int{10, 500}, []string{"a", "b"}, 0, []int{10, 500}},
		{"the long column gives way", []int{10, 7, 300}, []string{"date", "type", "sentence"}, 120, []int{10, 7, 99}},
		{"two long columns share", []int{200, 300}, []string{"a", "b"}, 62, []int{30, 30}},
		{"odd slack to the widest", []int{200, 300}, []string{"a", "b"}, 63, []int{30, 31}},
		{"headers cut before nothing fits", []int{10, 14, 11, 6, 6, 142, 111}, []string{"date", "date_precision", "type", "source", "target", "sentence", "url"}, 80, []int{10, 11, 11, 6, 6, 12, 12}},
		{"a short long column keeps its width", []int{40, 300}, []string{"a", "b"}, 100, []int{40, 58}},
		{"floors: header and minShrunk", []int{50, 50, 50}, []string{"a_long_header_name", "b", "c"}, 20, []int{18, 12, 12}},
	} {
		got := FitColumns(tc.natural, tc.header, tc.width)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %v", tc.name, got)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}

// TestWriteTable checks the table against golden files in
// testdata/table (go test ./internal/cmdutil -run TestWriteTable -update
// rewrites them): every line within the width unless --wide, long text
// cut with "…", dates at their precision, maps compact.
func TestWriteTable(t *testing.T) {
	sentence := "The foreign ministers of Iran and the United States met in Geneva on Tuesday to discuss the nuclear programme and the sanctions, officials said."
	url := "https://www.example.com/news/world/middle-east/2014/06/03/iran-us-talks-geneva-nuclear-programme-sanctions.html"
	evidence := [][]any{
		{date("2014-06-03"), "day", "MET_WITH", "IRN", "USA", sentence, url},
		{date("2011-01-01"), "year", "WARNED", "USA", "IRN", "Washington warned Tehran.", "https://example.com/a"},
		{date("2011-03-01"), "month", "AGREED_WITH", "IRN", "USA", "They agreed\non a\ttimetable.", nil},
		{nil, "unknown", "REQUESTED", "EU", "SRB", "The EU urged Serbia to resume the dialogue.", "https://example.com/b"},
	}
	evHeader := []string{"date", "date_precision", "type", "source", "target", "sentence", "url"}
	timeline := [][]any{
		{"2014-06", int64(3), 7.5, -4.0, 0.304, map[string]any{"WARNED": int64(1), "MET_WITH": int64(2)}},
		{"2014", int64(1), 2.5, 0.0, 1.0, map[string]any{"MET_WITH": int64(1)}},
	}
	tlHeader := []string{"period", "events", "cooperation", "conflict", "alignment", "by_type"}
	for _, tc := range []struct {
		name   string
		header []string
		rows   [][]any
		width  int
	}{
		{"evidence-120", evHeader, evidence, 120},
		{"evidence-80", evHeader, evidence, 80},
		{"evidence-wide", evHeader, evidence, 0},
		{"timeline-120", tlHeader, timeline, 120},
		{"narrow-unfittable", evHeader, evidence, 30},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := WriteTable(&out, tc.header, tc.rows, tc.width); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "table", tc.name+".golden"), out.String())
			if tc.width >= 80 {
				for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
					if n := len([]rune(line)); n > tc.width {
						t.Errorf("line of %d > %d: %q", n, tc.width, line)
					}
				}
			}
		})
	}
}

// TestWriteTableUnchangedWhenItFits: a table that fits is what the
// aligned table always was (the header upper case, two spaces between
// columns, the last column unpadded).
func TestWriteTableUnchangedWhenItFits(t *testing.T) {
	var out bytes.Buffer
	if err := WriteRows(&out, FormatTable, []string{"period", "events", "by_type", "day"},
		[][]any{{"2014-06", int64(2), []any{"MET_WITH:1", "WARNED:1"}, date("2014-06-03")}}); err != nil {
		t.Fatal(err)
	}
	if want := "PERIOD   EVENTS  BY_TYPE              DAY\n2014-06  2       MET_WITH:1 WARNED:1  2014-06-03\n"; out.String() != want {
		t.Errorf("%q, want %q", out.String(), want)
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	testfiles.Golden(t, path, []byte(got), *update)
}
