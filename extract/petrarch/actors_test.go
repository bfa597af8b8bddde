package petrarch

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

const actorsDict = `# comment line
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

SERGEY_LAVROV_  # CountryInfo.txt
+SERGEI_LAVROV
+LAVROV
	[RUSGOV 040309-161231]
	[RUSELI]

KOFI_ANNAN_	[IGOUNO 970101-061231] [ELI]	# UN
JAMES_BYRNES_  ; CountryInfo.txt
	[USAELI 18970101-450703]
	[USAGOV >450703]
	[USAGOV < 20010101]
U.N._
NOBODY [---]
`

func TestParseActors(t *testing.T) {
	as, err := ParseActors(Source{Name: "test.actors", Data: []byte(actorsDict)})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 6 {
		t.Fatalf("got %d actors: %+v", len(as), as)
	}
	tests := []struct {
		i     int
		names []string
		line  int
		codes []Code
	}{
		{0, []string{"AFGHANISTAN", "AFGHAN", "KABUL"}, 2, []Code{{Code: "AFG", Line: 2}}},
		{1, []string{"SERGEY LAVROV", "SERGEI LAVROV", "LAVROV"}, 6, []Code{
			{Code: "RUSGOV", From: day("2004-03-09"), To: day("2016-12-31"), Restricted: true, Line: 9},
			{Code: "RUSELI", Line: 10}}},
		{2, []string{"KOFI ANNAN"}, 12, []Code{
			{Code: "IGOUNO", From: day("1997-01-01"), To: day("2006-12-31"), Restricted: true, Line: 12},
			{Code: "ELI", Line: 12}}},
		{3, []string{"JAMES BYRNES"}, 13, []Code{
			{Code: "USAELI", From: day("1897-01-01"), To: day("1945-07-03"), Restricted: true, Line: 14},
			{Code: "USAGOV", From: day("1945-07-03"), Restricted: true, Line: 15},
			{Code: "USAGOV", To: day("2001-01-01"), Restricted: true, Line: 16}}},
		{4, []string{"U.N."}, 17, nil},
		{5, []string{"NOBODY"}, 18, []Code{{Code: "", Line: 18}}},
	}
	for _, tc := range tests {
		a := as[tc.i]
		if !reflect.DeepEqual(a.Names, tc.names) || a.Line != tc.line || a.Source != "test.actors" {
			t.Errorf("actor %d: names %q line %d source %q", tc.i, a.Names, a.Line, a.Source)
		}
		if !reflect.DeepEqual(a.Codes, tc.codes) {
			t.Errorf("actor %d codes:\n got %+v\nwant %+v", tc.i, a.Codes, tc.codes)
		}
	}
}

func TestCodesOn(t *testing.T) {
	as, err := ParseActors(Source{Name: "t", Data: []byte(actorsDict)})
	if err != nil {
		t.Fatal(err)
	}
	lavrov, annan, null := as[1], as[2], as[5]
	tests := []struct {
		a    Actor
		on   string
		want []string
	}{
		{lavrov, "2010-01-01", []string{"RUSGOV"}},
		{lavrov, "2016-12-31", []string{"RUSGOV"}},
		{lavrov, "2000-01-01", []string{"RUSELI"}},
		{annan, "2001-09-11", []string{"IGOUNO"}},
		{annan, "2010-01-01", []string{"ELI"}},
		{null, "2010-01-01", nil},
	}
	for _, tc := range tests {
		if got := tc.a.CodesOn(day(tc.on)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s on %s: %q, want %q", tc.a.Names[0], tc.on, got, tc.want)
		}
	}
}

func TestParseActorsErrors(t *testing.T) {
	tests := []struct {
		name, body string
		line       int
		msg        string
		actors     int
	}{
		{"code first", "\t[USAGOV]\nUSA_ [USA]\n", 1, "before any actor", 1},
		{"synonym first", "+FOO\n", 1, "synonym", 0},
		{"bad date", "A_B_\n\t[USAGOV 2004017-20061201]\n", 2, `bad date "2004017"`, 1},
		{"bad month", "A_B_\n\t[USAGOV 20041301-20061201]\n", 2, "bad date", 1},
		{"reversed", "A_B_\n\t[USAGOV 20121207-20120802]\n", 2, "ends before it starts", 1},
		{"bare date", "A_B_\n\t[USAGOV 20121204]\n", 2, "bad date restriction", 1},
		{"unclosed", "A_B_ [USAGOV\n", 1, "unclosed bracket", 1},
		{"junk after", "A_B_ [USA] junk\n", 1, `unexpected "junk"`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as, err := ParseActors(Source{Name: "x.txt", Data: []byte(tc.body)})
			var el ErrorList
			if !errors.As(err, &el) || len(el) != 1 {
				t.Fatalf("err = %v", err)
			}
			if el[0].Line != tc.line || el[0].Source != "x.txt" || !strings.Contains(el[0].Error(), tc.msg) ||
				!strings.HasPrefix(el[0].Error(), "petrarch: x.txt:") {
				t.Errorf("err = %v, want line %d and %q", el[0], tc.line, tc.msg)
			}
			if len(as) != tc.actors {
				t.Errorf("%d actors read, want %d", len(as), tc.actors)
			}
		})
	}
	// A restriction with a blank after > is read (the published files have some).
	as, err := ParseActors(Source{Name: "x", Data: []byte("A_B_\n\t[EGYGOV > 140608]\n")})
	if err != nil || len(as) != 1 || !as[0].Codes[0].From.Equal(day("2014-06-08")) {
		t.Errorf("blank after >: %+v, %v", as, err)
	}
}

