package extract

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
)

// TestSyntacticArguments checks that relations take their arguments from
// the parse: each case is a construction the issue list names, with the
// relations (type source target, non-negated) that must come out and,
// where the nearest-actor rule used to go wrong, one that must not.
func TestSyntacticArguments(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
		not  []string
	}{
		{"list inside a from phrase",
			"Envoys from Japan, India and Brazil held talks with China on Monday.",
			[]string{"MET_WITH CHN JPN", "MET_WITH BRA CHN", "MET_WITH CHN IND"}, nil},
		{"non-restrictive relative clause: the antecedent is the subject",
			"Britain, which blames Moscow for the poisoning, has criticized Iran.",
			[]string{"ACCUSED GBR RUS", "ACCUSED GBR IRN"}, []string{"ACCUSED RUS IRN"}},
		{"relative clause does not lend its object as subject",
			"Mexico, which borders the United States, criticized China on Monday.",
			[]string{"ACCUSED MEX CHN"}, []string{"ACCUSED USA CHN"}},
		{"participial clause takes the main subject",
			"Uganda cut diplomatic ties with Rwanda, accusing Kigali of backing rebels.",
			[]string{"ACCUSED UGA RWA"}, nil},
		{"passive with a list after by",
			"Iran was condemned by France and Germany on Tuesday.",
			[]string{"ACCUSED FRA IRN", "ACCUSED DEU IRN"}, []string{"ACCUSED IRN FRA"}},
		{"modifier inside a noun phrase",
			"Twelve Chinese diplomats visited Vietnam last week.",
			[]string{"MET_WITH CHN VNM"}, nil},
		{"coordinated adjectives with an agent noun",
			"Indian and Pakistani officials met in Geneva on Monday.",
			[]string{"MET_WITH IND PAK"}, nil},
		{"of phrase of an agent noun",
			"The foreign ministers of Germany, France and Britain met Iranian officials in Tehran.",
			[]string{"MET_WITH DEU IRN", "MET_WITH FRA IRN", "MET_WITH GBR IRN"}, nil},
		{"reciprocal each other",
			"Armenia and Azerbaijan accused each other of violating the truce.",
			[]string{"ACCUSED ARM AZE", "ACCUSED AZE ARM"}, nil},
		{"event anaphora",
			"North Korea launched a rocket on Sunday. South Korea condemned the launch.",
			[]string{"ACCUSED KOR PRK"}, nil},
		{"pronoun subject of a complement clause",
			"Mogadishu announced it was cutting ties with Kenya.",
			[]string{"SANCTIONED SOM KEN"}, nil},
		{"a possessive after the object's phrase is the object's",
			"The European Union imposed fresh sanctions on Iran over its supply of drones to Russia.",
			[]string{"SANCTIONED EU IRN", "AIDED IRN RUS"}, []string{"AIDED EU RUS"}},
		{"object relative clause without a pronoun",
			"The weapons that Iran sent to Russia were used in Ukraine.",
			[]string{"AIDED IRN RUS"}, nil},
		{"a plural noun is no verb trigger",
			"Russia cut off gas supplies to Ukraine.",
			nil, []string{"AIDED RUS UKR"}},
		{"troops withdrawing are no sanction",
			"U.S. troops will withdraw from Iraq.",
			nil, []string{"SANCTIONED USA IRQ", "WARNED USA IRQ"}},
		{"an event noun after a measure of time",
			"U.S. Secretary of State Marco Rubio led more than eight hours of peace talks with Ukrainian officials in Jeddah.",
			[]string{"MET_WITH UKR USA"}, nil},
		{"a participial aside opened by having",
			"Chinese President Xi Jinping, having met Putin in Moscow, accused Washington of hegemony.",
			[]string{"ACCUSED CHN USA"}, []string{"ACCUSED RUS USA"}},
		{"an event noun as the subject of a passive support verb",
			"New sanctions were imposed by Canada on Russia.",
			[]string{"SANCTIONED CAN RUS"}, nil},
		{"possessor of an event noun",
			"The G7 condemned Russia's invasion of Ukraine.",
			[]string{"ACCUSED G7 RUS", "ATTACKED RUS UKR"}, nil},
		{"ditransitive aid",
			"The United States sent Ukraine an additional $2 billion in military aid.",
			[]string{"AIDED USA UKR"}, nil},
		{"apposition names the state",
			"Egypt ended diplomatic relations with its neighbor, Libya.",
			nil, []string{"SANCTIONED EGY EGY"}},
	}
	x := testExtractor(t)
	pub := time.Date(2020, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := relationsOf(x, tt.text, pub)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %s", w, strings.Join(got, ", "))
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("unexpected %q; got %s", n, strings.Join(got, ", "))
				}
			}
		})
	}
}

