package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/diplograph/diplograph/extract/petrarch"
)

const userDict = `# an analyst's Phoenix-format dictionary
MEA_ [INDGOV]
+MINISTRY_OF_EXTERNAL_AFFAIRS_
IAF_ [INDMIL]
ARUNDHATI_GHOSE_  # dated: an office holder
+GHOSE
	[INDGOV 19940101-19970630]
PRANAB_MUKHERJEE_
	[INDGOV 20040522-20120625]
RUSSIAN_FOREIGN_MINISTER_LAVROV [RUSGOV 20040309-20161231]
SERGEY_LAVROV_
	[RUSGOV 20040309-20161231]
OPPOSITION_LEADER_X_Y [INDOPP 20040101-20050101]
FIJI_ [FJI]
`

func TestLoadDictionaries(t *testing.T) {
	l, err := LoadOptions(Options{NoPhoenix: true, Dictionaries: []petrarch.Source{{Name: "user.actors", Data: []byte(userDict)}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		code string
		kind Kind
	}{
		{"The MEA said", "IND", KindBody},
		{"the Ministry of External Affairs said", "IND", KindBody},
		{"IAF jets", "IND", KindBody},
		{"Fiji", "FJI", KindState}, // already in the lexicon: kept as it was
	}
	for _, tc := range tests {
		ms := l.Find(tc.text)
		if len(ms) == 0 || ms[0].Code != tc.code || ms[0].Kind != tc.kind {
			t.Errorf("Find(%q) = %+v, want %s %s", tc.text, ms, tc.code, tc.kind)
		}
	}
	holders := []struct {
		name, on, code string
	}{
		{"Ghose", "1995-06-01", "IND"},
		{"Arundhati Ghose", "1995-06-01", "IND"},
		{"Ghose", "1999-01-01", ""},
		{"Mukherjee", "2008-01-01", "IND"},
		// curated officeholders.tsv wins: its Lavrov term has no end
		{"Lavrov", "2020-01-01", "RUS"},
		{"Y", "2004-06-01", ""},
	}
	for _, tc := range holders {
		hs := l.OfficeHolders(tc.name, day(tc.on))
		switch {
		case tc.code == "" && len(hs) != 0:
			t.Errorf("OfficeHolders(%q, %s) = %+v, want none", tc.name, tc.on, hs)
		case tc.code != "" && (len(hs) == 0 || hs[0].Code != tc.code):
			t.Errorf("OfficeHolders(%q, %s) = %+v, want %s", tc.name, tc.on, hs, tc.code)
		}
	}
	if hs := l.OfficeHolders("Lavrov", day("2010-01-01")); len(hs) != 1 || hs[0].File != "officeholders.tsv" {
		t.Errorf("curated Lavrov should win: %+v", hs)
	}
}

func TestLoadDictionaryErrors(t *testing.T) {
	_, err := LoadOptions(Options{NoPhoenix: true, Dictionaries: []petrarch.Source{{Name: "dicts/bad.actors",
		Data: []byte("A_B_\n\t[USAGOV 2004017-20061201]\n")}}})
	if err == nil || !strings.Contains(err.Error(), "dicts/bad.actors:2: bad date") {
		t.Errorf("err = %v", err)
	}
}

func TestPhoenixDefaults(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		name, on, code string
	}{
		{"Hor Namhong", "2005-03-01", "KHM"},
		{"Namhong", "2005-03-01", "KHM"},
		{"Charles Taylor", "2003-06-01", "LBR"},
		{"Hor Namhong", "1985-03-01", ""}, // terms start 1990 at the earliest
	}
	for _, tc := range tests {
		hs := l.OfficeHolders(tc.name, day(tc.on))
		switch {
		case tc.code == "" && len(hs) != 0:
			t.Errorf("OfficeHolders(%q, %s) = %+v, want none", tc.name, tc.on, hs)
		case tc.code != "" && (len(hs) == 0 || hs[0].Code != tc.code):
			t.Errorf("OfficeHolders(%q, %s) = %+v, want %s", tc.name, tc.on, hs, tc.code)
		}
	}
	// Junk guards: common words and given names find no one.
	for _, name := range []string{"Rice", "Mohammad", "Ali", "Brown", "Will", "General"} {
		for _, h := range l.OfficeHolders(name, day("2005-01-01")) {
			if h.File == phoenixHolders {
				t.Errorf("OfficeHolders(%q) gives Phoenix holder %+v", name, h)
			}
		}
	}
	// Agent nouns: a new title and a new body noun.
	if got, ok := l.Title("consul general"); !ok || got != "consul general" {
		t.Errorf("Title(consul general) = %q, %v", got, ok)
	}
	if ms := l.Find("Iraqi gendarmerie"); len(ms) != 1 || ms[0].Kind != KindBody || ms[0].Code != "IRQ" {
		t.Errorf("Iraqi gendarmerie: %+v", ms)
	}
	off, err := LoadOptions(Options{NoPhoenix: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(off.OfficeHolders("Namhong", day("2005-03-01"))) != 0 {
		t.Error("NoPhoenix still has Phoenix holders")
	}
	if _, ok := off.Title("consul general"); ok {
		t.Error("NoPhoenix still has Phoenix agents")
	}
}

func TestRemoveDictHolder(t *testing.T) {
	l, err := Load(fstest.MapFS{"officeholders.tsv": {Data: []byte("!remove\tHor Namhong\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if hs := l.OfficeHolders("Hor Namhong", day("2005-03-01")); len(hs) != 0 {
		t.Errorf("removed holder still found: %+v", hs)
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// BenchmarkLoadPhoenix measures the load of the embedded data with and
// without the Phoenix-derived files (the whole load must stay < 300 ms).
func BenchmarkLoadPhoenix(b *testing.B) {
	for _, tc := range []struct {
		name string
		opts Options
	}{{"with", Options{}}, {"without", Options{NoPhoenix: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := LoadOptions(tc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
