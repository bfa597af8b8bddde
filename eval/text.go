package eval

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/diplograph/diplograph/relation"
)

// WriteText writes the report as readable text: a summary line, the four
// figures (precision, recall and F1 with 3 decimals), the date accuracy of
// state_typed and all_typed, the per-type counts of state_typed and
// all_typed, and, when detail is true, the errors and date mismatches
// grouped by article.
//
// A per-type F1 is printed as "n/a" when the type has no required gold
// relation in that figure: recall, and so F1, is undefined there, and 0.000
// would read as a failure.
func (r Report) WriteText(w io.Writer, detail bool) error {
	ew := &errWriter{w: w}
	ew.printf("%d gold articles scored", r.Articles)
	if len(r.Missing) > 0 {
		ew.printf(", %d without predictions (all FN): %s", len(r.Missing), strings.Join(r.Missing, " "))
	}
	if len(r.Unscored) > 0 {
		ew.printf("; %d predicted articles without gold (unscored): %s", len(r.Unscored), strings.Join(r.Unscored, " "))
	}
	ew.printf("\n\n")

	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Names are padded to one width so that, right-aligned, they line up left.
	fmt.Fprintf(tw, "%-11s\tP\tR\tF1\tTP\tTP req\tFP\tFN\trequired\t\n", "figure")
	for _, row := range []struct {
		name string
		f    Figure
	}{
		{"state_typed", r.StateTyped},
		{"all_typed", r.AllTyped},
		{"state_dyad", r.StateDyad},
		{"all_dyad", r.AllDyad},
	} {
		f := row.f
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t\n",
			fmt.Sprintf("%-11s", row.name), f.Precision, f.Recall, f.F1, f.TP, f.TPRequired, f.FP, f.FN, f.Required)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	ew.printf("\n")
	writeDateAccuracy(ew, "state_typed", r.Dates.StateTyped)
	writeDateAccuracy(ew, "all_typed", r.Dates.AllTyped)

	ew.printf("\nper type: state_typed | all_typed\n")
	types := perTypeOrder(r.StateTyped.PerType, r.AllTyped.PerType)
	width := len("type")
	for _, typ := range types {
		width = max(width, len(typ))
	}
	tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tTP\tFP\tFN\tF1\t|\tTP\tFP\tFN\tF1\t\n", width, "type")
	for _, typ := range types {
		s, a := r.StateTyped.PerType[typ], r.AllTyped.PerType[typ]
		fmt.Fprintf(tw, "%-*s\t%d\t%d\t%d\t%s\t|\t%d\t%d\t%d\t%s\t\n",
			width, typ, s.TP, s.FP, s.FN, typeF1(s), a.TP, a.FP, a.FN, typeF1(a))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	if detail {
		ew.printf("\ndetails: errors of all_typed; * = both ends are states (counts in state_typed);\n")
		ew.printf("date = extracted relation in the gold whose date differs from the gold date;\n")
		ew.printf("opt = optional gold relation not extracted (not counted)\n")
		for i, d := range r.Detail {
			if i == 0 || d.Article != r.Detail[i-1].Article {
				ew.printf("\n%s\n", d.Article)
			}
			arrow := "->"
			if relation.Symmetric(d.Type) {
				arrow = "<>"
			}
			star := " "
			if d.States {
				star = "*"
			}
			kind, dates := d.Kind, ""
			switch d.Kind {
			case KindMissedOptional:
				kind = "opt"
			case KindDate:
				kind = "date"
				dates = fmt.Sprintf("  gold %s, extracted %s", d.GoldDate, cmp.Or(d.Date, "none"))
				if d.Background {
					dates += " (background)"
				}
			}
			ew.printf("  %s %-4s %-11s %s %s %s%s  %q\n", star, kind, d.Type, d.Source, arrow, d.Target, dates, d.Text)
		}
	}
	return ew.err
}

// writeDateAccuracy writes the one-line date accuracy of a figure.
func writeDateAccuracy(ew *errWriter, name string, d DateAccuracy) {
	if d.Matched == 0 {
		ew.printf("date accuracy (%s): n/a (no matched relation with a gold date)\n", name)
		return
	}
	ew.printf("date accuracy (%s): %.3f (%d of %d matched relations with a gold date)\n", name, d.Accuracy, d.Correct, d.Matched)
}

// typeF1 formats a per-type F1, or "n/a" when the type has no required gold
// relation.
func typeF1(c Counts) string {
	if c.Required == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", c.F1())
}

// perTypeOrder lists the types present in either map: the guide's types
// first in their order, then any others sorted.
func perTypeOrder(ms ...map[string]Counts) []string {
	var out, extra []string
	for _, typ := range relation.Types {
		for _, m := range ms {
			if _, ok := m[typ]; ok {
				out = append(out, typ)
				break
			}
		}
	}
	for _, m := range ms {
		for typ := range maps.Keys(m) {
			if !slices.Contains(relation.Types, typ) && !slices.Contains(extra, typ) {
				extra = append(extra, typ)
			}
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}

// errWriter remembers the first write error and skips later writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
