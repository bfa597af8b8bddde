package alliance

import (
	"math"
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
