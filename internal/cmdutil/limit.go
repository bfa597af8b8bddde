package cmdutil

import "fmt"

// TotalColumn is the column in which a query may give the number of rows
// it would return without its limit (the same value on every row).
const TotalColumn = "total"

// Limited says what LimitRows kept of a query's rows.
type Limited struct {
	Shown int  // rows kept
	Total int  // rows in all; -1 when unknown
	More  bool // rows exist beyond those kept
	Limit int  // the limit asked for (0 = none)
}

// LimitRows keeps at most limit rows (limit 0: all) and says whether more
// exist, from either of the two ways a query can tell:
//
//   - a TotalColumn: the query counted its rows before its LIMIT, and gave
//     the count on every row; more rows exist when it exceeds the rows
//     kept, and the total is known;
//   - one row too many: the query was asked for limit+1 rows, so a row
//     beyond limit means more exist. The total is then unknown, unless
//     complete says that rows are the query's whole result (a query with
//     no limit parameter, cut here), when it is len(rows).
//
// A total that is not a whole number is ignored. rows is not changed.
func LimitRows(header []string, rows [][]any, limit int, complete bool) ([][]any, Limited) {
	l := Limited{Total: -1, Limit: limit}
	if complete {
		l.Total = len(rows)
	}
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
		l.More = true
	}
	l.Shown = len(rows)
	if t, ok := totalOf(header, rows); ok {
		l.Total = max(t, l.Shown)
		l.More = l.Total > l.Shown
	}
	return rows, l
}

// totalOf is the TotalColumn of the first row, if it has one holding a
// whole number.
func totalOf(header []string, rows [][]any) (int, bool) {
	if len(rows) == 0 {
		return 0, false
	}
	for i, h := range header {
		if h != TotalColumn || i >= len(rows[0]) {
			continue
		}
		switch t := rows[0][i].(type) {
		case int64:
			return int(t), true
		case int:
			return t, true
		case float64:
			if t == float64(int64(t)) {
				return int(t), true
			}
		}
	}
	return 0, false
}

// Notice is what to tell the user on stderr about rows left out: "" when
// none were; the hint to use --limit 0 when a limit cut them.
func (l Limited) Notice() string {
	if !l.More {
		return ""
	}
	hint := ""
	if l.Limit > 0 {
		hint = "; use --limit 0 for all"
	}
	if l.Total >= 0 {
		return fmt.Sprintf("showing %d of %d rows%s", l.Shown, l.Total, hint)
	}
	return fmt.Sprintf("showing %d rows; more rows exist%s", l.Shown, hint)
}

// WithoutColumn returns header and rows without the column named name
// (unchanged when there is none); the table drops TotalColumn, whose
// value the notice gives.
func WithoutColumn(header []string, rows [][]any, name string) ([]string, [][]any) {
	idx := -1
	for i, h := range header {
		if h == name {
			idx = i
			break
		}
	}
	if idx < 0 {
		return header, rows
	}
	h := append(append([]string(nil), header[:idx]...), header[idx+1:]...)
	out := make([][]any, len(rows))
	for i, r := range rows {
		if idx < len(r) {
			out[i] = append(append([]any(nil), r[:idx]...), r[idx+1:]...)
		} else {
			out[i] = r
		}
	}
	return h, out
}