// TestDiscourseArguments checks the constructions that reach outside the
// clause: the host of a meeting, an adjunct's event noun, requests and
// warnings addressed to the clause's subject, ambiguous state names.
func TestDiscourseArguments(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"host of talks in a capital",
			"U.S. Secretary of State Antony Blinken met with officials in Beijing on Monday.",
			[]string{"MET_WITH CHN USA"}},
		{"warnings addressed to the clause subject",
			"North Korea launched a rocket on Sunday despite warnings from Japan and South Korea.",
			[]string{"WARNED JPN PRK", "WARNED KOR PRK"}},
		{"calls ignored by the subject",
			"Armenian and Azerbaijani forces ignored calls by France and Russia for a ceasefire.",
			[]string{"REQUESTED FRA ARM", "REQUESTED RUS AZE"}},
		{"event noun in an adjunct",
			"During talks with Kenya on Monday, Ethiopia signed a trade deal.",
			[]string{"MET_WITH ETH KEN"}},
		{"ambiguous state name confirmed by the article",
			"Chad accused Sudan of backing the rebels. Chadian troops were sent to the border.",
			[]string{"ACCUSED TCD SDN"}},
	}
	x := testExtractor(t)
	pub := time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := relationsOf(x, tt.text, pub)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; got %s", w, strings.Join(got, ", "))
				}
			}
		})
	}
}

// TestNamedTriggers checks trigger words the issue list names as missing
// before the CAMEO dictionary and the hand-written mutual acts.
func TestNamedTriggers(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Japan expressed gratitude to India for the aid.", "SUPPORTED JPN IND"},
		{"Egypt chaired talks between Israel and Jordan.", "MET_WITH EGY ISR"},
		{"Iran fired back at Israel on Sunday.", "ATTACKED IRN ISR"},
		{"Russian forces detained two Ukrainian soldiers.", "ATTACKED RUS UKR"},
		{"Qatar mediated between Israel and Egypt.", "MET_WITH ISR QAT"},
		{"China attended the summit in Brazil.", "MET_WITH BRA CHN"},
		{"Japan lodged a protest with South Korea over the remarks.", "ACCUSED JPN KOR"},
		{"Indian and Pakistani troops exchanged fire across the border.", "ATTACKED PAK IND"},
		{"India and Pakistan exchanged letters on Monday.", "MET_WITH IND PAK"},
		{"Israeli jets carried out an airstrike on Syria.", "ATTACKED ISR SYR"},
		{"France recalled its ambassador to Australia.", "SANCTIONED FRA AUS"},
	}
	x := testExtractor(t)
	pub := time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		got := relationsOf(x, tt.text, pub)
		if !slices.Contains(got, tt.want) {
			t.Errorf("%q: missing %q; got %s", tt.text, tt.want, strings.Join(got, ", "))
		}
	}
}

// relationsOf extracts text as an article published at pub and returns
// its non-negated relations as "TYPE SOURCE TARGET".
func relationsOf(x *Extractor, text string, pub time.Time) []string {
	r := x.Extract(article.Article{ID: "t", Text: text, Published: pub, PublishedPrecision: article.PrecisionDay})
	var got []string
	for _, rel := range r.Relations {
		if !rel.Negated {
			got = append(got, rel.Type+" "+rel.SourceActor+" "+rel.TargetActor)
		}
	}
	return got
}
