package cmdutil

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestRowsOutputFlags: AddFlags and Complete fill RowsOutput from the
// command line and $COLUMNS.
func TestRowsOutputFlags(t *testing.T) {
	t.Setenv("COLUMNS", "99")
	for _, tc := range []struct {
		args []string
		want RowsOutput
	}{
		{nil, RowsOutput{Format: "table", Width: 99}},
		{[]string{"--limit", "0", "--wide", "--format", "csv"}, RowsOutput{Format: "csv", LimitGiven: true, Wide: true, Width: 99}},
		{[]string{"--limit", "7"}, RowsOutput{Format: "table", Limit: 7, LimitGiven: true, Width: 99}},
	} {
		var o RowsOutput
		cmd := &cobra.Command{Use: "x", RunE: func(cmd *cobra.Command, _ []string) error { o.Complete(cmd); return nil }}
		o.AddFlags(cmd, "default 50")
		cmd.SetArgs(append([]string{}, tc.args...))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if o != tc.want {
			t.Errorf("%v: %+v, want %+v", tc.args, o, tc.want)
		}
	}
}

func TestRowsOutputCheck(t *testing.T) {
	for _, tc := range []struct {
		o    RowsOutput
		want string // "" = accepted
	}{
		{RowsOutput{Format: "table"}, ""},
		{RowsOutput{Format: "json", Limit: -1}, ""}, // not given: not checked
		{RowsOutput{Format: "csv", Limit: MaxLimit, LimitGiven: true}, ""},
		{RowsOutput{Format: "xml"}, `--format "xml"`},
		{RowsOutput{Format: "table", Limit: -1, LimitGiven: true}, "--limit -1"},
		{RowsOutput{Format: "table", Limit: MaxLimit + 1, LimitGiven: true}, "--limit 1000001"},
	} {
		err := tc.o.Check()
		if tc.want == "" {
			if err != nil {
				t.Errorf("%+v: %v", tc.o, err)
			}
			continue
		}
		if !errors.As(err, new(UsageError)) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want a usage error %q", tc.o, err, tc.want)
		}
	}
}

// TestRowsOutputWrite: no rows, the total column (left out of the table
// only), the notice, the width.
func TestRowsOutputWrite(t *testing.T) {
	header := []string{"dyad", "sentence", "total"}
	long := strings.Repeat("word ", 40)
	rows := [][]any{{"IRN-USA", long, int64(5)}, {"FRA-DEU", "short", int64(5)}, {"GBR-USA", "x", int64(5)}}
	for _, tc := range []struct {
		name        string
		o           RowsOutput
		rows        [][]any
		limit       int
		out, notice string
	}{
		{"no rows table", RowsOutput{Format: "table"}, nil, 2, "(no rows)\n", ""},
		{"no rows json", RowsOutput{Format: "json"}, nil, 2, "[]\n", ""},
		{"no rows csv", RowsOutput{Format: "csv"}, nil, 2, "", ""},
		{"table cut to 40", RowsOutput{Format: "table", Width: 40}, rows, 2,
			"DYAD     SENTENCE\nIRN-USA  word word word word word word …\nFRA-DEU  short\n",
			"showing 2 of 5 rows; use --limit 0 for all\n"},
		{"wide", RowsOutput{Format: "table", Width: 40, Wide: true}, rows[1:], 0,
			"DYAD     SENTENCE\nFRA-DEU  short\nGBR-USA  x\n",
			"showing 2 of 5 rows\n"},
		{"csv keeps total", RowsOutput{Format: "csv", Width: 10}, rows[1:], 1,
			"dyad,sentence,total\nFRA-DEU,short,5\n", "showing 1 of 5 rows; use --limit 0 for all\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, notice bytes.Buffer
			if err := tc.o.Write(&out, &notice, header, tc.rows, tc.limit, false); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.out || notice.String() != tc.notice {
				t.Errorf("out %q\nnotice %q\nwant %q\n%q", out.String(), notice.String(), tc.out, tc.notice)
			}
		})
	}
}
