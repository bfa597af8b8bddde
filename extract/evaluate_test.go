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
	if len(lx.exprs) == 0 {
		t.Error("no expressions")
	}
	for _, cons := range []string{consSubject, consReply, consOblique, consObject} {
		found := false
		for _, e := range lx.exprs {
			found = found || e.cons == cons
		}
		if !found {
			t.Errorf("no expression of construction %s", cons)
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

// TestStartingWith checks the first-token index against trying every
// expression, on the embedded file and on one whose expressions start with
// a class defined after them, word beginnings and words in both forms
// first.
func TestStartingWith(t *testing.T) {
	small, err := loadEvaluations([]byte(strings.Join([]string{
		"ACCUSED subject @late ~ rule",
		"ACCUSED subject threat* to",
		"ACCUSED subject threat/menace of",
		"ACCUSED subject threats against",
		string(evaluationsData),
		"@late threaten* threats",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	for name, lx := range map[string]*evalLexicon{"embedded": evalWords, "extended": small} {
		words := map[string]bool{"": true, "said": true, "threatening": true, "threa": true, "menace": true}
		for _, e := range lx.exprs {
			for _, s := range e.toks {
				if s == nil {
					continue
				}
				for w := range s.words {
					words[w] = true
				}
				for _, p := range s.prefixes {
					words[p] = true
					words[p+"s"] = true
				}
			}
		}
		var buf []*evalExpr
		for w := range words {
			var want []*evalExpr
			for _, e := range lx.exprs {
				if e.toks[0].has(w) {
					want = append(want, e)
				}
			}
			buf = lx.startingWith(buf, w)
			if len(buf) != len(want) {
				t.Errorf("%s: %q: %d expressions, want %d", name, w, len(buf), len(want))
				continue
			}
			for i := range want {
				if buf[i] != want[i] {
					t.Errorf("%s: %q: expression %d is line %d, want line %d", name, w, i, buf[i].pat.line, want[i].pat.line)
				}
			}
		}
	}
}

// TestEvaluations checks the constructions of evaluate.go on hand-written
// sentences: want lists relations that must be found, not relations that
// must not be (asserted, not negated).
func TestEvaluations(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantRel
		not  []wantRel
	}{
		// reported hostile acts
		{"reported act", "Kenya said Uganda had armed the rebels.",
			[]wantRel{{"ACCUSED", "KEN", "UGA", false, ""}}, nil},
		{"reported act claimed", "Egypt claimed Sudan was backing the rebel Union of Resistance Forces.",
			[]wantRel{{"ACCUSED", "EGY", "SDN", false, ""}}, nil},
		{"reported act passive", "The UN said the ceasefire had been violated by Israel.",
			[]wantRel{{"ACCUSED", "UN", "ISR", false, ""}}, nil},
		{"reported act by word order", `Egypt said Qatar supports "terrorist groups" in the region.`,
			[]wantRel{{"ACCUSED", "EGY", "QAT", false, ""}}, nil},
		{"reported act negated", "Kenya said Uganda had not armed the rebels.",
			nil, []wantRel{{"ACCUSED", "KEN", "UGA", false, ""}}},
		{"reported act modal", "Ukraine said Russia could attack.",
			nil, []wantRel{{"ACCUSED", "UKR", "RUS", false, ""}}},
		{"backing is not hostile", "Kenya said Uganda had backed the peace process.",
			nil, []wantRel{{"ACCUSED", "KEN", "UGA", false, ""}}},
		{"rebels own the object", "Kenya said Uganda supports the rebels' demands.",
			nil, []wantRel{{"ACCUSED", "KEN", "UGA", false, ""}}},

		// evaluations said of the subject
		{"responsible for harm", "Britain said Russia was responsible for the poisoning.",
			[]wantRel{{"ACCUSED", "GBR", "RUS", false, ""}}, nil},
		{"responsible for no harm", "Turkey said Greece was responsible for the talks.",
			nil, []wantRel{{"ACCUSED", "TUR", "GRC", false, ""}}},
		{"part of the problem", "The foreign minister of Qatar said Iran is part of the problem.",
			[]wantRel{{"ACCUSED", "QAT", "IRN", false, ""}}, nil},
		{"threat", "Germany said Russia is a threat to European security.",
			[]wantRel{{"ACCUSED", "DEU", "RUS", false, ""}}, nil},
		{"not a threat", "Germany said Russia is not a threat to European security.",
			nil, []wantRel{{"ACCUSED", "DEU", "RUS", false, ""}}},
		{"poses no threat", "Iran said Israel poses no threat.",
			nil, []wantRel{{"ACCUSED", "IRN", "ISR", false, ""}}},
		{"act owner", "The Russian foreign ministry said Ukraine's strikes on Belgorod were a violation of international law.",
			[]wantRel{{"ACCUSED", "RUS", "UKR", false, ""}}, nil},
		{"bad predicate of an act", "The European Union said Hungary's law was illegal.",
			[]wantRel{{"ACCUSED", "EU", "HUN", false, ""}}, nil},
		{"bad word in a place", "Egypt said Sudan's economy was in dangerous territory.",
			nil, []wantRel{{"ACCUSED", "EGY", "SDN", false, ""}}},
		{"quoted, speaker after", `"Russia is the aggressor," Poland said.`,
			[]wantRel{{"ACCUSED", "POL", "RUS", false, ""}}, nil},

		// descriptions
		{"described act by anaphora", `North Korea launched a rocket on Sunday. U.S. President Barack Obama called the launch "provocative."`,
			[]wantRel{{"ACCUSED", "USA", "PRK", false, ""}}, nil},
		{"referring to as", `The White House began referring to Russian troop deployments in eastern Ukraine as an "invasion."`,
			[]wantRel{{"ACCUSED", "USA", "RUS", false, ""}}, nil},

		// warnings
		{"pay a price", "Iran said the United States would pay a heavy price for the killing.",
			[]wantRel{{"WARNED", "IRN", "USA", false, ""}}, nil},
		{"regret", "Russia said the United States will regret the decision.",
			[]wantRel{{"WARNED", "RUS", "USA", false, ""}}, nil},
		{"act met with", "North Korea said any attack by South Korea would be met with a merciless response.",
			[]wantRel{{"WARNED", "PRK", "KOR", false, ""}}, nil},
		{"told that consequences", "Washington told Pyongyang that a new test would bring consequences.",
			[]wantRel{{"WARNED", "USA", "PRK", false, ""}}, nil},
		{"no consequence for a state", "France said Germany would face a difficult choice.",
			nil, []wantRel{{"WARNED", "FRA", "DEU", false, ""}}},
		{"own retaliation", "Beijing has hinted that it could retaliate with tariffs on German and Italian vehicles.",
			[]wantRel{{"WARNED", "CHN", "DEU", false, ""}, {"WARNED", "CHN", "ITA", false, ""}}, nil},
		{"vowed to retaliate", "China vowed to retaliate against the United States.",
			[]wantRel{{"WARNED", "CHN", "USA", false, ""}}, nil},
		{"firm response", "Seoul said it would resolutely respond to any provocation by North Korea.",
			[]wantRel{{"WARNED", "KOR", "PRK", false, ""}}, nil},
		{"forecast is no threat", "Analysts said Iran could retaliate against Israel.",
			nil, []wantRel{{"WARNED", "IRN", "ISR", false, ""}}},
		{"response to a proposal", "Hungary said the European Union would respond to the proposal by Poland.",
			nil, []wantRel{{"WARNED", "EU", "POL", false, ""}}},

		// protests
		{"displeasure", "Japan expressed strong displeasure over China's decision.",
			[]wantRel{{"ACCUSED", "JPN", "CHN", false, ""}}, nil},
		{"concern about a place", "The U.S. expressed concern about the violence in Sudan.",
			nil, []wantRel{{"ACCUSED", "USA", "SDN", false, ""}}},
		{"summons", "Japan summoned the Chinese ambassador to protest the incursion.",
			[]wantRel{{"ACCUSED", "JPN", "CHN", false, ""}}, nil},
		{"summons passive", "A senior Japanese diplomat was summoned to the South Korean Foreign Ministry on Thursday.",
			[]wantRel{{"ACCUSED", "KOR", "JPN", false, ""}}, nil},

		// denials
		{"denied claims", "Iran denied U.S. claims that it supplied drones to Russia.",
			[]wantRel{{"REJECTED", "IRN", "USA", false, ""}}, nil},
		{"denied earlier accusation", "Egypt accused Sudan of backing rebels. Sudan denies the allegations.",
			[]wantRel{{"REJECTED", "SDN", "EGY", false, ""}}, nil},
		{"denial of nobody's charge", "Sudan denies the allegations. Egypt signed a deal with Ethiopia.",
			nil, []wantRel{{"REJECTED", "SDN", "EGY", false, ""}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := extractText(t, c.text, "2024-03-01")
			for _, w := range c.want {
				if !hasRel(r, w) {
					t.Errorf("missing %s %s->%s in %s", w.typ, w.src, w.tgt, relList(r))
				}
			}
			for _, w := range c.not {
				if hasRel(r, w) {
					t.Errorf("unexpected %s %s->%s in %s", w.typ, w.src, w.tgt, relList(r))
				}
			}
		})
	}
}

// relList renders the relations of r for a failure message.
func relList(r Result) string {
	var b strings.Builder
	for _, rel := range r.Relations {
		neg := ""
		if rel.Negated {
			neg = " neg"
		}
		b.WriteString("[" + rel.Type + " " + rel.SourceActor + "->" + rel.TargetActor + neg + " | " + rel.Trigger + "] ")
	}
	return b.String()
}
