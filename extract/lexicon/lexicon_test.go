package lexicon

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/diplograph/diplograph/internal/testfiles"
)

func mustDefault(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// firstMention returns the first mention of Find(text) that is not a title.
func firstMention(l *Lexicon, text string) (Mention, bool) {
	for _, m := range l.Find(text) {
		if m.Kind != KindTitle {
			return m, true
		}
	}
	return Mention{}, false
}

func TestGuidelineExamples(t *testing.T) {
	l := mustDefault(t)
	tests := []struct {
		text, code, span string
		kind             Kind
		form             Form
	}{
		{"the United States said", "USA", "United States", KindState, FormName},
		{"U.S. said", "USA", "U.S.", KindState, FormAbbrev},
		{"the US said", "USA", "US", KindState, FormAbbrev},
		{"America said", "USA", "America", KindState, FormName},
		{"Britain said", "GBR", "Britain", KindState, FormName},
		{"the UK said", "GBR", "UK", KindState, FormAbbrev},
		{"Iranian envoys met", "IRN", "Iranian envoys", KindBody, FormBody},
		{"the British said", "GBR", "British", KindState, FormAdjective},
		{"Washington said", "USA", "Washington", KindState, FormCapital},
		{"Tehran said", "IRN", "Tehran", KindState, FormCapital},
		{"Moscow said", "RUS", "Moscow", KindState, FormCapital},
		{"Beijing said", "CHN", "Beijing", KindState, FormCapital},
		{"Whitehall said", "GBR", "Whitehall", KindState, FormSeat},
		{"the Kremlin said", "RUS", "Kremlin", KindState, FormSeat},
		{"the White House said", "USA", "White House", KindState, FormSeat},
		{"the Pentagon said", "USA", "Pentagon", KindState, FormSeat},
		{"the State Department said", "USA", "State Department", KindBody, FormBody},
		{"the Ministry of Defence said", "GBR", "Ministry of Defence", KindBody, FormBody},
		{"the Iraqi army said", "IRQ", "Iraqi army", KindBody, FormBody},
		{"Iranian Revolutionary Guards said", "IRN", "Iranian Revolutionary Guards", KindBody, FormBody},
		{"Russian forces advanced", "RUS", "Russian forces", KindBody, FormBody},
		{"Chinese officials said", "CHN", "Chinese officials", KindBody, FormBody},
		{"U.S. troops arrived", "USA", "U.S. troops", KindBody, FormBody},
		{"China's foreign ministry said", "CHN", "China's foreign ministry", KindBody, FormBody},
		{"a senior State Department official said", "USA", "State Department", KindBody, FormBody},
		{"Isis fighters", "ISIL", "Isis", KindOrganization, FormOrg},
		{"ISIS fighters", "ISIL", "ISIS", KindOrganization, FormOrg},
		{"Daesh fighters", "ISIL", "Daesh", KindOrganization, FormOrg},
		{"the Islamic State of Iraq and the Levant (ISIL) took", "ISIL", "Islamic State of Iraq and the Levant", KindOrganization, FormOrg},
		{"the UN Security Council met", "UNSC", "UN Security Council", KindOrganization, FormOrg},
		{"the U.N. said", "UN", "U.N.", KindOrganization, FormOrg},
		{"Hizbollah fired", "HEZBOLLAH", "Hizbollah", KindOrganization, FormOrg},
		{"Houthi rebels fired", "HOUTHIS", "Houthi rebels", KindOrganization, FormOrg},
		{"al-Qaeda claimed", "AL_QAEDA", "al-Qaeda", KindOrganization, FormOrg},
		{"the P5+1 talks", "P5+1", "P5+1", KindOrganization, FormOrg},
		{"Iran's nuclear program", "IRN", "Iran", KindState, FormName},
		{"Iran’s nuclear program", "IRN", "Iran", KindState, FormName},
		{"IRAN WARNS", "IRN", "IRAN", KindState, FormName},
		{"Kyiv said", "UKR", "Kyiv", KindState, FormCapital},
		{"Kiev said", "UKR", "Kiev", KindState, FormCapital},
		{"in Mosul", "IRQ", "Mosul", KindPlace, FormPlace},
		{"Côte d'Ivoire said", "CIV", "Côte d'Ivoire", KindState, FormName},
		{"Ivory Coast said", "CIV", "Ivory Coast", KindState, FormName},
		{"the DRC said", "COD", "DRC", KindState, FormName},
		{"North Korea fired", "PRK", "North Korea", KindState, FormName},
		{"the DPRK fired", "PRK", "DPRK", KindState, FormAbbrev},
		{"Türkiye said", "TUR", "Türkiye", KindState, FormName},
		{"the Emirati minister", "ARE", "Emirati", KindState, FormAdjective},
		{"Palestinian officials", "PSE", "Palestinian officials", KindBody, FormBody},
		{"Kosovo said", "XKX", "Kosovo", KindState, FormName},
		{"Taiwan said", "TWN", "Taiwan", KindState, FormName},
		{"the Vatican said", "VAT", "Vatican", KindState, FormName},
		{"the Iranians said", "IRN", "Iranians", KindState, FormAdjective},
		{"Downing Street said", "GBR", "Downing Street", KindState, FormSeat},
		{"the Elysee said", "FRA", "Elysee", KindState, FormSeat},
		{"the Élysée said", "FRA", "Élysée", KindState, FormSeat},
		{"the IRGC said", "IRN", "IRGC", KindBody, FormBody},
		{"Turkey and Syria", "TUR", "Turkey", KindState, FormName},
	}
	for _, tc := range tests {
		m, ok := firstMention(l, tc.text)
		if !ok {
			t.Errorf("%q: no mention", tc.text)
			continue
		}
		if m.Code != tc.code || m.Text != tc.span || m.Kind != tc.kind || m.Form != tc.form {
			t.Errorf("%q: got %q %s %s/%s, want %q %s %s/%s", tc.text, m.Text, m.Code, m.Kind, m.Form, tc.span, tc.code, tc.kind, tc.form)
		}
		if tc.text[m.Start:m.End] != m.Text {
			t.Errorf("%q: span %d:%d is %q, not %q", tc.text, m.Start, m.End, tc.text[m.Start:m.End], m.Text)
		}
	}
}

func TestNegativeAndAmbiguous(t *testing.T) {
	l := mustDefault(t)
	none := []string{
		"let us go", "they told us", "we ate turkey", "Is it true?", "WHAT IS THE PLAN",
		"the Washington Post reported", "George Washington", "New Mexico", "the army said",
		"china plates", "Latin American leaders", "a general election",
	}
	for _, s := range none {
		for _, m := range l.Find(s) {
			if m.Kind != KindTitle && m.Kind != KindPlace {
				t.Errorf("%q: unexpected mention %q %s", s, m.Text, m.Code)
			}
		}
	}
	amb := []struct {
		text, code string
		codes      []string
	}{
		{"Georgia said", "GEO", nil},
		{"Jordan said", "JOR", nil},
		{"Brussels said", "", []string{"BEL", "EU"}},
		{"Congo said", "", []string{"COG", "COD"}},
	}
	for _, tc := range amb {
		m, ok := firstMention(l, tc.text)
		if !ok || !m.Ambiguous || m.Code != tc.code || strings.Join(m.Codes, ",") != strings.Join(tc.codes, ",") {
			t.Errorf("%q: got %+v, want ambiguous %q %v", tc.text, m, tc.code, tc.codes)
		}
	}
	// The US in normal text next to an all-caps org is still found.
	if m, _ := firstMention(l, "US and NATO officials"); m.Code != "USA" {
		t.Errorf("US next to NATO: got %+v", m)
	}
	if m, _ := firstMention(l, "Gaza"); m.Code != "PSE" || m.Kind != KindPlace {
		t.Errorf("Gaza: %+v", m)
	}
	if m, _ := firstMention(l, "in the South China Sea"); m.Code != "" || m.Kind != KindPlace || m.Place != "South China Sea" {
		t.Errorf("South China Sea: %+v", m)
	}
}

var unMembers = strings.Fields(`AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE
PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM
GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA
LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK
THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE`)

func TestAllStatesPresent(t *testing.T) {
	if len(unMembers) != 193 {
		t.Fatalf("test list has %d UN members", len(unMembers))
	}
	l := mustDefault(t)
	for _, code := range append(unMembers, "PSE", "VAT", "TWN", "XKX") {
		c, ok := l.Country(code)
		if !ok || c.Name == "" || !c.Sovereign {
			t.Errorf("%s: missing or not a state: %+v", code, c)
			continue
		}
		// Its display name must find it.
		if m, ok := firstMention(l, c.Name+" said"); !ok || (m.Code != code && !contains(m.Codes, code)) {
			t.Errorf("%s: display name %q finds %+v", code, c.Name, m)
		}
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

var guidelineOrgs = strings.Fields(`UN UNSC EU NATO AU ARAB_LEAGUE ASEAN GCC OPEC IAEA ICC IMF WORLD_BANK G7 G20
SCO BRICS OSCE ECOWAS P5+1 ISIL AL_QAEDA TALIBAN HAMAS HEZBOLLAH HOUTHIS AL_SHABAAB HTS SDF PKK WAGNER M23 BOKO_HARAM`)

func TestGuidelineOrganizations(t *testing.T) {
	l := mustDefault(t)
	for _, code := range guidelineOrgs {
		o, ok := l.Organization(code)
		if !ok || o.Name == "" || (o.Kind != "intergovernmental" && o.Kind != "armed_group") {
			t.Errorf("%s: %+v %v", code, o, ok)
			continue
		}
		if m, ok := firstMention(l, "the "+o.Name+" said"); !ok || m.Code != code {
			t.Errorf("%s: name %q finds %+v", code, o.Name, m)
		}
	}
	n := 0
	for _, o := range l.Organizations() {
		if !strings.HasPrefix(o.Code, "ORG:") { // named organizations without a code
			n++
		}
	}
	if n != len(guidelineOrgs) {
		t.Errorf("%d coded organizations, want exactly the %d guideline codes", n, len(guidelineOrgs))
	}
}

// TestSurfaceFormsUnambiguous is the invariant: a surface form names one code
// unless all its entries are marked ambiguous.
func TestSurfaceFormsUnambiguous(t *testing.T) {
	l := mustDefault(t)
	type info struct {
		codes map[string]bool
		amb   bool
		where []string
	}
	by := map[string]*info{}
	for _, e := range l.Entries() {
		if e.Kind == KindTitle || e.Kind == KindNone || e.Record == "noun" {
			continue
		}
		in := by[e.Key]
		if in == nil {
			in = &info{codes: map[string]bool{}, amb: true}
			by[e.Key] = in
		}
		in.codes[e.Code] = true
		in.amb = in.amb && e.Ambiguous
		in.where = append(in.where, e.File+":"+itoa(e.Line)+" "+e.Code)
	}
	for k, in := range by {
		if len(in.codes) > 1 && !in.amb {
			t.Errorf("%q names %d codes without ~: %v", k, len(in.codes), in.where)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, file, body, want string }{
		{"unknown kind", "countries.txt", "# c\nXXA\tstate\tXland\nXXA\tcuntry\tX\n", `lexicon: countries.txt:3: unknown kind "cuntry"`},
		{"columns", "states.txt", "USA\tname\n", "lexicon: states.txt:1: want 3 tab-separated columns"},
		{"unknown code", "states.txt", "\nQQQ\tadjective\tQuux\n", `lexicon: states.txt:2: unknown code "QQQ"`},
		{"conflict", "places.txt", "FRA\tcity\tLyon\nDEU\tcity\tLyon\n", `lexicon: places.txt:2: place "Lyon" already belongs to "FRA"`},
		{"unmarked clash", "extra.txt", "GBR\tname\tAlbion\nFRA\tname\tAlbion\n", `lexicon: extra.txt:1: surface form "Albion" of "GBR" also names "FRA"`},
		{"bad remove", "states.txt", "!remove\tUSA\tname\tNowhere Land\n", "lexicon: states.txt:1: !remove matches no entry"},
		{"bad org code", "organizations.txt", "bad code\tintergovernmental\tThing\n", `lexicon: organizations.txt:1: bad organization code "bad code"`},
		{"holders", "officeholders.tsv", "# x\nJane Doe\t-\tUSA\tenvoy\t2020-13-01\t-\n", `lexicon: officeholders.tsv:2: bad from date "2020-13-01"`},
	}
	for _, tc := range tests {
		_, err := Load(fstest.MapFS{tc.file: {Data: []byte(tc.body)}})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want prefix %q", tc.name, err, tc.want)
		}
	}
}

func TestOverrides(t *testing.T) {
	user := fstest.MapFS{
		"states.txt": {Data: []byte("# user additions\nUSA\tname\tUncle Sam\n!remove\tGBR\tname\tGreat Britain\n")},
		"places.txt": {Data: []byte("FRA\tcity\tCarcassonne\n")},
		"mine.txt":   {Data: []byte("-\tblock\tAmerica First\n")},
	}
	l, err := Load(user)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := firstMention(l, "Uncle Sam said"); m.Code != "USA" {
		t.Errorf("added form: %+v", m)
	}
	if m, _ := firstMention(l, "Great Britain said"); m.Code == "GBR" && m.Text == "Great Britain" {
		t.Errorf("removed form still found: %+v", m)
	}
	if m, _ := firstMention(l, "Britain said"); m.Code != "GBR" {
		t.Errorf("remaining form lost: %+v", m)
	}
	if p, ok := l.Place("carcassonne"); !ok || p.Code != "FRA" {
		t.Errorf("added place: %+v", p)
	}
	if p, ok := l.Place("Mosul"); !ok || p.Code != "IRQ" {
		t.Errorf("default place lost: %+v", p)
	}
	if ms := l.Find("America First"); len(ms) != 0 {
		t.Errorf("block: %+v", ms)
	}
	// Removing a whole code.
	l2, err := Load(fstest.MapFS{"organizations.txt": {Data: []byte("!remove\tWAGNER\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := l2.Organization("WAGNER"); ok {
		t.Error("WAGNER not removed")
	}
	if ms := l2.Find("Wagner fighters"); len(ms) != 0 {
		t.Errorf("removed org found: %+v", ms)
	}
	// The defaults are untouched.
	if _, ok := mustDefault(t).Organization("WAGNER"); !ok {
		t.Error("default lexicon changed")
	}
}

func TestLookups(t *testing.T) {
	l := mustDefault(t)
	if c, ok := l.Country("IRN"); !ok || c.Name != "Iran" || c.Capital != "Tehran" {
		t.Errorf("IRN: %+v", c)
	}
	if c, ok := l.Country("USA"); !ok || c.Capital != "Washington" {
		t.Errorf("USA: %+v", c)
	}
	if p, ok := l.Place("Kiev"); !ok || p.Code != "UKR" || p.Name != "Kyiv" || p.Kind != "capital" {
		t.Errorf("Kiev: %+v", p)
	}
	if p, ok := l.Place("Strait of Hormuz"); !ok || p.Code != "" || p.Kind != "water" {
		t.Errorf("Hormuz: %+v", p)
	}
	for in, want := range map[string]string{"Foreign Secretary": "foreign secretary", "spokeswoman": "spokesperson",
		"Secretary of State": "secretary of state", "defence minister": "defense minister", "Secretary-General": "secretary-general"} {
		if got, ok := l.Title(in); !ok || got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
	ms := l.Find("Turkish Defense Minister Hulusi Akar")
	if len(ms) != 2 || ms[1].Kind != KindTitle || ms[1].Title != "defense minister" {
		t.Errorf("title mention: %+v", ms)
	}
}

func TestOfficeHolders(t *testing.T) {
	l, err := Load(fstest.MapFS{"officeholders.tsv": {Data: []byte(
		"# test\nWilliam Hague\tHague\tGBR\tforeign secretary\t2010-05-12\t2014-07-14\n" +
			"Donald Trump\tTrump\tUSA\tpresident\t2017-01-20\t2021-01-20\n" +
			"Donald Trump\tTrump\tUSA\tpresident\t2025-01-20\t-\n" +
			"Hulusi Akar\t-\tTUR\tdefense minister\t2018-07-10\t2023-06-04\n")}})
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name string
		on   time.Time
		n    int
		code string
	}{
		{"Mr Hague", day("2014-06-16"), 1, "GBR"},
		{"William Hague", day("2014-06-16"), 1, "GBR"},
		{"hague", day("2014-07-14"), 1, "GBR"},
		{"Hague", day("2015-01-01"), 0, ""},
		{"Trump", day("2019-11-25"), 1, "USA"},
		{"Trump", day("2022-01-01"), 0, ""},
		{"Trump", day("2026-01-01"), 1, "USA"},
		{"Trump", time.Time{}, 2, "USA"},
		{"Akar", day("2019-11-25"), 1, "TUR"},
		{"Nobody", day("2019-11-25"), 0, ""},
	}
	for _, tc := range tests {
		got := l.OfficeHolders(tc.name, tc.on)
		if len(got) != tc.n || (tc.n > 0 && got[0].Code != tc.code) {
			t.Errorf("OfficeHolders(%q, %s) = %+v", tc.name, tc.on.Format("2006-01-02"), got)
		}
	}
}

func TestDefaultOfficeHoldersLoad(t *testing.T) {
	// The default file is maintained elsewhere; it must load (or be absent).
	l := mustDefault(t)
	t.Logf("%d office-holder terms in the embedded data", len(l.AllOfficeHolders()))
}

func TestConcurrentFind(t *testing.T) {
	l := mustDefault(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if len(l.Find("The U.S. and Iran met in Vienna.")) != 3 {
					t.Error("bad result")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestDevGoldCoverage checks that for every state code of a gold relation's
// source or target, the article text has a lexicon mention of that code.
func TestDevGoldCoverage(t *testing.T) {
	dir := testfiles.Path(t, "eval", "dev")
	golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if len(golds) == 0 {
		t.Skip("no dev gold")
	}
	l := mustDefault(t)
	total, found := 0, 0
	var misses []string
	for _, g := range golds {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var gold struct {
			Relations []struct{ Source, Target string }
		}
		if err := json.Unmarshal(b, &gold); err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(g), ".json")
		text, err := os.ReadFile(filepath.Join(dir, "articles", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, m := range l.Find(string(text)) {
			have[m.Code] = true
			for _, c := range m.Codes {
				have[c] = true
			}
		}
		want := map[string]bool{}
		for _, r := range gold.Relations {
			for _, c := range []string{r.Source, r.Target} {
				if isCountryCode(c) || l.orgs[c] != nil {
					want[c] = true
				}
			}
		}
		var codes []string
		for c := range want {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			total++
			if have[c] {
				found++
			} else {
				misses = append(misses, id+":"+c)
			}
		}
	}
	pct := 100 * float64(found) / float64(total)
	t.Logf("dev gold actor coverage: %d/%d (%.1f%%); misses: %v", found, total, pct, misses)
	if pct < 95 {
		t.Errorf("coverage %.1f%% below 95%%", pct)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	f, err := os.Open(testfiles.Path(b, "corpus", "voa", "voa_stories.jsonl"))
	if err != nil {
		b.Skip("VOA corpus absent")
	}
	defer f.Close()
	var texts []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var s struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, s.Title, s.Text)
		size += len(s.Title) + len(s.Text)
	}
	l, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			n += len(l.Find(s))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "mentions/op")
}

func TestDashIsNotHyphen(t *testing.T) {
	l := mustDefault(t)
	ms := l.Find("Ukraine - drones hit al-Qaeda and U.S.-led forces")
	if len(ms) < 3 || ms[0].Text != "Ukraine" || ms[1].Code != "AL_QAEDA" || ms[2].Code != "USA" {
		t.Errorf("got %+v", ms)
	}
}

// TestLoadIgnoresPatterns checks that a user directory may hold the
// extractor's patterns.txt beside lexicon files (extract.lexicon_dirs
// serves both).
func TestLoadIgnoresPatterns(t *testing.T) {
	dir := fstest.MapFS{
		"patterns.txt":  {Data: []byte("ACCUSED  v  snub  :: S V O\n")},
		"countries.txt": {Data: []byte("XKX\tstate\tKosovo\n")},
	}
	if _, err := Load(dir); err != nil {
		t.Fatalf("Load with a patterns.txt beside lexicon files: %v", err)
	}
}

// TestLoadErrorsNameDirectory checks that an error in a file of a user
// directory (os.DirFS, as extract.lexicon_dirs is read) names the file with
// its directory as given, and the line. User directories are read through
// Dir, as extract.lexicon_dirs is.
func TestLoadErrorsNameDirectory(t *testing.T) {
	tests := []struct{ name, file, body, want string }{
		{"columns", "countries.txt", "XXA\tstate\n", ":1: want 3 tab-separated columns"},
		{"unknown kind", "states.txt", "# c\nUSA\tcuntry\tX\n", `:2: unknown kind "cuntry"`},
		{"other txt file", "extra.txt", "\n\nQQQ\tadjective\tQuux\n", `:3: unknown code "QQQ"`},
		{"unmarked clash", "extra.txt", "GBR\tname\tAlbion\nFRA\tname\tAlbion\n", `:1: surface form "Albion"`},
		{"holders", "officeholders.tsv", "Jane Doe\t-\tUSA\tenvoy\t2020-13-01\t-\n", `:1: bad from date "2020-13-01"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "my-lexicon")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			want := "lexicon: " + filepath.Join(dir, tc.file) + tc.want
			_, err := Load(Dir(dir))
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("got error %v, want prefix %q", err, want)
			}
		})
	}
}

func TestDirName(t *testing.T) {
	tests := []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"Dir", Dir("some/dir"), "some/dir"},
		{"os.DirFS", os.DirFS("some/dir"), ""},
		{"map", fstest.MapFS{}, ""},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		if got := DirName(tt.fsys); got != tt.want {
			t.Errorf("%s: DirName = %q, want %q", tt.name, got, tt.want)
		}
	}
}
