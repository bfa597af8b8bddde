package relation

import "testing"

func TestTypes(t *testing.T) {
	if len(Types) != 11 {
		t.Fatalf("%d types, want 11", len(Types))
	}
	seen := map[string]bool{}
	for _, typ := range Types {
		if seen[typ] {
			t.Errorf("%s listed twice", typ)
		}
		seen[typ] = true
		if !Valid(typ) {
			t.Errorf("Valid(%s) = false", typ)
		}
	}
	for _, bad := range []string{"", "met_with", "THREATENED"} {
		if Valid(bad) {
			t.Errorf("Valid(%q) = true", bad)
		}
	}
}

func TestSymmetricAndPolarity(t *testing.T) {
	tests := []struct {
		typ       string
		symmetric bool
		polarity  Polarity
	}{
		{MetWith, true, Cooperation},
		{AgreedWith, true, Cooperation},
		{Supported, false, Cooperation},
		{Aided, false, Cooperation},
		{Requested, false, Neutral},
		{Accused, false, Conflict},
		{Rejected, false, Conflict},
		{Warned, false, Conflict},
		{Sanctioned, false, Conflict},
		{DeployedTo, false, Neutral},
		{Attacked, false, Conflict},
		{"UNKNOWN", false, Neutral},
	}
	for _, tt := range tests {
		if got := Symmetric(tt.typ); got != tt.symmetric {
			t.Errorf("Symmetric(%s) = %v", tt.typ, got)
		}
		if got := PolarityOf(tt.typ); got != tt.polarity {
			t.Errorf("PolarityOf(%s) = %v, want %v", tt.typ, got, tt.polarity)
		}
	}
}
