package extract

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/extract/petrarch"
	"github.com/diplograph/diplograph/relation"
)

func TestCAMEOTypes(t *testing.T) {
	tb, err := loadCAMEOTables()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		code petrarch.EventCode
		noun bool
		want string
	}{
		{petrarch.EventCode{Forward: "112"}, false, relation.Accused},
		{petrarch.EventCode{Forward: "1124"}, false, relation.Accused}, // longest prefix: 11
		{petrarch.EventCode{Forward: "016"}, false, relation.Rejected},
		{petrarch.EventCode{Forward: "010"}, false, ""},
		{petrarch.EventCode{Forward: "036"}, false, ""}, // intent to meet: the modality's business
		{petrarch.EventCode{Forward: "042", Reverse: "043"}, false, relation.MetWith},
		{petrarch.EventCode{Reverse: "040"}, false, relation.MetWith},                    // symmetric: either way
		{petrarch.EventCode{Reverse: "173"}, false, ""},                                  // the subject is arrested
		{petrarch.EventCode{Forward: "062"}, false, ""},                                  // one-sided: arming someone
		{petrarch.EventCode{Forward: "062", Reverse: "062"}, false, relation.AgreedWith}, // joint exercises
		{petrarch.EventCode{Forward: "160"}, false, ""},                                  // block default of BETRAY, SPY ...
		{petrarch.EventCode{Forward: "160"}, true, relation.Sanctioned},                  // "- * TIES [160] # CUT"
		{petrarch.EventCode{Forward: "1721"}, false, ""},                                 // domestic
		{petrarch.EventCode{Forward: "172"}, false, relation.Sanctioned},
		{petrarch.EventCode{Forward: "173"}, false, relation.Attacked},
		{petrarch.EventCode{Forward: "154"}, false, relation.DeployedTo},
		{petrarch.EventCode{Forward: "195"}, false, relation.Attacked},
		{petrarch.EventCode{Forward: petrarch.NullCode}, false, ""},
	}
	for _, c := range cases {
		if got := tb.codeType(c.code, c.noun); got != c.want {
			t.Errorf("codeType(%s, noun %v) = %q, want %q", c.code, c.noun, got, c.want)
		}
	}
	// Every type has frames of each form, and the stop list is read.
	for _, typ := range relation.Types {
		for _, form := range []string{formVerb, formObject} {
			if len(tb.frames[typ][form]) == 0 {
				t.Errorf("no %s frames for %s", form, typ)
			}
		}
	}
	if !tb.stopVerbs["say"] || !tb.stopVerbs["run_into"] || !tb.stopBlocks["CONSIDER"] {
		t.Error("stop list: say, run_into or block CONSIDER missing")
	}
}

func TestCAMEOTableErrors(t *testing.T) {
	cases := []struct {
		read func(*cameoTables, string, []byte) error
		src  string
		want string
	}{
		{(*cameoTables).readTypes, "# c\n11\tACCUSED\tany\n", "t:2: want code, type, scope and comment"},
		{(*cameoTables).readTypes, "1a\tACCUSED\tany\tx\n", "t:1: code \"1a\": want digits"},
		{(*cameoTables).readTypes, "11\tACUSED\tany\tx\n", "t:1: unknown relation type \"ACUSED\""},
		{(*cameoTables).readTypes, "11\tACCUSED\tsome\tx\n", "t:1: scope \"some\""},
		{(*cameoTables).readTypes, "11\t-\tany\tx\n11\t-\tany\tx\n", "t:2: code 11 given twice"},
		{(*cameoTables).readFrames, "ACCUSED\tverb\n", "t:1: want type, form and frames"},
		{(*cameoTables).readFrames, "ACCUSED\tadverb\tS V O\n", "t:1: form \"adverb\""},
		{(*cameoTables).readFrames, "ACCUSED\tverb\tS V\n", "t:1: frame \"S V\" needs a source and a target slot"},
		{(*cameoTables).readFrames, "ACCUSED\tverb\tS V O\n", "t:0: no verb frames for MET_WITH"},
		{(*cameoTables).readStop, "say\nblock\n", "t:2: want block NAME"},
	}
	for _, c := range cases {
		tb := &cameoTables{types: map[string]string{}, scope: map[string]string{}, frames: map[string]map[string][]string{},
			stopVerbs: map[string]bool{}, stopBlocks: map[string]bool{}}
		err := c.read(tb, "t", []byte(c.src))
		var pe *PatternError
		if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one with %q", c.src, err, c.want)
		}
	}
}

