package bench

import (
	"bytes"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSizeLabelAndParse(t *testing.T) {
	for _, tt := range []struct {
		n     int
		label string
	}{{1_000_000, "1M"}, {5_000_000, "5M"}, {2_500_000, "2.5M"}, {100_000, "100k"}, {3000, "3k"}, {1_050_000, "1050k"}, {999, "999"}} {
		if got := SizeLabel(tt.n); got != tt.label {
			t.Errorf("SizeLabel(%d) = %q, want %q", tt.n, got, tt.label)
		}
		if got, err := ParseSize(tt.label); err != nil || got != tt.n {
			t.Errorf("ParseSize(%q) = %d, %v, want %d", tt.label, got, err, tt.n)
		}
	}
	for _, tt := range []struct {
		in   string
		want int
	}{{"5000000", 5_000_000}, {"5_000_000", 5_000_000}, {" 1m ", 1_000_000}, {"100K", 100_000}} {
		if got, err := ParseSize(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "0", "-1M", "1.5", "1e6", "M", "five", "0.0000001M"} {
		if n, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, n)
		}
	}
}

func sizeRun(edges int, medians map[string]float64) SizeRun {
	r := SizeRun{Graph: SyntheticGraph{Spec: SyntheticGraphSpec{Edges: edges}}}
	for _, qc := range QueryCases(Picks{Year: 2024}) {
		if m, ok := medians[qc.Name]; ok {
			tm := Timing{Name: qc.Name, Params: qc.Params, Millis: []float64{m}}
			tm.summarize(qc.Target)
			r.Queries = append(r.Queries, tm)
		}
	}
	return r
}

func TestCompareSizes(t *testing.T) {
	runs := []SizeRun{
		sizeRun(1_000_000, map[string]float64{"alliance-timeline busiest": 10, "partners": 40, "alliance-shifts": 600, "network": 100, "evidence": 0}),
		sizeRun(5_000_000, map[string]float64{"alliance-timeline busiest": 15, "partners": 61, "alliance-shifts": 700, "network": 450, "evidence": 3}),
	}
	cmp := CompareSizes(runs)
	if !slices.Equal(cmp.Sizes, []int{1_000_000, 5_000_000}) || cmp.MaxGrowth != 1.5 || len(cmp.Rows) != 5 {
		t.Fatalf("%+v", cmp)
	}
	want := map[string]struct {
		ratio  float64
		status string
	}{
		"alliance-timeline busiest": {1.5, "pass"},         // 1.5x exactly is within
		"partners":                  {1.525, "FAIL"},       // under target at 1M, grows too much
		"alliance-shifts":           {700.0 / 600, "FAIL"}, // over target at 1M
		"network":                   {4.5, "-"},            // no target
		"evidence":                  {0, "-"},              // no median at 1M: no ratio
	}
	for _, r := range cmp.Rows {
		w := want[r.Name]
		if len(r.MedianMS) != 2 || len(r.Ratios) != 1 || math.Abs(r.Ratios[0]-w.ratio) > 1e-9 || r.Status != w.status {
			t.Errorf("%s: %+v, want ratio %v status %s", r.Name, r, w.ratio, w.status)
		}
	}

	var b bytes.Buffer
	if err := cmp.Write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	for _, tt := range []struct {
		line   int
		fields []string
	}{
		{0, []string{"QUERY", "1M", "ms", "5M", "ms", "5M/1M", "TARGET", "ms", "STATUS"}},
		{1, []string{"alliance-timeline", "busiest", "10.0", "15.0", "1.50", "20", "pass"}},
		{2, []string{"partners", "40.0", "61.0", "1.52", "50", "FAIL"}},
		{4, []string{"network", "100.0", "450.0", "4.50", "-", "-"}},
	} {
		if got := strings.Fields(lines[tt.line]); !slices.Equal(got, tt.fields) {
			t.Errorf("line %d: %q, want %q", tt.line, got, tt.fields)
		}
	}
	if !strings.Contains(lines[len(lines)-1], "1.5× that at each larger size") {
		t.Errorf("no legend: %q", lines[len(lines)-1])
	}

	one := CompareSizes(runs[:1])
	if len(one.Rows) != 5 || len(one.Rows[0].Ratios) != 0 || one.Rows[0].Status != "pass" || one.Rows[2].Status != "FAIL" {
		t.Errorf("one size: %+v", one)
	}
	if empty := CompareSizes(nil); len(empty.Rows) != 0 {
		t.Errorf("no runs: %+v", empty)
	}
	if strings.Contains(b.String(), "*") {
		t.Errorf("a mark, with the same parameters at both sizes:\n%s", b.String())
	}

	// The typical dyad is another pair at each size: its ratio is shown,
	// marked, and not judged; its median at the smallest size still is.
	other := []SizeRun{
		sizeRun(1_000_000, map[string]float64{"alliance-timeline typical": 2, "alliance-timeline busiest": 10}),
		sizeRun(5_000_000, map[string]float64{"alliance-timeline typical": 4, "alliance-timeline busiest": 16}),
	}
	for i := range other[1].Queries {
		if q := &other[1].Queries[i]; q.Name == "alliance-timeline typical" {
			q.Params = maps.Clone(q.Params)
			q.Params["a"] = "ZZZ"
		}
	}
	cmp = CompareSizes(other)
	got := map[string]SizeRow{}
	for _, r := range cmp.Rows {
		got[r.Name] = r
	}
	if r := got["alliance-timeline typical"]; r.SameParams || r.Status != "pass" || len(r.Ratios) != 1 || r.Ratios[0] != 2 {
		t.Errorf("typical, another dyad at 5M: %+v, want ratio 2 not judged (pass)", r)
	}
	if r := got["alliance-timeline busiest"]; !r.SameParams || r.Status != "FAIL" {
		t.Errorf("busiest, the same dyad, 1.6x: %+v, want FAIL", r)
	}
	b.Reset()
	if err := cmp.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "2.00*") || !strings.Contains(b.String(), "(* parameters picked from each graph differ") || strings.Contains(b.String(), "1.60*") {
		t.Errorf("marks:\n%s", b.String())
	}
}
