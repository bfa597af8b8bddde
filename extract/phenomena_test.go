package extract

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/segment"
)

type wantRel struct {
	typ, src, tgt string
	neg           bool
	mod           string // "" = do not check
}

func extractText(t *testing.T, text, published string) Result {
	t.Helper()
	a := article.Article{ID: "t", Text: text}
	if published != "" {
		p, err := time.Parse("2006-01-02", published)
		if err != nil {
			t.Fatal(err)
		}
		a.Published, a.PublishedPrecision = p, article.PrecisionDay
	}
	return testExtractor(t).Extract(a)
}

func hasRel(r Result, w wantRel) bool {
	for _, rel := range r.Relations {
		s, tg := rel.SourceActor, rel.TargetActor
		if rel.Type != w.typ || rel.Negated != w.neg {
			continue
		}
		if w.mod != "" && rel.Modality != w.mod {
			continue
		}
		if s == w.src && tg == w.tgt || (rel.Type == "MET_WITH" || rel.Type == "AGREED_WITH") && s == w.tgt && tg == w.src {
			return true
		}
	}
	return false
}

// TestPhenomena checks hand-written sentences, one phenomenon each.
func TestPhenomena(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantRel
		none bool // expect no relation at all
	}{
		{"active verb", "Turkey accused Greece of violating its airspace.", []wantRel{{"ACCUSED", "TUR", "GRC", false, "asserted"}}, false},
		{"metonym capital", "Moscow warned Kyiv against joining the alliance.", []wantRel{{"WARNED", "RUS", "UKR", false, ""}}, false},
		{"government body", "The Iraqi army was attacked by Islamic State fighters near the border.", []wantRel{{"ATTACKED", "ISIL", "IRQ", false, ""}}, false},
		{"passive with agent", "Syria was condemned by France for the chemical strike.", []wantRel{{"ACCUSED", "FRA", "SYR", false, ""}}, false},
		{"passive deployment", "Hundreds of British troops were deployed to Estonia last month.", []wantRel{{"DEPLOYED_TO", "GBR", "EST", false, ""}}, false},
		{"deployment to a city", "Iran has sent military advisers to Damascus.", []wantRel{{"DEPLOYED_TO", "IRN", "SYR", false, ""}}, false},
		{"coordinated subject", "France and Germany are to hold talks with Russia next week.", []wantRel{{"MET_WITH", "FRA", "RUS", false, "planned"}, {"MET_WITH", "DEU", "RUS", false, "planned"}}, false},
		{"coordinated object", "Washington urged Israel and Egypt to reopen the crossing.", []wantRel{{"REQUESTED", "USA", "ISR", false, ""}, {"REQUESTED", "USA", "EGY", false, ""}}, false},
		{"talks between", "Talks between Armenia and Azerbaijan resumed in Moscow.", []wantRel{{"MET_WITH", "ARM", "AZE", false, ""}}, false},
		{"multi-party talks", "Talks between India, Japan and Australia ended on Friday.", []wantRel{{"MET_WITH", "IND", "JPN", false, ""}, {"MET_WITH", "IND", "AUS", false, ""}, {"MET_WITH", "JPN", "AUS", false, ""}}, false},
		{"possessive nominal", "Russia's invasion of Georgia shocked the region.", nil, true}, // Georgia is ambiguous
		{"possessive nominal 2", "Russia's invasion of Ukraine shocked Europe.", []wantRel{{"ATTACKED", "RUS", "UKR", false, ""}}, false},
		{"nominal visit", "The visit by the Indian prime minister to Nepal was a success.", []wantRel{{"MET_WITH", "IND", "NPL", false, ""}}, false},
		{"noun sanctions", "New U.S. sanctions on Venezuela took effect.", []wantRel{{"SANCTIONED", "USA", "VEN", false, ""}}, false},
		{"negation did not", "China did not criticize Pakistan.", []wantRel{{"ACCUSED", "CHN", "PAK", true, ""}}, false},
		{"negation ruled out", "Britain ruled out talks with Iran.", []wantRel{{"MET_WITH", "GBR", "IRN", true, ""}}, false},
		{"negation refused", "Japan refused to meet North Korea.", []wantRel{{"MET_WITH", "JPN", "PRK", true, ""}}, false},
		{"planned will", "Egypt will meet Sudan on Tuesday.", []wantRel{{"MET_WITH", "EGY", "SDN", false, "planned"}}, false},
		{"planned expected", "Kenya is expected to sign an agreement with Ethiopia.", []wantRel{{"AGREED_WITH", "KEN", "ETH", false, "planned"}}, false},
		{"hypothetical if", "If Serbia attacked Kosovo, the alliance would respond.", nil, true},
		{"threat of sanctions", "Washington said it will impose tariffs on Mexico.", []wantRel{{"WARNED", "USA", "MEX", false, "asserted"}}, false},
		{"reported speech", "Poland said it had sent tanks to Ukraine.", []wantRel{{"AIDED", "POL", "UKR", false, ""}}, false},
		{"official with title", "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Bali.", []wantRel{{"MET_WITH", "USA", "CHN", false, ""}}, false},
		{"domestic is no relation", "The Iraqi government praised the Iraqi army.", nil, true},
		{"no relation without two actors", "Iran criticized the decision.", nil, true},
		{"state envoy to an organization", "Pakistan's U.N. ambassador criticized India.", []wantRel{{"ACCUSED", "PAK", "IND", false, ""}}, false},
		{"claim in a that-clause", "The United States raised assertions that militias receive weapons from Iran.", []wantRel{{"ACCUSED", "USA", "IRN", false, ""}}, false},
		{"claim naming two states is ambiguous", "Britain raised allegations that officials in Iran and Syria lied.", nil, true},
		{"claim without that-clause", "France raised concerns about the weather in Mali.", nil, true},
		{"quote pronoun we", "\"We urge Nepal to reopen the border,\" the Indian foreign ministry said.", []wantRel{{"REQUESTED", "IND", "NPL", false, ""}}, false},
		{"reported obligation", "Vietnam said China must withdraw its ships from the area.", []wantRel{{"REQUESTED", "VNM", "CHN", false, ""}}, false},
		{"quoted obligation", "\"Serbia needs to respect the deal,\" the German chancellor said.", []wantRel{{"REQUESTED", "DEU", "SRB", false, ""}}, false},
		{"informal group", "Quad leaders met at a summit in Tokyo.", []wantRel{{"MET_WITH", "USA", "IND", false, ""}, {"MET_WITH", "JPN", "AUS", false, ""}}, false},
		{"the two leaders", "Egypt held talks with Sudan on Monday. The two leaders later signed a water agreement.", []wantRel{{"AGREED_WITH", "EGY", "SDN", false, ""}}, false},
		{"coordinated verb phrase", "Spain and Portugal voiced concern about the plan and agreed to coordinate their response.", []wantRel{{"AGREED_WITH", "ESP", "PRT", false, ""}}, false},
		{"proposal of the previous subject", "Germany proposed new measures against smuggling. Austria and Belgium backed the proposal.", []wantRel{{"SUPPORTED", "AUT", "DEU", false, ""}, {"SUPPORTED", "BEL", "DEU", false, ""}}, false},
		{"hyphenated pair", "Russia-Ukraine talks resumed in Istanbul.", []wantRel{{"MET_WITH", "RUS", "UKR", false, ""}}, false},
		{"possessive pronoun owner", "The G7 countries affirmed their support for Moldova.", []wantRel{{"SUPPORTED", "G7", "MDA", false, ""}}, false},
		{"they as previous subject", "The G7 ministers met in Quebec. They called on Beijing to show restraint.", []wantRel{{"REQUESTED", "G7", "CHN", false, ""}}, false},
		{"the prime ministers", "Chile gave an award to the Peruvian president, and the presidents signed three pacts.", []wantRel{{"AGREED_WITH", "CHL", "PER", false, ""}}, false},
		{"coordinated official with a modifier", "Both the Chilean president and outgoing Peruvian President Pedro Castillo told the Brazilian president in a phone call that they agreed.", []wantRel{{"MET_WITH", "PER", "BRA", false, ""}, {"MET_WITH", "CHL", "BRA", false, ""}}, false},
		{"retaliate with tariffs", "Beijing could retaliate with tariffs on Australian wine.", []wantRel{{"WARNED", "CHN", "AUS", false, ""}}, false},
		{"seek from", "Egypt is seeking military assistance from Russia.", []wantRel{{"REQUESTED", "EGY", "RUS", false, ""}}, false},
		{"warn that", "Washington warned that Iran would face consequences.", []wantRel{{"WARNED", "USA", "IRN", false, ""}}, false},
		{"reported misdeed", "Lithuania said Belarus is deliberately violating the border treaty.", []wantRel{{"ACCUSED", "LTU", "BLR", false, ""}}, false},
		{"reported bad predicate", "Poland and its allies warned that the buildup by Belarus and Russia is dangerous.", []wantRel{{"ACCUSED", "POL", "RUS", false, ""}}, false},
		{"called ... bad", "The Greek premier called Turkish drilling \"illegal\" on Monday.", []wantRel{{"ACCUSED", "GRC", "TUR", false, ""}}, false},
		{"called to discuss is no accusation", "Iran said it had called Britain to discuss dangerous tensions.", nil, true},
		{"blame noun with a speaker", "Estonia said it would stand firm in the face of intimidation by Moscow.", []wantRel{{"ACCUSED", "EST", "RUS", false, ""}}, false},
		{"agree with a proposal", "Chile and Peru agree with the Brazilian proposal on river transit.", []wantRel{{"SUPPORTED", "CHL", "BRA", false, ""}}, false},
		{"accept a proposal", "Armenia accepted an Iranian proposal for a truce.", []wantRel{{"AGREED_WITH", "ARM", "IRN", false, ""}}, false},
		{"punitive measures", "Beijing's punitive measures against Lithuania hurt exporters.", []wantRel{{"SANCTIONED", "CHN", "LTU", false, ""}}, false},
		{"condemn the conduct of", "Sweden condemned the repression of the Iranian authorities.", []wantRel{{"ACCUSED", "SWE", "IRN", false, ""}}, false},
		{"its offer of another state", "Japan warned Seoul on Monday, as Pyongyang rebuffed its offer of talks.", []wantRel{{"REJECTED", "PRK", "JPN", false, ""}}, false},
		{"passive relative clause", "Ghana welcomed the Nigerian plan of a summit that is backed by Togo.", []wantRel{{"SUPPORTED", "TGO", "NGA", false, ""}}, false},
		{"portfolio before title", "Indonesian Trade Minister Budi Santoso met Vietnam's prime minister.", []wantRel{{"MET_WITH", "IDN", "VNM", false, ""}}, false},
		{"name after an untitled official", "Norway's U.N. ambassador spoke on Monday. Ola Nordmann criticized Russia for the strikes.", []wantRel{{"ACCUSED", "NOR", "RUS", false, ""}}, false},
		{"envoy apposition speaker", "Egypt's permanent representative to the United Nations, Ahmed Fathy, said Ethiopia was ignoring the agreement.", []wantRel{{"ACCUSED", "EGY", "ETH", false, ""}}, false},
		{"named organization", "Amnesty International urged Bahrain to free the activists.", []wantRel{{"REQUESTED", "ORG:Amnesty International", "BHR", false, ""}}, false},
		{"detected organization", "The Patriotic Liberation Front attacked Malian troops.", []wantRel{{"ATTACKED", "ORG:Patriotic Liberation Front", "MLI", false, ""}}, false},
		{"domestic court is no organization", "The Supreme Court criticized Israel.", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := extractText(t, c.text, "2022-11-16")
			if c.none {
				for _, rel := range r.Relations {
					if !rel.Negated {
						t.Errorf("unexpected %s %s->%s in %q (%s)", rel.Type, rel.SourceActor, rel.TargetActor, c.text, rel.Trigger)
					}
				}
				return
			}
			for _, w := range c.want {
				if !hasRel(r, w) {
					t.Errorf("missing %+v in %q; got %+v", w, c.text, brief(r))
				}
			}
		})
	}
}

