package bench

import (
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"
	"text/tabwriter"
)

// SizeRun is the query benchmark on the synthetic graph of one size.
type SizeRun struct {
	Graph       SyntheticGraph `json:"graph"`
	Database    string         `json:"database"`
	Queries     []Timing       `json:"queries"`
	Warmup      Warmup         `json:"warmup"`
	LoadAverage string         `json:"load_average"`
}

// SizeRow compares one query case across graph sizes: its median at each
// size and each larger size's median over the smallest's.
type SizeRow struct {
	Name     string    `json:"name"`
	MedianMS []float64 `json:"median_ms"` // one per size, in the order of Sizes
	Ratios   []float64 `json:"ratios"`    // MedianMS[i+1] / MedianMS[0]; 0 when the first is 0
	TargetMS float64   `json:"target_ms,omitempty"`
	// SameParams says whether the case ran with the same parameters at
	// every size. Its parameters are picked from each graph (the busiest
	// dyad, the dyad of median activity...), and a pick that differs makes
	// the ratios compare different work: they are shown but not judged.
	SameParams bool `json:"same_params"`
	// Status is pass when the median on the smallest graph is under the
	// target and every ratio at most MaxGrowth (when SameParams), FAIL
	// otherwise, "-" without a target.
	Status string `json:"status"`
}

// SizeComparison is the query benchmark across graph sizes.
type SizeComparison struct {
	Sizes     []int     `json:"sizes"` // relation edges drawn, smallest first as given
	MaxGrowth float64   `json:"max_growth"`
	Rows      []SizeRow `json:"rows"`
}

// CompareSizes lines up the runs' timings by case name (the cases of the
// first run, in its order; a case missing from a later run has a median
// of 0 there).
func CompareSizes(runs []SizeRun) SizeComparison {
	cmp := SizeComparison{MaxGrowth: MaxGrowth}
	for _, r := range runs {
		cmp.Sizes = append(cmp.Sizes, r.Graph.Spec.Edges)
	}
	if len(runs) == 0 {
		return cmp
	}
	for _, t := range runs[0].Queries {
		row := SizeRow{Name: t.Name, TargetMS: t.TargetMS, SameParams: true, Status: "-"}
		for _, r := range runs {
			m := 0.0
			for _, u := range r.Queries {
				if u.Name == t.Name {
					m = u.MedianMS
					row.SameParams = row.SameParams && maps.Equal(u.Params, t.Params)
					break
				}
			}
			row.MedianMS = append(row.MedianMS, m)
		}
		ok := row.MedianMS[0] < row.TargetMS
		for _, m := range row.MedianMS[1:] {
			ratio := 0.0
			if row.MedianMS[0] > 0 {
				ratio = m / row.MedianMS[0]
			}
			row.Ratios = append(row.Ratios, ratio)
			ok = ok && (!row.SameParams || row.MedianMS[0] > 0 && ratio <= MaxGrowth)
		}
		if row.TargetMS > 0 {
			row.Status = "FAIL"
			if ok {
				row.Status = "pass"
			}
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	return cmp
}

// Write prints the comparison as a table: one column of medians per size,
// one column of ratios per larger size ("5M/1M"), the target (on the
// smallest graph) and the status.
func (c SizeComparison) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"QUERY"}
	for _, n := range c.Sizes {
		head = append(head, SizeLabel(n)+" ms")
	}
	for _, n := range c.Sizes[min(1, len(c.Sizes)):] {
		head = append(head, SizeLabel(n)+"/"+SizeLabel(c.Sizes[0]))
	}
	head = append(head, "TARGET ms", "STATUS")
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	other := false // a ratio of different parameters was shown
	for _, r := range c.Rows {
		cells := []string{r.Name}
		for _, m := range r.MedianMS {
			cells = append(cells, fmt.Sprintf("%.1f", m))
		}
		for _, x := range r.Ratios {
			mark := ""
			if !r.SameParams {
				mark = "*"
				other = true
			}
			cells = append(cells, fmt.Sprintf("%.2f%s", x, mark))
		}
		target := "-"
		if r.TargetMS > 0 {
			target = fmt.Sprintf("%.0f", r.TargetMS)
		}
		cells = append(cells, target, r.Status)
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(c.Sizes) > 1 {
		if _, err := fmt.Fprintf(w, "(STATUS pass: median under the target at %s edges and at most %.1f× that at each larger size)\n",
			SizeLabel(c.Sizes[0]), c.MaxGrowth); err != nil {
			return err
		}
	}
	if other {
		_, err := fmt.Fprintln(w, "(* parameters picked from each graph differ between the sizes, e.g. another dyad: the ratio compares different work and is not judged)")
		return err
	}
	return nil
}

// SizeLabel writes a number of edges briefly: 1M, 5M, 2.5M, 100k, 3000.
func SizeLabel(n int) string {
	switch {
	case n >= 1_000_000 && n%100_000 == 0:
		return strconv.FormatFloat(float64(n)/1e6, 'f', -1, 64) + "M"
	case n >= 1000 && n%1000 == 0:
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

// ParseSize reads a number of edges as SizeLabel writes it (1M, 2.5M,
// 100k) or as digits, with _ allowed between them.
func ParseSize(s string) (int, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	mult := 1.0
	switch {
	case strings.HasSuffix(t, "M"), strings.HasSuffix(t, "m"):
		mult, t = 1e6, t[:len(t)-1]
	case strings.HasSuffix(t, "k"), strings.HasSuffix(t, "K"):
		mult, t = 1e3, t[:len(t)-1]
	}
	x, err := strconv.ParseFloat(t, 64)
	n := int(x * mult)
	if err != nil || x <= 0 || float64(n) != x*mult || strings.ContainsAny(t, "eE+-") {
		return 0, fmt.Errorf("bench: size %q: want a positive whole number of edges such as 1000000, 100k or 1M", s)
	}
	return n, nil
}
