package petrarch

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// sample is a small verb dictionary with every construct of the format.
const sample = `# a comment
&MILITARY
+TROOPS
+ARMED_FORCES
+ARMY

&AUXVERB_
+WAS
+BEEN
&CRIME_
+CRIME

####### VERB PATTERNS #######

---  ACCUSE   [112]  ---
ACCUSE
CHARGE [173]   # own code
+LASH_OUT {+LASHED_OUT +LASHES_OUT +LASHING_OUT}  # multiword
SPEAK {SPEAKING SPOKE SPOKEN SPEAKS}
WIRE_+TAP
- * (OF &CRIME_)                                     [112]   # ACCUSE
- &MILITARY * (TO +) {PEACE TALKS} (IN $)            [154]   # SEND
- * SANCTIONS (AGAINST)                              [163]
- $ * ^ (FROM %)                                     [:173]

--- VISIT [042:043]---
VISIT ;tony 3/9/91
SCRAP {SCRAPPING SCRAPS SCRAPPED};shan 8/30/93

~ a (a b ATTACK) SAY = a b 015
`

func TestParseVerbs(t *testing.T) {
	d, err := ParseVerbs(Source{Name: "sample.txt", Data: []byte(sample)})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Synsets["&MILITARY"]; got == nil || got.NoPlural || len(got.Phrases) != 3 ||
		!reflect.DeepEqual(got.Phrases[1].Words, []string{"ARMED", "FORCES"}) || got.Line != 2 {
		t.Errorf("&MILITARY = %+v", got)
	}
	if got := d.Synsets["&AUXVERB_"]; got == nil || !got.NoPlural || !got.Phrases[0].NoPlural {
		t.Errorf("&AUXVERB_ = %+v", got)
	}
	if len(d.Blocks) != 2 {
		t.Fatalf("%d blocks, want 2", len(d.Blocks))
	}
	acc, visit := d.Blocks[0], d.Blocks[1]
	if acc.Name != "ACCUSE" || acc.Code != (EventCode{Forward: "112"}) || acc.Line != 15 || acc.Source != "sample.txt" {
		t.Errorf("block = %+v", acc)
	}
	if visit.Name != "VISIT" || visit.Code != (EventCode{Forward: "042", Reverse: "043"}) {
		t.Errorf("block = %+v", visit)
	}

	verbs := []struct {
		words    []string
		head     int
		forms    [][]string
		code     EventCode
		ownCode  bool
		hasForms bool
	}{
		{[]string{"ACCUSE"}, 0, nil, EventCode{Forward: "112"}, false, false},
		{[]string{"CHARGE"}, 0, nil, EventCode{Forward: "173"}, true, false},
		{[]string{"LASH", "OUT"}, 0, [][]string{{"LASHED", "OUT"}, {"LASHES", "OUT"}, {"LASHING", "OUT"}}, EventCode{Forward: "112"}, false, true},
		{[]string{"SPEAK"}, 0, [][]string{{"SPEAKING"}, {"SPOKE"}, {"SPOKEN"}, {"SPEAKS"}}, EventCode{Forward: "112"}, false, true},
		{[]string{"WIRE", "TAP"}, 1, nil, EventCode{Forward: "112"}, false, false},
	}
	if len(acc.Verbs) != len(verbs) {
		t.Fatalf("%d verbs, want %d", len(acc.Verbs), len(verbs))
	}
	for i, w := range verbs {
		v := acc.Verbs[i]
		if !reflect.DeepEqual(v.Words, w.words) || v.Head != w.head || !reflect.DeepEqual(v.Forms, w.forms) ||
			v.Code != w.code || v.OwnCode != w.ownCode || v.HasForms != w.hasForms {
			t.Errorf("verb %d = %+v, want %+v", i, v, w)
		}
	}
	if v := visit.Verbs[1]; !reflect.DeepEqual(v.Words, []string{"SCRAP"}) || len(v.Forms) != 3 {
		t.Errorf("a ';' comment: verb = %+v", v)
	}

	if len(acc.Patterns) != 4 {
		t.Fatalf("%d patterns, want 4", len(acc.Patterns))
	}
	word := func(ws ...string) Element { return Element{Kind: Word, Words: ws} }
	syn := func(l string) Element { return Element{Kind: SynsetRef, Words: []string{l}} }
	prep := func(p string, objs ...Element) Element { return Element{Kind: Prep, Words: []string{p}, Objects: objs} }
	patterns := []struct {
		before, after []Element
		code          EventCode
		note          string
		line          int
	}{
		{nil, []Element{prep("OF", syn("&CRIME_"))}, EventCode{Forward: "112"}, "ACCUSE", 21},
		{[]Element{syn("&MILITARY")},
			[]Element{prep("TO", Element{Kind: TargetMark}), {Kind: Phrase, Words: []string{"PEACE", "TALKS"}}, prep("IN", Element{Kind: SourceMark})},
			EventCode{Forward: "154"}, "SEND", 22},
		{nil, []Element{word("SANCTIONS"), prep("AGAINST")}, EventCode{Forward: "163"}, "", 23},
		{[]Element{{Kind: SourceMark}}, []Element{{Kind: SkipMark}, prep("FROM", Element{Kind: CompoundMark})}, EventCode{Reverse: "173"}, "", 24},
	}
	for i, w := range patterns {
		p := acc.Patterns[i]
		if !reflect.DeepEqual(p.Before, w.before) || !reflect.DeepEqual(p.After, w.after) || p.Code != w.code || p.Note != w.note || p.Line != w.line {
			t.Errorf("pattern %d = %+v\nwant %+v", i, p, w)
		}
	}
	if len(d.Transformations) != 1 || d.Transformations[0].Pattern != "a (a b ATTACK) SAY" || d.Transformations[0].Result != "a b 015" {
		t.Errorf("transformations = %+v", d.Transformations)
	}
	if len(d.Skipped) != 0 {
		t.Errorf("skipped = %v", d.Skipped)
	}
}

