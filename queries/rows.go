package queries

import (
	"fmt"
	"reflect"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Rows is a predefined query whose rows are read as values of T, a struct
// that names the query's RETURN columns, in order, in the `column` tags of
// its fields (TestRowsMatchReturn checks them against the .cypher file).
// Code that needs a query's rows as values, such as the charts, reads them
// through Decode and so never spells a column name itself.
//
// A field is a string, an int (a Cypher integer), a float64 (a Cypher
// float or integer), a *float64 (the same or null, read as nil), a
// []string (a Cypher list of strings) or a map[string]int (a Cypher map of
// integers, such as by_type).
type Rows[T any] struct {
	Name string // the query's name, as in its header
}

// The predefined queries read as typed rows.
var (
	AllianceTimeline = Rows[TimelineRow]{Name: "alliance-timeline"}
	Network          = Rows[NetworkRow]{Name: "network"}
)

// TimelineRow is a row of alliance-timeline: a dyad's sums in one period.
type TimelineRow struct {
	Period      string         `column:"period"`    // 2014-06, 2014-Q2 or 2014
	Precision   string         `column:"precision"` // month, quarter or year
	Start       string         `column:"start"`     // the period's first day, YYYY-MM-DD
	Events      int            `column:"events"`
	ByType      map[string]int `column:"by_type"` // events by relation type, every type (0 included)
	Cooperation float64        `column:"cooperation"`
	Conflict    float64        `column:"conflict"`
	Net         float64        `column:"net"`
	// Alignment is the index over the rolling window ending with the
	// period; nil when that window has fewer than min_events events.
	Alignment *float64 `column:"alignment"`
}

// NetworkRow is a row of network: one pair of states in the window.
type NetworkRow struct {
	A           string         `column:"a"` // the lower code
	B           string         `column:"b"`
	Events      int            `column:"events"`
	ByType      map[string]int `column:"by_type"`
	Cooperation float64        `column:"cooperation"`
	Conflict    float64        `column:"conflict"`
	Net         float64        `column:"net"`
	Alignment   float64        `column:"alignment"`
	Sign        string         `column:"sign"` // friendly, hostile or neutral
}

// Query returns the query r reads.
func (r Rows[T]) Query() (Query, error) { return Get(r.Name) }

// Columns are the columns T reads, in the order of its fields.
func (r Rows[T]) Columns() []string {
	t := reflect.TypeFor[T]()
	cols := make([]string, t.NumField())
	for i := range cols {
		cols[i] = t.Field(i).Tag.Get("column")
	}
	return cols
}

// Decode reads the records of the query as values of T. A column T names
// that a record lacks, or a value of the wrong type, is an error; columns
// T does not name are ignored.
func (r Rows[T]) Decode(recs []*neo4j.Record) ([]T, error) {
	cols := r.Columns()
	out := make([]T, len(recs))
	for i, rec := range recs {
		v := reflect.ValueOf(&out[i]).Elem()
		for j, col := range cols {
			if err := decodeValue(rec, col, v.Field(j)); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// decodeValue sets dst to the value of rec's column col.
func decodeValue(rec *neo4j.Record, col string, dst reflect.Value) error {
	v, ok := rec.Get(col)
	if !ok {
		return fmt.Errorf("query result has no column %q (columns: %v)", col, rec.Keys)
	}
	wrong := func(want string) error {
		return fmt.Errorf("query result column %q: want %s, got %T", col, want, v)
	}
	switch dst.Interface().(type) {
	case string:
		s, ok := v.(string)
		if !ok {
			return wrong("a string")
		}
		dst.SetString(s)
	case int:
		n, ok := v.(int64)
		if !ok {
			return wrong("an integer")
		}
		dst.SetInt(n)
	case float64:
		switch x := v.(type) {
		case float64:
			dst.SetFloat(x)
		case int64:
			dst.SetFloat(float64(x))
		default:
			return wrong("a number")
		}
	case *float64:
		switch x := v.(type) {
		case nil:
			dst.Set(reflect.Zero(dst.Type()))
		case float64:
			dst.Set(reflect.ValueOf(&x))
		case int64:
			f := float64(x)
			dst.Set(reflect.ValueOf(&f))
		default:
			return wrong("a number or null")
		}
	case map[string]int:
		m, ok := v.(map[string]any)
		if !ok {
			return wrong("a map of integers")
		}
		out := make(map[string]int, len(m))
		for k, e := range m {
			n, ok := e.(int64)
			if !ok {
				return wrong("a map of integers")
			}
			out[k] = int(n)
		}
		dst.Set(reflect.ValueOf(out))
	case []string:
		list, ok := v.([]any)
		if !ok {
			return wrong("a list of strings")
		}
		ss := make([]string, len(list))
		for i, e := range list {
			if ss[i], ok = e.(string); !ok {
				return wrong("a list of strings")
			}
		}
		dst.Set(reflect.ValueOf(ss))
	default:
		return fmt.Errorf("query result column %q: cannot read into a %s", col, dst.Type())
	}
	return nil
}