func brief(r Result) []string {
	var out []string
	for _, rel := range r.Relations {
		s := rel.Type + " " + rel.SourceActor + "->" + rel.TargetActor + " " + rel.Modality
		if rel.Negated {
			s += " NEG"
		}
		out = append(out, s)
	}
	return out
}

// TestOfficials checks titles, appositions, ambassadors, coreference by
// surname and title, pronouns and the office-holder lexicon.
func TestOfficials(t *testing.T) {
	text := "William Hague, the foreign secretary, spoke by phone to his Iranian counterpart Mohammad Javad Zarif at the weekend. " +
		"The US ambassador to Iraq, Zalmay Khalilzad, criticised Syria. " +
		"Mr Hague later condemned Russia. " +
		"The foreign secretary also praised Canada. " +
		"He urged Israel to show restraint. " +
		"Obama called on Egypt to hold elections."
	r := extractText(t, text, "2014-06-16")
	persons := map[string]Entity{}
	for _, e := range r.Entities {
		if e.Kind == KindPerson {
			persons[e.Name] = e
		}
	}
	for name, code := range map[string]string{"William Hague": "GBR", "Mohammad Javad Zarif": "IRN", "Zalmay Khalilzad": "USA"} {
		e, ok := persons[name]
		if !ok {
			t.Errorf("official %s not found; have %v", name, persons)
			continue
		}
		if e.Country != code {
			t.Errorf("%s: country %s, want %s", name, e.Country, code)
		}
	}
	for _, w := range []wantRel{
		{"MET_WITH", "GBR", "IRN", false, ""},  // title apposition + counterpart
		{"ACCUSED", "USA", "SYR", false, ""},   // ambassador acts for the sending state
		{"ACCUSED", "GBR", "RUS", false, ""},   // surname coreference
		{"SUPPORTED", "GBR", "CAN", false, ""}, // title coreference
		{"REQUESTED", "GBR", "ISR", false, ""}, // pronoun
		{"REQUESTED", "USA", "EGY", false, ""}, // office-holder lexicon
	} {
		if !hasRel(r, w) {
			t.Errorf("missing %+v; got %v", w, brief(r))
		}
	}
	var meeting *Entity
	for i := range r.Entities {
		if r.Entities[i].Kind == KindMeeting {
			meeting = &r.Entities[i]
		}
	}
	if meeting == nil || meeting.Date != "2014-06-14" {
		t.Errorf("phone call meeting with the weekend date expected, got %+v", meeting)
	}
}

