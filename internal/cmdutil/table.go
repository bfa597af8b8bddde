package cmdutil

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// DefaultTableWidth is the width a table is fitted to when $COLUMNS does
// not say the terminal's.
const DefaultTableWidth = 120

// tableGap is the space between two columns of a table.
const tableGap = 2

// minShrunk is the narrowest a long column is cut to, unless its header
// is wider: enough to recognize a sentence or a URL. When the columns
// cannot fit so, they may be cut down to lastResort, headers included.
const (
	minShrunk  = 12
	lastResort = 6
)

// TableWidth is the width tables are fitted to: $COLUMNS when getenv gives
// a positive whole number for it, else DefaultTableWidth. getenv is
// os.Getenv in the commands, a map in tests.
func TableWidth(getenv func(string) string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	return DefaultTableWidth
}

// WriteTable prints rows under header (in upper case) as columns aligned
// with two spaces between them. A date column with a precision column
// shows the date at its precision (DatePrecisions). When width is
// positive, the columns that make a line wider than width (long text:
// sentences, titles, URLs) are cut, each cell ending in "…", so that every
// line fits width, as far as every column can keep minShrunk characters;
// width 0 shows every cell whole (--wide). Line breaks and tabs in a cell
// show as spaces.
func WriteTable(w io.Writer, header []string, rows [][]any, width int) error {
	rows = DatePrecisions(header, rows)
	heads := make([]string, len(header))
	for i, h := range header {
		heads[i] = strings.ToUpper(h)
	}
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = make([]string, len(r))
		for j, v := range r {
			cells[i][j] = flatten(Cell(v))
		}
	}
	natural := make([]int, len(heads))
	for j, h := range heads {
		natural[j] = utf8.RuneCountInString(h)
	}
	for _, r := range cells {
		for j, c := range r {
			if j < len(natural) {
				natural[j] = max(natural[j], utf8.RuneCountInString(c))
			}
		}
	}
	widths := FitColumns(natural, heads, width)
	tw := tabwriter.NewWriter(w, 0, 0, tableGap, ' ', 0)
	for _, line := range append([][]string{heads}, cells...) {
		out := make([]string, len(line))
		for j, c := range line {
			if j < len(widths) {
				c = cut(c, widths[j])
			}
			out[j] = c
		}
		fmt.Fprintln(tw, strings.Join(out, "\t"))
	}
	return tw.Flush()
}

// FitColumns is the width of each column so that a line (the columns and
// a gap of two between them) is at most width: natural (the widest cell of
// each column) when it fits or width is 0; otherwise the widest columns
// are brought down to one common cap, as high as fits, never below
// minShrunk or their header (or, when that cannot fit, lastResort), and
// what is left of width goes one by one to the cut columns, the widest
// first. When even lastResort is too wide the columns keep the first
// minimum and the line is wider than width.
func FitColumns(natural []int, header []string, width int) []int {
	out := append([]int(nil), natural...)
	if width <= 0 || len(natural) == 0 || sumWidths(natural) <= width {
		return out
	}
	floor := make([]int, len(natural))
	for j, n := range natural {
		f := minShrunk
		if j < len(header) {
			f = max(f, utf8.RuneCountInString(header[j]))
		}
		floor[j] = min(n, f)
	}
	out, ok := capColumns(natural, floor, width)
	if ok {
		return out
	}
	last := make([]int, len(natural))
	for j, n := range natural {
		last[j] = min(n, lastResort)
	}
	if ws, ok := capColumns(natural, last, width); ok {
		return ws
	}
	return out // nothing fits: cutting more would only lose more
}

// sumWidths is the width of a line of columns of widths ws.
func sumWidths(ws []int) int {
	s := tableGap * (len(ws) - 1)
	for _, w := range ws {
		s += w
	}
	return s
}

// capColumns caps natural at the highest level that fits width, no column
// below its floor, and hands out what is left of width; ok is false (and
// the floors returned) when even the floors do not fit.
func capColumns(natural, floor []int, width int) (ws []int, ok bool) {
	capped := func(level int) []int {
		ws := make([]int, len(natural))
		for j, n := range natural {
			ws[j] = min(n, max(level, floor[j]))
		}
		return ws
	}
	// The highest level whose capped widths fit: sumWidths(capped(level))
	// grows with level.
	lo, hi, best := 0, slices.Max(natural), -1
	for lo <= hi {
		mid := (lo + hi) / 2
		if sumWidths(capped(mid)) <= width {
			best, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	if best < 0 {
		return capped(0), false
	}
	ws = capped(best)
	order := make([]int, len(ws))
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return natural[order[a]] > natural[order[b]] })
	slack := width - sumWidths(ws)
	for _, j := range order {
		if slack == 0 {
			break
		}
		if ws[j] < natural[j] {
			ws[j]++
			slack--
		}
	}
	return ws, true
}

// cut shortens s to at most n characters, the last one "…" when s was
// longer.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// flatten puts line breaks and tabs of a cell as spaces: a table cell is
// one line, and a tab would split it.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// DatePrecisions returns rows with each date column that has a precision
// column shown at its precision: a column C is a date column when the
// header also has C_precision (date and date_precision, last and
// last_precision), or C is date and the header has precision. A year
// precision shows YYYY, a month precision YYYY-MM; other precisions (day,
// week, unknown) and values that are not dates show unchanged. rows is
// not changed: the JSON output keeps the stored values.
func DatePrecisions(header []string, rows [][]any) [][]any {
	index := map[string]int{}
	for i, h := range header {
		index[h] = i
	}
	pairs := map[int]int{} // date column -> precision column
	for i, h := range header {
		if p, ok := index[h+"_precision"]; ok {
			pairs[i] = p
		} else if p, ok := index["precision"]; ok && h == "date" {
			pairs[i] = p
		}
	}
	if len(pairs) == 0 {
		return rows
	}
	out := make([][]any, len(rows))
	for r, row := range rows {
		nr := append([]any(nil), row...)
		for d, p := range pairs {
			if d < len(nr) && p < len(nr) {
				prec, _ := nr[p].(string)
				nr[d] = AtPrecision(nr[d], prec)
			}
		}
		out[r] = nr
	}
	return out
}

// AtPrecision is date shown at precision: YYYY for "year", YYYY-MM for
// "month"; otherwise date unchanged. date is a Neo4j date or a string that
// begins YYYY-MM-DD; anything else is returned unchanged.
func AtPrecision(date any, precision string) any {
	var n int
	switch strings.ToLower(precision) {
	case "year":
		n = 4
	case "month":
		n = 7
	default:
		return date
	}
	var s string
	switch x := date.(type) {
	case string:
		s = x
	case fmt.Stringer:
		s = Cell(Plain(x))
	default:
		return date
	}
	if !isISODate(s) {
		return date
	}
	return s[:n]
}

// isISODate says whether s begins with YYYY-MM-DD.
func isISODate(s string) bool {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
