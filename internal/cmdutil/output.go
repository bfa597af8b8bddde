package cmdutil

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Output formats shared by commands that print records.
const (
	FormatTable = "table"
	FormatJSON  = "json"
	FormatCSV   = "csv"
)

// CheckFormat refuses a --format value not in allowed.
func CheckFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return Usagef("--format %q: want one of %s", f, strings.Join(allowed, ", "))
}

// WriteRows prints rows under header as an aligned table (no width
// limit), CSV or a JSON array of objects: WriteRowsWidth with width 0.
func WriteRows(w io.Writer, format string, header []string, rows [][]any) error {
	return WriteRowsWidth(w, format, header, rows, 0)
}

// WriteRowsWidth prints rows under header in format. JSON keeps values
// typed (Plain): numbers as numbers, maps as objects, lists as arrays,
// dates as strings. CSV writes each value as Cell does. The table is
// WriteTable's: dates at their precision, lines at most width columns
// (0 = no limit).
func WriteRowsWidth(w io.Writer, format string, header []string, rows [][]any, width int) error {
	switch format {
	case FormatJSON:
		objs := make([]map[string]any, 0, len(rows))
		for _, r := range rows {
			o := make(map[string]any, len(header))
			for i, h := range header {
				o[h] = Plain(r[i])
			}
			objs = append(objs, o)
		}
		return WriteJSON(w, objs)
	case FormatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		for _, r := range rows {
			rec := make([]string, len(r))
			for i, v := range r {
				rec[i] = Cell(v)
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	default:
		return WriteTable(w, header, rows, width)
	}
}

// Plain turns a value read from Neo4j (or built by a command) into what
// JSON shows: dates and times as ISO 8601 strings, maps as objects and
// lists as arrays with their elements converted, nodes and relationships
// as their properties, numbers as numbers (a NaN or infinite float, which
// JSON cannot hold, as null). Other values pass unchanged.
func Plain(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int, int64:
		return v
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	case dbtype.Date:
		return x.String()
	case dbtype.LocalDateTime, dbtype.LocalTime, dbtype.Time, dbtype.Duration:
		return x.(fmt.Stringer).String()
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Plain(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Plain(e)
		}
		return out
	case dbtype.Node:
		return Plain(x.Props)
	case dbtype.Relationship:
		return Plain(x.Props)
	case fmt.Stringer:
		return x.String()
	}
	return v
}

// Cell is how a value shows in a table or CSV: floats with 3 decimals,
// dates as YYYY-MM-DD, lists as their elements separated by spaces, maps
// compactly as KEY:VALUE pairs in key order (MET_WITH:2 WARNED:1), leaving
// out entries that are 0 or null (queries return counts by type with every
// type; the table lists those with events, JSON keeps them all).
func Cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return fmt.Sprintf("%.3f", x)
	case float32:
		return fmt.Sprintf("%.3f", x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			switch n := x[k].(type) {
			case nil:
				continue
			case int64:
				if n == 0 {
					continue
				}
			case float64:
				if n == 0 {
					continue
				}
			}
			parts = append(parts, k+":"+Cell(x[k]))
		}
		return strings.Join(parts, " ")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = Cell(e)
		}
		return strings.Join(parts, " ")
	case []string:
		return strings.Join(x, " ")
	case dbtype.Node, dbtype.Relationship:
		return Cell(Plain(x))
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}

// WriteJSON writes v as indented JSON, HTML characters unescaped.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