func TestPronounAmbiguous(t *testing.T) {
	r := extractText(t, "President Barack Obama met Prime Minister David Cameron. He condemned Iran.", "2014-06-16")
	for _, rel := range r.Relations {
		if rel.Type == "ACCUSED" {
			t.Errorf("ambiguous pronoun resolved: %+v", rel)
		}
	}
}

func TestDates(t *testing.T) {
	pub, _ := time.Parse("2006-01-02", "2014-06-16") // a Monday
	cases := []struct{ text, date, prec string }{
		{"They met on Monday.", "2014-06-16", "day"},
		{"They met on Saturday.", "2014-06-14", "day"},
		{"They met yesterday.", "2014-06-15", "day"},
		{"They met today.", "2014-06-16", "day"},
		{"They met at the weekend.", "2014-06-14", "week"},
		{"They met last week.", "2014-06-09", "week"},
		{"They met in September.", "2013-09", "month"},
		{"They met in March.", "2014-03", "month"},
		{"They met on March 3.", "2014-03-03", "day"},
		{"They met on Sept. 3, 2011.", "2011-09-03", "day"},
		{"They met in 2011.", "2011", "year"},
		{"They met.", "2014-06-16", "day"},
	}
	for _, c := range cases {
		d := &doc{}
		d.toks = tokensOf(c.text)
		got, prec, _ := resolveDate(d.toks, pub, 1, 2) // trigger "met"
		if got != c.date || prec != c.prec {
			t.Errorf("%q: got %s %s, want %s %s", c.text, got, prec, c.date, c.prec)
		}
	}
	if got, prec, _ := resolveDate(tokensOf("They met on Monday."), time.Time{}, 1, 2); got != "" || prec != "unknown" {
		t.Errorf("no published date: got %q %q", got, prec)
	}
}