// convSample exercises the conversion rules; see TestCAMEOPatterns.
const convSample = `&MILITARY
+TROOPS
+ARMED_FORCES
+ARMY
--- LODGE [---] ---
LODGE
- * PROTEST                 [110]   # LODGE
--- DENOUNCE [111] ---
BERATE
SAY {SAID SAYING}
- * (AGAINST)               [111]   # BERATE
- * MISTRUST                [111]   # SAY
--- MEET_PEOPLE [040] ---
CONFRONT
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH}
--- ARM [062] ---
ARM
--- STAGE [---] ---
STAGE
- * EXERCISES               [062:062]   # STAGE
- * (OUT OF)                [190]   # STAGE
--- MOVE [---] ---
MOVE
- * &MILITARY (TO +)        [154]   # MOVE
--- DECIDE [---] ---
DECIDE
- * (AGAINST)               [120]   # DECIDE
- * (OF RIGHTS)             [---]   # DECIDE
--- ASK [---] ---
ASK
- * + (FOR AID)             [023]
- * + (FOR {MILITARY AID})   [0232]
`

func TestCAMEOPatterns(t *testing.T) {
	tb, err := loadCAMEOTables()
	if err != nil {
		t.Fatal(err)
	}
	d, err := petrarch.ParseVerbs(petrarch.Source{Name: "conv.txt", Data: []byte(convSample)})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]map[string]bool{"meet": {relation.MetWith: true}}
	recs, st := cameoPatterns(d, tb, have)
	want := []string{
		// an object noun: after it a preposition, or the noun as a
		// condition of a direct object ("lodged with Japan a protest")
		"ACCUSED  v  lodge ~ protest/protests  ::  S V against:O ; S V with:O ; S V at:O",
		"@cameo1 protest protests",
		"ACCUSED  v  lodge  ::  S V O need:@cameo1",
		// "- * (AGAINST) # BERATE": berate is ACCUSED already; SAY is in
		// the stop list, but a pattern with a noun still applies
		"ACCUSED  v  say/said ~ mistrust/mistrusts  ::  S V against:O ; S V with:O ; S V at:O",
		"@cameo2 mistrust mistrusts",
		"ACCUSED  v  say/said  ::  S V O need:@cameo2",
		// a mutual code; "(OUT OF)" is a preposition of two words (OF
		// heads a prepositional phrase elsewhere in the dictionary)
		"AGREED_WITH  v  stage ~ exercises  ::  S V with:O ; S+ V ; S V between:S+",
		// a synset's one-word members; the destination is a place
		"DEPLOYED_TO  v  move ~ troops/army/armies  ::  S V to:P keep",
		// a preposition the pattern names joins the trigger
		"REJECTED  v  decide ~ against  ::  S V O",
		// a target and a condition; {MILITARY AID} cannot be one
		"@cameo3 aid aids",
		"REQUESTED  v  ask  ::  S V O need:@cameo3",
		// verbs alone: CONFRONT is stopped, meet is hand-written, ARM
		// [062] one-sided
		"ACCUSED  v  berate  ::  S V O",
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.text)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if recs[0].file != "conv.txt" || recs[0].line != 7 || recs[0].src != "conv.txt:7 [110]" {
		t.Errorf("origin of %q: %s:%d %q", recs[0].text, recs[0].file, recs[0].line, recs[0].src)
	}
	if st.stopped != 2 || st.handWritten != 1 || st.unsupported != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestVerbTrigger(t *testing.T) {
	cases := []struct {
		line, want string
	}{
		{"ACCUSE", "accuse"},
		{"SPEAK {SPEAKING SPOKE SPOKEN SPEAKS}", "speak/spoke/spoken"},
		{"+LASH_OUT {+LASHED_OUT +LASHES_OUT +LASHING_OUT}", "lash out"},
		{"+CALL_OFF", "call off"},
		{"WIRE_+TAP", ""},
	}
	for _, c := range cases {
		d, err := petrarch.ParseVerbs(petrarch.Source{Name: "v", Data: []byte("--- X [---] ---\n" + c.line + "\n")})
		if err != nil {
			t.Fatal(err)
		}
		got, ok := verbTrigger(d.Blocks[0].Verbs[0])
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: %q %v, want %q", c.line, got, ok, c.want)
		}
	}
}

