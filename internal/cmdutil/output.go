package cmdutil

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
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

// WriteRows prints rows under header as an aligned table, CSV or a JSON
// array of objects.
func WriteRows(w io.Writer, format string, header []string, rows [][]any) error {
	switch format {
	case FormatJSON:
		objs := make([]map[string]any, 0, len(rows))
		for _, r := range rows {
			o := make(map[string]any, len(header))
			for i, h := range header {
				o[h] = r[i]
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
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
		for _, r := range rows {
			cells := make([]string, len(r))
			for i, v := range r {
				cells[i] = Cell(v)
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		return tw.Flush()
	}
}

// Cell is how a value shows in a table or CSV: floats with 3 decimals.
func Cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return fmt.Sprintf("%.3f", x)
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