func TestPatternErrors(t *testing.T) {
	cases := map[string]string{
		"FOO  v  meet :: S V O\n":             "patterns.txt:1: unknown relation type",
		"MET_WITH  x  meet :: S V O\n":        "patterns.txt:1: unknown kind",
		"\nMET_WITH  v  meet :: S V\n":        "patterns.txt:2: frame",
		"MET_WITH  v  meet :: S V need:@zz\n": "patterns.txt:1: ",
		"MET_WITH  v  meet S V O\n":           "patterns.txt:1: want",
	}
	for src, want := range cases {
		_, err := loadPatterns(fstest.MapFS{"patterns.txt": {Data: []byte(src)}})
		if err == nil || !contains1(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
	// a file in a user directory (extract.lexicon_dirs) is named with its
	// directory
	dir := filepath.Join(t.TempDir(), "my-lexicon")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "patterns.txt"), []byte("\nFOO  v  meet :: S V O\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadPatterns(lexicon.Dir(dir)); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "patterns.txt")+":2: ") {
		t.Errorf("user directory: error %v, want it to name %s:2", err, filepath.Join(dir, "patterns.txt"))
	}
	// a user file extends the defaults
	ps, err := loadPatterns(fstest.MapFS{"patterns.txt": {Data: []byte("ACCUSED  v  berate :: S V O\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps.byFirst["berated"]) == 0 || len(ps.byFirst["accused"]) == 0 {
		t.Error("user pattern or default pattern missing")
	}
	// New falls back to the defaults and reports the error
	x := New(nil, Options{PatternFS: []fs.FS{fstest.MapFS{"patterns.txt": {Data: []byte("BAD\n")}}}})
	if x.Err() == nil {
		t.Error("New: want an error for a bad user file")
	}
	if r := x.Extract(article.Article{ID: "x", Text: "Turkey accused Greece."}); len(r.Relations) != 1 {
		t.Errorf("fallback extractor: %v", brief(r))
	}
}

func contains1(s, sub string) bool { return strings.Contains(s, sub) }

// tokensOf tokenizes text as one sentence.
func tokensOf(text string) []tok {
	var out []tok
	for _, t := range segment.Tokens(text, segment.Span{Start: 0, End: len(text)}) {
		raw := text[t.Start:t.End]
		out = append(out, tok{s: t.Start, e: t.End, raw: raw, w: strings.ToLower(raw), up: raw[0] >= 'A' && raw[0] <= 'Z'})
	}
	return out
}

func TestMeetingAtHostEvent(t *testing.T) {
	x := testExtractor(t)
	pub := time.Date(2007, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ text, want string }{
		{"US and Iranian envoys exchanged direct talks today at a conference on Iraq stability efforts.", "conference"},
		{"Iran and Iraq held talks on the sidelines of the summit.", "summit"},
		{"Iran and Iraq held talks during the annual meeting of the league.", "meeting"},
		{"Iran and Iraq held talks at their border.", "talks"},
		{"Iran and Iraq held talks, and at the summit France spoke.", "talks"},
	} {
		r := x.Extract(article.Article{ID: "t", Text: tt.text, Published: pub, PublishedPrecision: article.PrecisionDay})
		var names []string
		for _, e := range r.Entities {
			if e.Kind == KindMeeting {
				names = append(names, e.Name)
			}
		}
		if len(names) == 0 || names[0] != tt.want {
			t.Errorf("%q: meetings %v, want first %q", tt.text, names, tt.want)
		}
	}
}

func TestMeetingPlaceFromHeadline(t *testing.T) {
	x := testExtractor(t)
	pub := time.Date(2007, 3, 10, 0, 0, 0, 0, time.UTC)
	const talks = "US and Iranian envoys exchanged direct talks today at a conference on Iraq stability efforts."
	for _, tt := range []struct{ title, text, want string }{
		{"US and Iranian envoys exchange direct talks at Baghdad conference on Iraq", talks, "Baghdad"},
		{"Envoys meet at conference in Baghdad", talks, "Baghdad"},
		{"Iran and Iraq hold talks in Vienna", "Iran and Iraq held talks on Monday.", "Vienna"},
		{"Talks in Iran", "Iraq and Syria held talks on Monday.", ""},                            // a state is no place
		{"Baghdad conference on Iraq", "Iran and Iraq held talks on Monday.", ""},                // not this meeting's word
		{"Talks in Vienna and Geneva", "Iran and Iraq held talks on Monday.", ""},                // two places: unknown which
		{"Talks at Baghdad conference", "Iran and Iraq held talks in Cairo on Monday.", "Cairo"}, // the body wins
		{"Moscow-led talks open", "Iran and Iraq held talks on Monday.", ""},                     // a modifier, not a venue
		{"", "Iran and Iraq held talks on Monday.", ""},
		{"«…» — !", "Iran and Iraq held talks on Monday.", ""},
	} {
		r := x.Extract(article.Article{ID: "t", Title: tt.title, Text: tt.text, Published: pub, PublishedPrecision: article.PrecisionDay})
		var places []string
		for _, e := range r.Entities {
			if e.Kind == KindMeeting {
				places = append(places, e.Place)
			}
		}
		if len(places) != 1 || places[0] != tt.want {
			t.Errorf("%q / %q: meeting places %q, want %q", tt.title, tt.text, places, tt.want)
		}
	}
}
