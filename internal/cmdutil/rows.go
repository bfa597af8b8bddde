package cmdutil

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// MaxLimit is the largest --limit: a query is never sent a larger limit.
const MaxLimit = 1_000_000

// RowsOutput is how a command that prints rows prints them: its --format,
// --limit and --wide flags and the terminal's width. A command's Options
// embed it; AddFlags defines the flags, Complete fills what the flags do
// not say, Write prints.
type RowsOutput struct {
	// Format is --format: table, json or csv.
	Format string
	// Limit is --limit when LimitGiven: at most this many rows, 0 = all.
	// When it is not given, the command's own default applies.
	Limit      int
	LimitGiven bool
	// Wide is --wide: the table shows every cell whole.
	Wide bool
	// Width is the table's width (TableWidth: $COLUMNS or 120).
	Width int
}

// AddFlags defines --format, --limit and --wide on cmd, limitHelp saying
// what the default limit is.
func (o *RowsOutput) AddFlags(cmd *cobra.Command, limitHelp string) {
	cmd.Flags().StringVar(&o.Format, "format", FormatTable, "output format: table, json or csv")
	cmd.Flags().IntVar(&o.Limit, "limit", 0, "show at most this many rows, 0 = all ("+limitHelp+")")
	cmd.Flags().BoolVar(&o.Wide, "wide", false, "table: show long text whole instead of fitting the terminal's width")
}

// Complete records whether --limit was given and the terminal's width; a
// command's RunE calls it before running.
func (o *RowsOutput) Complete(cmd *cobra.Command) {
	o.LimitGiven = cmd.Flags().Changed("limit")
	o.Width = TableWidth(os.Getenv)
}

// Check refuses a --format other than table, json and csv and a --limit
// outside 0..MaxLimit.
func (o RowsOutput) Check() error {
	if err := CheckFormat(o.Format, FormatTable, FormatJSON, FormatCSV); err != nil {
		return err
	}
	if o.LimitGiven && (o.Limit < 0 || o.Limit > MaxLimit) {
		return Usagef("--limit %d: want a whole number from 0 (all rows) to %d", o.Limit, MaxLimit)
	}
	return nil
}

// Write prints rows under header in o.Format, at most limit of them (0 =
// all), and tells notice (stderr) when more exist (LimitRows: a total
// column, a row beyond limit, or, when complete says rows are the whole
// result, their number). The table leaves out the total column and fits
// o.Width unless o.Wide. No rows print "(no rows)" in a table, [] in JSON
// and nothing in CSV.
func (o RowsOutput) Write(out, notice io.Writer, header []string, rows [][]any, limit int, complete bool) error {
	if len(rows) == 0 {
		switch o.Format {
		case FormatJSON:
			_, err := fmt.Fprintln(out, "[]")
			return err
		case FormatTable:
			_, err := fmt.Fprintln(out, "(no rows)")
			return err
		}
		return nil
	}
	rows, lim := LimitRows(header, rows, limit, complete)
	width := 0
	if o.Format == FormatTable {
		header, rows = WithoutColumn(header, rows, TotalColumn)
		if !o.Wide {
			width = o.Width
		}
	}
	if err := WriteRowsWidth(out, o.Format, header, rows, width); err != nil {
		return err
	}
	if n := lim.Notice(); n != "" && notice != nil {
		fmt.Fprintln(notice, n)
	}
	return nil
}
