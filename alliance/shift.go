package alliance

import (
	"math"
	"time"

	"github.com/diplograph/diplograph/relation"
)

// DefaultShiftThreshold is the smallest change of the alignment index that
// counts as a shift without a change of sign (alliance-shifts' threshold).
const DefaultShiftThreshold = 0.5

// ShiftRule says which changes between a pair's consecutive periods are
// shifts: the weights and planned factor that score a period, and the
// threshold a change must pass when the index keeps its sign.
type ShiftRule struct {
	Weights       Weights
	PlannedFactor float64
	Threshold     float64
}

// DefaultShiftRule is the rule of alliance-shifts' default parameters:
// DefaultWeights, DefaultPlannedFactor and DefaultShiftThreshold.
func DefaultShiftRule() ShiftRule {
	return ShiftRule{Weights: DefaultWeights, PlannedFactor: DefaultPlannedFactor, Threshold: DefaultShiftThreshold}
}

// Period is one pair's events of one period, as an ALIGNMENT aggregate
// counts them: "events", and per relation type "<TYPE>" (asserted events)
// and "<TYPE>_planned" (planned events).
type Period struct {
	Start  time.Time
	Counts map[string]int
}

// Events is the number of events of the period.
func (p Period) Events() int { return p.Counts["events"] }

// Index is the alignment index of a period: each type's events (planned
// ones scaled by the planned factor) times its weight, positive products
// summed as cooperation and negative ones as conflict, in the order of
// relation.Types, as the alliance-shifts query sums them.
func (r ShiftRule) Index(p Period) float64 {
	var s Score
	for _, t := range relation.Types {
		x := (float64(p.Counts[t]) + r.PlannedFactor*float64(p.Counts[t+"_planned"])) * r.Weights[t]
		if x > 0 {
			s.Cooperation += x
		} else if x < 0 {
			s.Conflict += x
		}
	}
	return s.Index()
}

// Shift is a change of a pair's alignment from one period to the next
// period with events (of the same precision).
type Shift struct {
	Before, After           Period
	Gap                     int // periods without events between the two
	IndexBefore, IndexAfter float64
}

// Change is the index after minus the index before.
func (s Shift) Change() float64 { return s.IndexAfter - s.IndexBefore }

// Shifts compares each of a pair's periods with the one before: periods
// sorted by start, all of one precision ("month" or "year"), each with
// events. A change is a shift when the index changes sign or moves by more
// than the threshold.
func (r ShiftRule) Shifts(precision string, periods []Period) []Shift {
	var out []Shift
	for i := 1; i < len(periods); i++ {
		before, after := periods[i-1], periods[i]
		s := Shift{Before: before, After: after, Gap: periodsBetween(precision, before.Start, after.Start),
			IndexBefore: r.Index(before), IndexAfter: r.Index(after)}
		if sign(s.IndexBefore) != sign(s.IndexAfter) || math.Abs(s.Change()) > r.Threshold {
			out = append(out, s)
		}
	}
	return out
}

// periodsBetween is the number of whole periods strictly between two
// period starts.
func periodsBetween(precision string, a, b time.Time) int {
	if precision == "year" {
		return b.Year() - a.Year() - 1
	}
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month()) - 1
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}
