package alliance

import (
	"math"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name                       string
		weights                    []float64
		coop, conflict, net, index float64
	}{
		{"empty", nil, 0, 0, 0, 0},
		{"only cooperation", []float64{2.5, 4}, 6.5, 0, 6.5, 1},
		{"only conflict", []float64{-3, -9}, 0, -12, -12, -1},
		{"mixed", []float64{2.5, -4}, 2.5, -4, -1.5, -1.5 / 6.5},
		{"deployment only", []float64{0}, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Score
			for _, w := range tt.weights {
				s.Add(w)
			}
			if s.Events != len(tt.weights) || s.Cooperation != tt.coop || s.Conflict != tt.conflict ||
				s.Net() != tt.net || math.Abs(s.Index()-tt.index) > 1e-12 {
				t.Fatalf("score = %+v net %v index %v", s, s.Net(), s.Index())
			}
			if s.Index() < -1 || s.Index() > 1 {
				t.Fatalf("index %v out of [-1, 1]", s.Index())
			}
		})
	}
}

func TestNewWeights(t *testing.T) {
	w, err := NewWeights(map[string]float64{"MET_WITH": 3})
	if err != nil || w["MET_WITH"] != 3 || w["ATTACKED"] != -9 || len(w) != 11 {
		t.Fatalf("weights = %v, %v", w, err)
	}
	if DefaultWeights["MET_WITH"] != 2.5 {
		t.Fatal("NewWeights changed the defaults")
	}
	if _, err := NewWeights(map[string]float64{"MET": 1}); err == nil {
		t.Fatal("unknown type accepted")
	}
}

// TestDefaultWeightsPolarity pins the defaults' signs to PLOVER's polarity:
// REQUEST and deployments are neutral (0).
func TestDefaultWeightsPolarity(t *testing.T) {
	for typ, want := range map[string]int{
		"MET_WITH": 1, "AGREED_WITH": 1, "SUPPORTED": 1, "AIDED": 1,
		"REQUESTED": 0, "DEPLOYED_TO": 0,
		"ACCUSED": -1, "REJECTED": -1, "WARNED": -1, "SANCTIONED": -1, "ATTACKED": -1,
	} {
		w, ok := DefaultWeights[typ]
		if !ok {
			t.Errorf("%s has no default weight", typ)
			continue
		}
		if got := sign(w); got != want {
			t.Errorf("%s = %v: sign %d, want %d", typ, w, got, want)
		}
	}
	if DefaultWeights["REQUESTED"] != 0 {
		t.Errorf("REQUESTED = %v, want 0 (PLOVER: REQUEST is neutral)", DefaultWeights["REQUESTED"])
	}
	if len(DefaultWeights) != 11 {
		t.Errorf("%d default weights, want 11", len(DefaultWeights))
	}
}

func TestNewWeightsRejectsBadValues(t *testing.T) {
	tests := []struct {
		name string
		over map[string]float64
		want string // "" = accepted
	}{
		{"bounds", map[string]float64{"MET_WITH": MaxWeight, "ATTACKED": -MaxWeight}, ""},
		{"NaN", map[string]float64{"MET_WITH": math.NaN()}, "MET_WITH: NaN"},
		{"infinite", map[string]float64{"AIDED": math.Inf(1)}, "AIDED: +Inf"},
		{"huge", map[string]float64{"ATTACKED": -1e308}, "ATTACKED: -1e+308"},
		{"just above", map[string]float64{"WARNED": MaxWeight + 0.5}, "WARNED: 100.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewWeights(tt.over)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
