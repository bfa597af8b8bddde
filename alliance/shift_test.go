package alliance

import (
	"testing"
	"time"
)

func month(s string) time.Time {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		panic(err)
	}
	return t
}

func period(start string, counts map[string]int) Period {
	n := 0
	for _, c := range counts {
		n += c
	}
	c := map[string]int{"events": n}
	for k, v := range counts {
		c[k] = v
	}
	return Period{Start: month(start), Counts: c}
}

func TestIndex(t *testing.T) {
	r := DefaultShiftRule()
	tests := []struct {
		name   string
		counts map[string]int
		want   float64
	}{
		{"meeting", map[string]int{"MET_WITH": 1}, 1},
		{"warning", map[string]int{"WARNED": 2}, -1},
		{"request weighs 0", map[string]int{"REQUESTED": 3}, 0},
		{"mixed", map[string]int{"MET_WITH": 2, "WARNED": 1}, (5.0 - 4) / 9},
		// a planned sanction weighs -6 * 0.5 = -3
		{"planned", map[string]int{"AGREED_WITH": 1, "SANCTIONED_planned": 1}, (4.0 - 3) / 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Index(period("2020-01", tt.counts)); got != tt.want {
				t.Fatalf("Index = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestShifts(t *testing.T) {
	meet := map[string]int{"MET_WITH": 1}
	warn := map[string]int{"WARNED": 1}
	mixed := map[string]int{"MET_WITH": 5, "WARNED": 1} // (12.5-4)/16.5 ≈ 0.52
	request := map[string]int{"REQUESTED": 1}           // index 0
	type want struct {
		before, after string
		gap           int
	}
	tests := []struct {
		name      string
		precision string
		periods   []Period
		rule      ShiftRule
		want      []want
	}{
		{"none", "month", nil, DefaultShiftRule(), nil},
		{"one period", "month", []Period{period("2020-01", meet)}, DefaultShiftRule(), nil},
		{"sign flips, adjacent", "month",
			[]Period{period("2020-01", meet), period("2020-02", warn)}, DefaultShiftRule(),
			[]want{{"2020-01", "2020-02", 0}}},
		{"gap across a year", "month",
			[]Period{period("2019-11", warn), period("2020-02", meet)}, DefaultShiftRule(),
			[]want{{"2019-11", "2020-02", 2}}},
		{"same sign, small change", "month",
			[]Period{period("2020-01", meet), period("2020-02", mixed)}, DefaultShiftRule(), nil},
		{"same sign, over a lower threshold", "month",
			[]Period{period("2020-01", meet), period("2020-02", mixed)},
			ShiftRule{Weights: DefaultWeights, PlannedFactor: 0.5, Threshold: 0.5 * 0.5},
			[]want{{"2020-01", "2020-02", 0}}},
		{"to zero is a change of sign", "month",
			[]Period{period("2020-01", mixed), period("2020-03", request)}, DefaultShiftRule(),
			[]want{{"2020-01", "2020-03", 1}}},
		{"three periods, the middle one differs", "month",
			[]Period{period("2020-01", meet), period("2020-02", warn), period("2020-04", meet)}, DefaultShiftRule(),
			[]want{{"2020-01", "2020-02", 0}, {"2020-02", "2020-04", 1}}},
		{"years", "year",
			[]Period{period("2010-01", meet), period("2014-01", warn)}, DefaultShiftRule(),
			[]want{{"2010-01", "2014-01", 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.rule.Shifts(tt.precision, tt.periods)
			if len(got) != len(tt.want) {
				t.Fatalf("%d shifts %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if !g.Before.Start.Equal(month(w.before)) || !g.After.Start.Equal(month(w.after)) || g.Gap != w.gap {
					t.Errorf("shift %d: %s → %s gap %d, want %s → %s gap %d", i,
						g.Before.Start.Format("2006-01"), g.After.Start.Format("2006-01"), g.Gap, w.before, w.after, w.gap)
				}
				if g.IndexBefore != tt.rule.Index(g.Before) || g.IndexAfter != tt.rule.Index(g.After) {
					t.Errorf("shift %d: indexes %v → %v, want the rule's %v → %v", i,
						g.IndexBefore, g.IndexAfter, tt.rule.Index(g.Before), tt.rule.Index(g.After))
				}
			}
		})
	}
}