const agentsDict = `<!-- AGENTS -->
!PERSON! = MAN, MEN, WOMAN
FOREIGN_MINISTER [~GOVFRM] # jap 4/14/01
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
AUTHORITY [~GOV]
ENVOY [~GOV]
WITNESS [~CVL]
DEPARMENT_OF_ENVIRONMENT [~ENV}
CHIEF EXECUTIVE [~GOV]
`

func TestParseAgents(t *testing.T) {
	as, err := ParseAgents(Source{Name: "agents", Data: []byte(agentsDict)})
	if err != nil {
		t.Fatal(err)
	}
	want := []Agent{
		{Phrase: "FOREIGN MINISTER", Forms: []string{"FOREIGN MINISTER", "FOREIGN MINISTERS"}, Code: "GOVFRM", Line: 3},
		{Phrase: "POLICE", Forms: []string{"POLICE"}, Code: "COP", Line: 4},
		{Phrase: "ATTORNEY GENERAL", Forms: []string{"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}, Code: "GOVATG", Line: 5},
		{Phrase: "CONGRESS!PERSON!", Forms: []string{"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN"}, Code: "LEG", Line: 6},
		{Phrase: "HUMAN RIGHTS BODY", Forms: []string{"HUMAN RIGHTS BODY", "HUMAN RIGHTS BODIES"}, Code: "NGO", Prefix: true, Line: 7},
		{Phrase: "AUTHORITY", Forms: []string{"AUTHORITY", "AUTHORITIES"}, Code: "GOV", Line: 8},
		{Phrase: "ENVOY", Forms: []string{"ENVOY", "ENVOYS"}, Code: "GOV", Line: 9},
		{Phrase: "WITNESS", Forms: []string{"WITNESS", "WITNESSES"}, Code: "CVL", Line: 10},
		{Phrase: "DEPARMENT OF ENVIRONMENT", Forms: []string{"DEPARMENT OF ENVIRONMENT", "DEPARMENT OF ENVIRONMENTS"}, Code: "ENV", Line: 11},
		{Phrase: "CHIEF EXECUTIVE", Forms: []string{"CHIEF EXECUTIVE", "CHIEF EXECUTIVES"}, Code: "GOV", Loose: true, Line: 12},
	}
	for i := range want {
		want[i].Source = "agents"
	}
	if !reflect.DeepEqual(as, want) {
		t.Errorf("got\n%+v\nwant\n%+v", as, want)
	}
}

func TestParseAgentsErrors(t *testing.T) {
	tests := []struct {
		name, body string
		line       int
		msg        string
	}{
		{"no code", "ISLAMIC_EXTREMIST\n", 1, "no agent code"},
		{"bad code", "X [GOV]\n", 1, "bad agent code"},
		{"undefined marker", "X!FOO! [~GOV]\n", 1, "not defined"},
		{"unclosed plural", "X {Y [~GOV]\n", 1, "unclosed {plural}"},
		{"empty marker", "\n!FOO! =\n", 2, "empty list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseAgents(Source{Name: "a.txt", Data: []byte(tc.body)})
			var le *LineError
			if !errors.As(err, &le) || le.Line != tc.line || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("err = %v, want line %d and %q", err, tc.line, tc.msg)
			}
		})
	}
}

func TestRegularPlural(t *testing.T) {
	for in, want := range map[string]string{
		"MINISTER": "MINISTERS", "AUTHORITY": "AUTHORITIES", "ENVOY": "ENVOYS",
		"WITNESS": "WITNESSES", "army": "armies", "": "",
	} {
		if got := RegularPlural(in); got != want {
			t.Errorf("RegularPlural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCodeMap(t *testing.T) {
	m, err := DefaultCodeMap()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in, actor, sector string
		ok                bool
	}{
		{"USA", "USA", "", true},
		{"IRNGOV", "IRN", "GOV", true},
		{"USAMILSPY", "USA", "MILSPY", true},
		{"KSVGOV", "XKX", "GOV", true},
		{"TMP", "TLS", "", true},
		{"ROMGOV", "ROU", "GOV", true},
		{"USRARM", "RUS", "ARM", true},
		{"IGOUNO", "UN", "", true},
		{"IGOUNOIAE", "IAEA", "", true},
		{"IGOEUREECGOV", "EU", "GOV", true},
		{"IGOWSTNAT", "NATO", "", true},
		{"IMGMUSALQ", "AL_QAEDA", "", true},
		{"IGOUNOKID", "", "", false},
		{"IGOGOE", "", "", false},
		{"NGOHRI", "", "", false},
		{"MNCUSA", "", "", false},
		{"AFR", "", "", false},
		{"ELI", "", "", false},
		{"DDRGOV", "", "", false},
		{"", "", "", false},
		{"us", "", "", false},
	}
	for _, tc := range tests {
		a, s, ok := m.Map(tc.in)
		if a != tc.actor || s != tc.sector || ok != tc.ok {
			t.Errorf("Map(%q) = %q, %q, %v; want %q, %q, %v", tc.in, a, s, ok, tc.actor, tc.sector, tc.ok)
		}
	}
}

func TestParseCodeMapErrors(t *testing.T) {
	tests := []struct{ body, msg string }{
		{"USA\n", "want 2 tab-separated columns"},
		{"usa\tUSA\n", "bad Phoenix code"},
		{"IGOU\tUN\n", "bad Phoenix code"},
		{"IGOUNO\tun\n", "bad diplograph code"},
	}
	for _, tc := range tests {
		_, err := ParseCodeMap(Source{Name: "codes.tsv", Data: []byte("# c\n" + tc.body)})
		if err == nil || !strings.Contains(err.Error(), "codes.tsv:2: "+tc.msg) {
			t.Errorf("%q: err = %v, want %q", tc.body, err, tc.msg)
		}
	}
}