// TestCAMEOExtract runs the embedded dictionary on sentences whose verbs
// have no hand-written pattern.
func TestCAMEOExtract(t *testing.T) {
	x := testExtractor(t)
	cases := []struct {
		text string
		want []string
	}{
		{"China lodged a protest with Japan.", []string{"ACCUSED CHN JPN"}},
		{"China detained Canadian diplomats.", []string{"ATTACKED CHN CAN"}},
		{"Turkey mediated between Russia and Ukraine.", []string{"MET_WITH RUS TUR", "MET_WITH TUR UKR"}},
		{"India thanked Russia for its support.", []string{"SUPPORTED IND RUS"}},
		{"Israel launched an airstrike on Syria.", []string{"ATTACKED ISR SYR"}},
		{"Ukraine expressed gratitude to Germany.", []string{"SUPPORTED UKR DEU"}},
		// stopped: considering is no meeting, "call" names things
		{"Japan considered South Korea.", nil},
		{"Trump called Canada a tariffing nation.", nil},
	}
	for _, c := range cases {
		r := x.Extract(article.Article{ID: "t", Text: c.text})
		var got []string
		for _, rel := range r.Relations {
			got = append(got, rel.Type+" "+rel.SourceActor+" "+rel.TargetActor)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%q: %v, want %v (%v)", c.text, got, c.want, brief(r))
		}
	}
}

func TestVerbDictionaries(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	// A user dictionary extends the embedded one and may use its synsets.
	user := petrarch.Source{Name: "mine.txt", Data: []byte("--- HARANGUE [111] ---\nHARANGUE\n- * &MILITARY (INTO +) [154] # HARANGUE\n")}
	x, err := Load(lex, Options{VerbDictionaries: []petrarch.Source{user}})
	if err != nil {
		t.Fatal(err)
	}
	r := x.Extract(article.Article{ID: "t", Text: "Turkey harangued Greece."})
	if len(r.Relations) != 1 || r.Relations[0].Type != relation.Accused || !strings.Contains(r.Relations[0].Trigger, "[mine.txt:2 [111]]") {
		t.Errorf("user verb: %v", brief(r))
	}
	if got := x.Extract(article.Article{ID: "t", Text: "China lodged a protest with Japan."}); len(got.Relations) != 1 {
		t.Errorf("embedded verb: %v", brief(got))
	}
	// Errors name the user file and line.
	bad := petrarch.Source{Name: "bad.txt", Data: []byte("--- HARANGUE [111] ---\nHARANGUE [11x]\n")}
	_, err = Load(lex, Options{VerbDictionaries: []petrarch.Source{bad}})
	var ve *petrarch.VerbError
	if err == nil || !errors.As(err, &ve) || !strings.Contains(err.Error(), "petrarch: bad.txt:2: ") {
		t.Errorf("bad dictionary: error %v", err)
	}
	// A user pattern file removes a pattern made from CAMEO.
	rm := fstest.MapFS{"patterns.txt": {Data: []byte("!remove ACCUSED lodge ~ protest/protests\n!remove ACCUSED lodge\n")}}
	x, err = Load(lex, Options{PatternFS: []fs.FS{rm}})
	if err != nil {
		t.Fatal(err)
	}
	if got := x.Extract(article.Article{ID: "t", Text: "China lodged a protest with Japan."}); len(got.Relations) != 0 {
		t.Errorf("!remove: %v", brief(got))
	}
}

// BenchmarkLoad measures what a program pays to start extracting: the
// lexicon, patterns.txt and the patterns made from CAMEO.2.0.txt.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		lex, err := lexicon.Load()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Load(lex, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPatterns measures the patterns alone.
func BenchmarkLoadPatterns(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := loadPatterns(); err != nil {
			b.Fatal(err)
		}
	}
}
