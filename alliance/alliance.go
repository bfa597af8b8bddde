// Package alliance holds the cooperation/conflict scale of diplograph's
// relation types, after the PLOVER ontology and the Goldstein scale:
// cooperation positive, conflict negative. A dyad's score over a period is
// the sum of its events' weights: cooperation (positive part), conflict
// (negative part), net, and the alignment index net/(cooperation+|conflict|)
// in [-1, 1]. Negated events never count; planned ones count with a factor.
package alliance

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// DefaultWeights are the weights used unless configuration overrides them
// (alliance.weights). Their signs follow PLOVER's polarity. REQUESTED is 0:
// PLOVER treats REQUEST as neutral (package relation says so too), an
// appeal being neither cooperation nor conflict. DEPLOYED_TO is 0: a
// deployment can be help or threat, and is shown on its own.
var DefaultWeights = map[string]float64{
	"MET_WITH":    2.5,
	"AGREED_WITH": 4,
	"SUPPORTED":   5,
	"AIDED":       7,
	"REQUESTED":   0,
	"ACCUSED":     -3,
	"REJECTED":    -2,
	"WARNED":      -4,
	"SANCTIONED":  -6,
	"ATTACKED":    -9,
	"DEPLOYED_TO": 0,
}

// DefaultPlannedFactor scales the weight of planned events.
const DefaultPlannedFactor = 0.5

// MaxWeight bounds the magnitude of a weight: an override must be a finite
// number from -MaxWeight to MaxWeight, so that no sum of events overflows
// or turns into NaN.
const MaxWeight = 100

// Weights maps relation types to weights.
type Weights map[string]float64

// NewWeights returns the defaults with overrides applied; an override for
// a type that does not exist is an error (a typo must not pass silently),
// and so is one that is not a finite number from -MaxWeight to MaxWeight.
func NewWeights(overrides map[string]float64) (Weights, error) {
	w := Weights{}
	for k, v := range DefaultWeights {
		w[k] = v
	}
	var unknown, bad []string
	for k, v := range overrides {
		if _, ok := DefaultWeights[k]; !ok {
			unknown = append(unknown, k)
			continue
		}
		if err := CheckWeight(v); err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", k, err))
			continue
		}
		w[k] = v
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("alliance: unknown relation types in weights: %v", unknown)
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, fmt.Errorf("alliance: bad weights: %s", strings.Join(bad, "; "))
	}
	return w, nil
}

// CheckWeight reports whether v may be a weight: a finite number from
// -MaxWeight to MaxWeight.
func CheckWeight(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < -MaxWeight || v > MaxWeight {
		return fmt.Errorf("%v is out of range: want a number from %d to %d", v, -MaxWeight, MaxWeight)
	}
	return nil
}

// Score is a dyad's cooperation and conflict over a period.
type Score struct {
	Events      int
	Cooperation float64 // sum of positive weights
	Conflict    float64 // sum of negative weights (<= 0)
}

// Add counts one event of weight w (already scaled for modality).
func (s *Score) Add(w float64) {
	s.Events++
	if w > 0 {
		s.Cooperation += w
	} else {
		s.Conflict += w
	}
}

// Net is cooperation plus conflict.
func (s Score) Net() float64 { return s.Cooperation + s.Conflict }

// Index is the alignment index net/(cooperation+|conflict|) in [-1, 1]; 0
// when there is no weighted event.
func (s Score) Index() float64 {
	d := s.Cooperation - s.Conflict
	if d == 0 {
		return 0
	}
	return s.Net() / d
}
