package extract

import (
	"strings"
	"testing"
)

// TestEvaluationsData checks that the embedded evaluations.txt loads and
// defines every class the code uses.
func TestEvaluationsData(t *testing.T) {
	lx, err := loadEvaluations(evaluationsData)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range evalClasses {
		if lx.classes[name].empty() {
			t.Errorf("class @%s is empty", name)
		}
	}
}

// TestLoadEvaluationsErrors checks that format errors name the line.
func TestLoadEvaluationsErrors(t *testing.T) {
	// every class the code needs, so that only the line under test fails
	var base strings.Builder
	for _, name := range evalClasses {
		base.WriteString("@" + name + " x\n")
	}
	cases := []struct {
		name, line, want string
	}{
		{"unknown type", "ACUSED subject part of the problem", `evaluations.txt:1: unknown relation type "acused"`},
		{"unknown construction", "ACCUSED sideways part of the problem", `unknown construction "sideways"`},
		{"too short", "ACCUSED subject", "needs a type, a construction and words"},
		{"gap first", "WARNED subject ~ regret", "a gap must follow a word"},
		{"two gaps", "WARNED subject will ~ ~ regret", "a gap must follow a word"},
		{"gap last", "WARNED subject will regret ~", "must end with a word"},
		{"argument on subject", "ACCUSED subject part of > problem", `">" is for the constructions oblique and object`},
		{"argument too long", "ACCUSED object summon > envoy ambassador", `">" takes one token`},
		{"empty alternative", "ACCUSED subject part/ of", "empty alternative"},
		{"undefined class", "ACCUSED object summon > @nobody", "class @nobody has no words"},
		{"class without words", "@bad", "a class needs a name and words"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadEvaluations([]byte(c.line + "\n" + base.String()))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	if _, err := loadEvaluations([]byte("@speech said\n")); err == nil || !strings.Contains(err.Error(), "is missing") {
		t.Errorf("missing classes: err = %v", err)
	}
}

// TestWordSet checks words and word beginnings.
func TestWordSet(t *testing.T) {
	s := &wordSet{}
	for _, w := range []string{"violat*", "said"} {
		s.add(w)
	}
	cases := []struct {
		w    string
		want bool
	}{{"violated", true}, {"violation", true}, {"said", true}, {"says", false}, {"viol", false}}
	for _, c := range cases {
		if got := s.has(c.w); got != c.want {
			t.Errorf("has(%q) = %v, want %v", c.w, got, c.want)
		}
	}
	var none *wordSet
	if none.has("said") || !none.empty() {
		t.Error("a nil set must be empty")
	}
}
