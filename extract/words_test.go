package extract

import (
	"reflect"
	"strings"
	"testing"
)

// minimalWords is a words.txt that defines every list with one word,
// after the lines of head (so that head's line numbers are its own).
func minimalWords(head string) string {
	var b strings.Builder
	b.WriteString(head)
	for _, l := range (&wordLists{}).lists() {
		if l.set != nil {
			b.WriteString("@" + l.name + " zz\n")
		} else {
			b.WriteString("@" + l.name + " zz = zz\n")
		}
	}
	return b.String()
}

func TestParseWords(t *testing.T) {
	text := minimalWords(`# a comment
   # an indented comment

@negation  not never
@negation  no   n't
@group  Quad = USA JPN AUS IND
@group  AUKUS Aukus = AUS GBR USA
@meeting_name  call calls  =  phone   call
@meeting_name  call = phone call
@name_prefix  al- el-
`)
	w, err := parseWords(text)
	if err != nil {
		t.Fatal(err)
	}
	if want := (map[string]bool{"not": true, "never": true, "no": true, "n't": true, "zz": true}); !reflect.DeepEqual(w.negation, want) {
		t.Errorf("negation %v, want %v", w.negation, want)
	}
	if got := w.group["Quad"]; !reflect.DeepEqual(got, []string{"USA", "JPN", "AUS", "IND"}) {
		t.Errorf("group Quad %v", got)
	}
	if w.group["quad"] != nil {
		t.Error("@group names are matched as written")
	}
	if !reflect.DeepEqual(w.group["AUKUS"], w.group["Aukus"]) || len(w.group["Aukus"]) != 3 {
		t.Errorf("group AUKUS %v, Aukus %v", w.group["AUKUS"], w.group["Aukus"])
	}
	if w.meetingName["call"] != "phone call" || w.meetingName["calls"] != "phone call" {
		t.Errorf("meeting_name %v", w.meetingName)
	}
	if !w.namePrefix["el-"] || !w.planCue["zz"] || w.hostEvent["zz"] != "zz" {
		t.Error("lists not read")
	}
}

func TestParseWordsErrors(t *testing.T) {
	cases := []struct{ head, want string }{
		{"negation not\n", `words.txt:1: want @list and words, got "negation"`},
		{"\n@ not\n", `words.txt:2: want @list and words, got "@"`},
		{"@negations not\n", "words.txt:1: unknown list @negations"},
		{"@negation\n", "words.txt:1: @negation: no words"},
		{"@meeting_name = talks\n", "words.txt:1: @meeting_name: no words"},
		{"# c\n@plan_cue will Would\n", `words.txt:2: @plan_cue: "Would" is not lower case`},
		{"@meeting_name Talks = talks\n", `words.txt:1: @meeting_name: "Talks" is not lower case`},
		{"@negation not = no\n", `words.txt:1: @negation is a set of words: no "="`},
		{"@negation not =\n", `words.txt:1: @negation is a set of words: no "="`},
		{"@meeting_name talks\n", "words.txt:1: @meeting_name: want words = value"},
		{"@group Quad =\n", "words.txt:1: @group: want words = value"},
		{"@meeting_name call = phone call\n\n@meeting_name call = call\n", `words.txt:3: @meeting_name: "call" is "phone call" and "call"`},
		{"@group E3 = GBR FRA DEU\n@group E3 = GBR FRA\n", `words.txt:2: @group: "E3" is "GBR FRA DEU" and "GBR FRA"`},
	}
	for _, c := range cases {
		_, err := parseWords(minimalWords(c.head))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.head, err, c.want)
		}
	}
	// the same value twice is no conflict
	if _, err := parseWords(minimalWords("@meeting_name call = phone call\n@meeting_name call = phone  call\n")); err != nil {
		t.Error(err)
	}
	// a missing list
	text := strings.Replace(minimalWords(""), "@org_join zz\n", "", 1)
	if _, err := parseWords(text); err == nil || err.Error() != "words.txt: list @org_join is missing" {
		t.Errorf("missing list: error %v", err)
	}
}

// TestWordsData checks the embedded data/words.txt beyond its format: the
// assumptions the code makes about its lists.
func TestWordsData(t *testing.T) {
	w, err := parseWords(wordsData)
	if err != nil {
		t.Fatal(err)
	}
	for name, codes := range w.group {
		if len(codes) < 2 {
			t.Errorf("@group %s: %v: want two or more members", name, codes)
		}
		for _, c := range codes {
			if !isStateCode(c) {
				t.Errorf("@group %s: %q is no state code", name, c)
			}
		}
	}
	subset := func(a, b string, sa, sb map[string]bool) {
		for x := range sa {
			if !sb[x] {
				t.Errorf("@%s: %q is not in @%s", a, x, b)
			}
		}
	}
	// groupActors looks a person pair noun up only among the pair nouns,
	// and titled marks a former holder only among the title modifiers.
	subset("person_pair_noun", "pair_noun", w.personPairNoun, w.pairNoun)
	subset("former_modifier", "title_modifier", w.formerModifier, w.titleModifier)
	// namePrefix looks a token up to its first hyphen.
	for p := range w.namePrefix {
		if strings.IndexByte(p, '-') != len(p)-1 {
			t.Errorf("@name_prefix: %q must end in its only hyphen", p)
		}
	}
	// every name a meeting can get is a meeting name, so that a headline's
	// "Vienna talks" finds it.
	names := map[string]bool{}
	for _, n := range w.meetingName {
		names[n] = true
	}
	for _, m := range []struct {
		list string
		m    map[string]string
	}{{"meeting_verb", w.meetingVerb}, {"meeting_medium", w.meetingMedium}, {"host_event", w.hostEvent}} {
		for k, n := range m.m {
			if !names[n] {
				t.Errorf("@%s: %s = %q is no value of @meeting_name", m.list, k, n)
			}
		}
	}
}