func TestParseVerbsSkipped(t *testing.T) {
	src := `&WEAPON
+GUN
--- ATTACK [190] ---
ATTACK
- * (BY/WITH &WEAPON)      [194]
- * &ARTILLERY             [194]
- * ATTACK (ON ^)   ^)[111]
- * DOWN (FROM)            [080!]
- * (WITH &WEAPON)          [194]
`
	d, err := ParseVerbs(Source{Name: "s.txt", Data: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"petrarch: s.txt:5: syntax error: disjunctive word",
		"petrarch: s.txt:7: syntax error: unexpected character",
		"petrarch: s.txt:8: syntax error: code [080!]",
		"petrarch: s.txt:6: undefined synset &ARTILLERY",
	}
	if len(d.Skipped) != len(want) {
		t.Fatalf("skipped = %v, want %d", d.Skipped, len(want))
	}
	for i, w := range want {
		if got := d.Skipped[i].Error(); !strings.HasPrefix(got, w) {
			t.Errorf("skipped[%d] = %q, want prefix %q", i, got, w)
		}
	}
	if len(d.Blocks[0].Patterns) != 1 || d.Blocks[0].Patterns[0].Line != 9 {
		t.Errorf("patterns = %+v", d.Blocks[0].Patterns)
	}
}

func TestParseVerbsErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"ACCUSE\n", "petrarch: e.txt:1: syntax error: verb \"ACCUSE\" before the first block header"},
		{"- * (TO) [040]\n", "petrarch: e.txt:1: syntax error: pattern before the first block header"},
		{"+TROOPS\n", "petrarch: e.txt:1: syntax error: synonym \"+TROOPS\" outside a synset or block"},
		{"--- [040] ---\n", "petrarch: e.txt:1: syntax error: block header: want --- NAME [code] ---"},
		{"--- MEET [04a] ---\n", "petrarch: e.txt:1: block header: syntax error: code [04a]"},
		{"--- MEET [040 ---\n", "petrarch: e.txt:1: syntax error: block header: [ without ]"},
		{"--- MEET [040] ---\nMEET WITH\n", "petrarch: e.txt:2: syntax error: verb \"MEET WITH\": want one verb"},
		{"--- MEET [040] ---\nMEET_WITH\n", "petrarch: e.txt:2: verb \"MEET_WITH\": syntax error: multiword verb without +"},
		{"--- MEET [040] ---\n+MEET_WITH {+MET}\n", "petrarch: e.txt:2: syntax error: verb \"+MEET_WITH {+MET}\": form MET does not match"},
		{"--- MEET [040] ---\nMEET {MET\n", "petrarch: e.txt:2: syntax error: verb \"MEET {MET\": want {forms} after the verb"},
		{"--- MEET [040] ---\nMEET [9]\n", "petrarch: e.txt:2: verb \"MEET [9]\": syntax error: code [9]"},
		{"&\n", "petrarch: e.txt:1: syntax error: synset label \"&\""},
		{"&X\n+\n", "petrarch: e.txt:2: syntax error: empty synset member"},
		{"~ a b\n", "petrarch: e.txt:1: syntax error: transformation wants \"=\""},
	}
	for _, c := range cases {
		_, err := ParseVerbs(Source{Name: "e.txt", Data: []byte(c.src)})
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want prefix %q", c.src, err, c.want)
			continue
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("%q: %v does not wrap ErrSyntax", c.src, err)
		}
		var ve *VerbError
		if !errors.As(err, &ve) || ve.Source != "e.txt" {
			t.Errorf("%q: %v is no *VerbError of e.txt", c.src, err)
		}
	}
}

