package main

import (
	"encoding/json"
	"testing"
)

// `bench queries --sizes` against a configured database: one graph at a
// time in it, each built through the writer and timed, then the medians
// compared by size. The graph is small and the timings are not checked.
func TestCLIBenchQueriesSizes(t *testing.T) {
	useTestDB(t)
	out, errOut, code := runCLI(t, "", "bench", "queries", "--sizes", "200,300", "--states", "20", "--years", "1",
		"--force", "--runs", "2", "--warmup", "0", "--warmup-time", "0", "--only", "alliance-timeline,partners", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Sizes []struct {
			Graph struct {
				Events int `json:"events"`
				Spec   struct {
					Edges int `json:"edges"`
				} `json:"spec"`
			} `json:"graph"`
			Queries []struct {
				Name string `json:"name"`
				Runs int    `json:"runs"`
			} `json:"queries"`
			Warmup struct {
				Rounds int `json:"rounds"`
			} `json:"warmup"`
		} `json:"sizes"`
		Comparison struct {
			Sizes []int `json:"sizes"`
			Rows  []struct {
				Name       string    `json:"name"`
				MedianMS   []float64 `json:"median_ms"`
				Ratios     []float64 `json:"ratios"`
				SameParams bool      `json:"same_params"`
			} `json:"rows"`
		} `json:"comparison"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Sizes) != 2 || got.Sizes[0].Graph.Spec.Edges != 200 || got.Sizes[1].Graph.Spec.Edges != 300 {
		t.Fatalf("sizes: %s", out)
	}
	for _, s := range got.Sizes {
		// alliance-timeline busiest, top-10 and typical, and partners.
		if len(s.Queries) != 4 || s.Warmup.Rounds != 0 || s.Graph.Events == 0 {
			t.Errorf("size %d: %+v", s.Graph.Spec.Edges, s)
		}
		for _, q := range s.Queries {
			if q.Runs != 2 {
				t.Errorf("size %d, %s: %d runs, want 2", s.Graph.Spec.Edges, q.Name, q.Runs)
			}
		}
	}
	if len(got.Comparison.Rows) != 4 || len(got.Comparison.Sizes) != 2 {
		t.Fatalf("comparison: %s", out)
	}
	for _, r := range got.Comparison.Rows {
		if len(r.MedianMS) != 2 || len(r.Ratios) != 1 || r.MedianMS[0] <= 0 {
			t.Errorf("%s: %+v", r.Name, r)
		}
	}
}
