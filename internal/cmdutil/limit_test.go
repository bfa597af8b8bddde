package cmdutil

import (
	"testing"
)

func TestLimitRows(t *testing.T) {
	rows := func(n int, total any) [][]any {
		out := make([][]any, n)
		for i := range out {
			out[i] = []any{int64(i), total}
		}
		return out
	}
	header := []string{"n", "total"}
	noTotal := []string{"n", "x"}
	for _, tc := range []struct {
		name     string
		header   []string
		rows     [][]any
		limit    int
		complete bool
		shown    int
		notice   string
	}{
		{"limit+1 rows: more, total unknown", noTotal, rows(51, nil), 50, false, 50,
			"showing 50 rows; more rows exist; use --limit 0 for all"},
		{"exactly limit rows: nothing more", noTotal, rows(50, nil), 50, false, 50, ""},
		{"fewer than limit", noTotal, rows(3, nil), 50, false, 3, ""},
		{"total column: more", header, rows(50, int64(213)), 50, false, 50,
			"showing 50 of 213 rows; use --limit 0 for all"},
		{"total column and limit+1 rows", header, rows(51, int64(213)), 50, false, 50,
			"showing 50 of 213 rows; use --limit 0 for all"},
		{"total column: all shown", header, rows(7, int64(7)), 50, false, 7, ""},
		{"total column as float", header, rows(2, 9.0), 2, false, 2, "showing 2 of 9 rows; use --limit 0 for all"},
		{"total column not a number: ignored", header, rows(3, "many"), 2, false, 2,
			"showing 2 rows; more rows exist; use --limit 0 for all"},
		{"total below the rows: the rows count", header, rows(4, int64(1)), 0, false, 4, ""},
		{"complete result cut here: total known", noTotal, rows(213, nil), 50, true, 50,
			"showing 50 of 213 rows; use --limit 0 for all"},
		{"complete, under the limit", noTotal, rows(5, nil), 50, true, 5, ""},
		{"limit 0: all rows", noTotal, rows(80, nil), 0, false, 80, ""},
		{"limit 0, total says more: no hint", header, rows(80, int64(90)), 0, false, 80, "showing 80 of 90 rows"},
		{"no rows", header, nil, 50, false, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(tc.rows)
			got, l := LimitRows(tc.header, tc.rows, tc.limit, tc.complete)
			if len(got) != tc.shown || l.Shown != tc.shown || l.Notice() != tc.notice {
				t.Errorf("kept %d (Shown %d), notice %q; want %d, %q (%+v)", len(got), l.Shown, l.Notice(), tc.shown, tc.notice, l)
			}
			if len(tc.rows) != before {
				t.Error("rows changed")
			}
		})
	}
}

func TestWithoutColumn(t *testing.T) {
	h, rows := WithoutColumn([]string{"a", "total", "b"}, [][]any{{1, 9, 2}, {3, 9, 4}}, TotalColumn)
	if len(h) != 2 || h[0] != "a" || h[1] != "b" || len(rows[1]) != 2 || rows[1][0] != 3 || rows[1][1] != 4 {
		t.Errorf("%v %v", h, rows)
	}
	h, _ = WithoutColumn([]string{"a"}, nil, TotalColumn)
	if len(h) != 1 {
		t.Errorf("%v", h)
	}
}