func TestParseVerbsSources(t *testing.T) {
	// A synset of the first source serves a pattern of the second, and
	// errors name the source they are in.
	a := Source{Name: "a.txt", Data: []byte("&ENVOY\n+DIPLOMAT\n--- EXPEL [174] ---\nEXPEL\n")}
	b := Source{Name: "b.txt", Data: []byte("--- OUST [174] ---\nOUST\n- * &ENVOY [174]\n")}
	d, err := ParseVerbs(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 || len(d.Blocks[1].Patterns) != 1 || d.Blocks[1].Source != "b.txt" || d.Blocks[1].Patterns[0].Source != "b.txt" {
		t.Errorf("blocks = %+v", d.Blocks)
	}
	_, err = ParseVerbs(a, Source{Name: "c.txt", Data: []byte("\n\nOUST\n")})
	if err == nil || !strings.HasPrefix(err.Error(), "petrarch: c.txt:3: ") {
		t.Errorf("error %v, want one at c.txt:3", err)
	}
}

func TestEventCode(t *testing.T) {
	cases := []struct {
		in      string
		want    EventCode
		null    bool
		wantErr bool
	}{
		{"112", EventCode{Forward: "112"}, false, false},
		{"0874", EventCode{Forward: "0874"}, false, false},
		{"042:043", EventCode{Forward: "042", Reverse: "043"}, false, false},
		{":173", EventCode{Reverse: "173"}, false, false},
		{"---", EventCode{Forward: "---"}, true, false},
		{"", EventCode{}, false, true},
		{"080!", EventCode{Forward: "080!"}, false, true},
		{"12345", EventCode{Forward: "12345"}, false, true},
	}
	for _, c := range cases {
		got, err := parseEventCode(c.in)
		if (err != nil) != c.wantErr {
			t.Errorf("%q: error %v", c.in, err)
			continue
		}
		if err != nil {
			continue
		}
		if got != c.want || got.IsNull() != c.null || got.String() != c.in {
			t.Errorf("%q: %+v (null %v, %q)", c.in, got, got.IsNull(), got.String())
		}
	}
}

func TestSynsetForms(t *testing.T) {
	d, err := ParseVerbs(Source{Name: "s.txt", Data: []byte("&S\n+ARMY\n+TRUCE\n+CEASE_FIRE\n+CASH_\n+BOSS\n&T_\n+TROOPS\n")})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"ARMY"}, {"ARMIES"}, {"TRUCE"}, {"TRUCES"}, {"CEASE", "FIRE"}, {"CEASE", "FIRES"}, {"CASH"}, {"BOSS"}, {"BOSSES"}}
	if got := d.Synsets["&S"].Forms(); !reflect.DeepEqual(got, want) {
		t.Errorf("Forms = %v, want %v", got, want)
	}
	if got := d.Synsets["&T_"].Forms(); !reflect.DeepEqual(got, [][]string{{"TROOPS"}}) {
		t.Errorf("Forms of a no-plural set = %v", got)
	}
	got := d.Expand([]string{"FINANCIAL", "&T_"})
	if !reflect.DeepEqual(got, [][]string{{"FINANCIAL", "TROOPS"}}) {
		t.Errorf("Expand = %v", got)
	}
	if got := d.Expand([]string{"&NONE"}); len(got) != 0 {
		t.Errorf("Expand of an undefined synset = %v", got)
	}
}

// TestCAMEO2 reads the CAMEO.2.0.txt that package extract embeds.
func TestCAMEO2(t *testing.T) {
	b, err := os.ReadFile("../data/petrarch/CAMEO.2.0.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseVerbs(Source{Name: "CAMEO.2.0.txt", Data: b})
	if err != nil {
		t.Fatal(err)
	}
	verbs, patterns := 0, 0
	for _, bl := range d.Blocks {
		verbs += len(bl.Verbs)
		patterns += len(bl.Patterns)
	}
	// 397 block headers, 40 synsets, 8 transformations; of the 4,668
	// pattern lines PETRARCH2 cannot use 17 (disjunctions, undefined
	// synsets, a stray bracket, the code [080!]).
	if len(d.Blocks) != 397 || len(d.Synsets) != 40 || len(d.Transformations) != 8 ||
		verbs != 1817 || patterns != 4651 || len(d.Skipped) != 17 {
		t.Errorf("blocks %d synsets %d transformations %d verbs %d patterns %d skipped %d",
			len(d.Blocks), len(d.Synsets), len(d.Transformations), verbs, patterns, len(d.Skipped))
	}
}

func BenchmarkParseCAMEO2(b *testing.B) {
	data, err := os.ReadFile("../data/petrarch/CAMEO.2.0.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := ParseVerbs(Source{Name: "CAMEO.2.0.txt", Data: data}); err != nil {
			b.Fatal(err)
		}
	}
}
