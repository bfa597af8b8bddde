package segment

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/testfiles"
)

// testdataPath returns the path of testdata/elem... under the module root.
func testdataPath(t testing.TB, elem ...string) string { return testfiles.Path(t, elem...) }

// voaTexts returns the text of every VOA story.
func voaTexts(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(testdataPath(t, "corpus", "voa", "voa_stories.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return texts
}

// seedText returns the body (after the front matter) of a seed article.
func seedText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(testdataPath(t, "eval", "seeds", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.HasPrefix(s, "---\n") {
		if i := strings.Index(s[4:], "\n---\n"); i >= 0 {
			s = s[4+i+5:]
		}
	}
	return s
}

// checkSpans verifies the Sentences invariants and returns the sentences.
func checkSpans(t testing.TB, text string, spans []Span) []string {
	t.Helper()
	out := make([]string, 0, len(spans))
	prev := 0
	for k, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order, empty or out of bounds (prev end %d, len %d)", k, s, prev, len(text))
		}
		sent := text[s.Start:s.End]
		if strings.TrimSpace(sent) != sent {
			t.Fatalf("span %d %q not trimmed", k, sent)
		}
		if strings.ContainsAny(sent, "\n\r") {
			t.Fatalf("span %d %q contains a line break", k, sent)
		}
		out = append(out, sent)
		prev = s.End
	}
	return out
}

func sentences(t *testing.T, text string) []string {
	t.Helper()
	return checkSpans(t, text, Sentences(text))
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"simple", "Iran talks. Iraq replies! Who knows? Nobody.",
			[]string{"Iran talks.", "Iraq replies!", "Who knows?", "Nobody."}},
		{"U.S. mid-sentence", "U.S. officials said Monday that the U.S. military would help.",
			[]string{"U.S. officials said Monday that the U.S. military would help."}},
		{"U.S. at sentence end before a starter", "Iraq sent an envoy to the U.S. The next day he met Kerry.",
			[]string{"Iraq sent an envoy to the U.S.", "The next day he met Kerry."}},
		{"U.K. and U.N. before starters", "He flew to the U.K. But talks failed at the U.N. In Geneva, nothing moved.",
			[]string{"He flew to the U.K.", "But talks failed at the U.N.", "In Geneva, nothing moved."}},
		{"U.S. before a name does not split", "He returned to the U.S. Obama welcomed him.",
			[]string{"He returned to the U.S. Obama welcomed him."}},
		{"abbreviation before closing quote", "\"It is good for the U.S.\" Trump said. He was \"in the U.S.\" last year.",
			[]string{"\"It is good for the U.S.\"", "Trump said.", "He was \"in the U.S.\" last year."}},
		{"ellipsis before period", "It was thrown into doubt. \u2026 He left. Or not. ... Fine.",
			[]string{"It was thrown into doubt. \u2026", "He left.", "Or not. ... Fine."}},
		{"titles", "Mr. Kerry met Mrs. Clinton, Ms. Harf, Dr. Zarif and Gen. Dempsey. Lt. Col. Smith, Sen. McCain, Rep. Pelosi, Gov. Brown and Pres. Rouhani agreed.",
			[]string{"Mr. Kerry met Mrs. Clinton, Ms. Harf, Dr. Zarif and Gen. Dempsey.", "Lt. Col. Smith, Sen. McCain, Rep. Pelosi, Gov. Brown and Pres. Rouhani agreed."}},
		{"St. and months", "He visited St. Petersburg on Jan. 5 and Sept. 12, then left in Dec. The visit ended.",
			[]string{"He visited St. Petersburg on Jan. 5 and Sept. 12, then left in Dec.", "The visit ended."}},
		{"May is a word", "The talks ended in May. Iran left.",
			[]string{"The talks ended in May.", "Iran left."}},
		{"No. before a number", "Resolution No. 2231 passed. No. It did not.",
			[]string{"Resolution No. 2231 passed.", "No.", "It did not."}},
		{"vs. e.g. i.e.", "It was Iran vs. Iraq, e.g. The Gulf war, i.e. The first one.",
			[]string{"It was Iran vs. Iraq, e.g. The Gulf war, i.e. The first one."}},
		{"company suffixes", "Exxon Mobil Corp. and Apple Inc. signed. He works for Acme Inc. The firm is small.",
			[]string{"Exxon Mobil Corp. and Apple Inc. signed.", "He works for Acme Inc.", "The firm is small."}},
		{"Jr.", "Martin Luther King Jr. spoke. It was Martin Luther King Jr. He spoke.",
			[]string{"Martin Luther King Jr. spoke.", "It was Martin Luther King Jr.", "He spoke."}},
		{"initials", "George W. Bush and George H.W. Bush met John F. Kennedy Jr. at noon.",
			[]string{"George W. Bush and George H.W. Bush met John F. Kennedy Jr. at noon."}},
		{"initial at sentence end", "They chose Plan B. The others disagreed.",
			[]string{"They chose Plan B.", "The others disagreed."}},
		{"decimals and numbers", "Growth was 3.5 percent, or $1,000.5 million. In 2014, it fell 2.1 percent.",
			[]string{"Growth was 3.5 percent, or $1,000.5 million.", "In 2014, it fell 2.1 percent."}},
		{"year at sentence end", "The embassy closed in 2012. It reopened later.",
			[]string{"The embassy closed in 2012.", "It reopened later."}},
		{"ellipsis mid-sentence", "He said the deal ... could fail. Iran disagreed.",
			[]string{"He said the deal ... could fail.", "Iran disagreed."}},
		{"ellipsis before a name", "Talks will go on... Tehran hopes so.",
			[]string{"Talks will go on... Tehran hopes so."}},
		{"ellipsis before a starter", "Talks will go on... But not for long.",
			[]string{"Talks will go on...", "But not for long."}},
		{"unicode ellipsis", "Talks will go on\u2026 But not for long.",
			[]string{"Talks will go on\u2026", "But not for long."}},
		{"sentence-final quote", `"We will not negotiate," he said. "Never."`,
			[]string{`"We will not negotiate," he said.`, `"Never."`}},
		{"period inside quotes", `Harf confirmed "brief discussions." The talks continue.`,
			[]string{`Harf confirmed "brief discussions."`, "The talks continue."}},
		{"curly quotes", "Harf confirmed \u201cbrief discussions.\u201d The talks continue.",
			[]string{"Harf confirmed \u201cbrief discussions.\u201d", "The talks continue."}},
		{"question in quotes continues", `"Why now?" he asked. "Why not?" She laughed.`,
			[]string{`"Why now?" he asked.`, `"Why not?"`, "She laughed."}},
		{"exclamation", "Stop! Iran said no.", []string{"Stop!", "Iran said no."}},
		{"paragraph breaks", "First paragraph without period\nSecond one. Still second.\n\nThird.\r\nFourth",
			[]string{"First paragraph without period", "Second one.", "Still second.", "Third.", "Fourth"}},
		{"newline after abbreviation", "He moved to the U.S.\nObama welcomed him.",
			[]string{"He moved to the U.S.", "Obama welcomed him."}},
		{"dateline with agency", "BAGHDAD (Reuters) - Iraqi forces retook the town. Officials said so.",
			[]string{"BAGHDAD (Reuters) - Iraqi forces retook the town.", "Officials said so."}},
		{"dateline with em dash", "WASHINGTON \u2014 The United States said Monday it would talk to Iran.",
			[]string{"WASHINGTON \u2014 The United States said Monday it would talk to Iran."}},
		{"dateline with periods", "WASHINGTON, D.C. \u2014 Talks began. ST. PAUL, Minn. (AP) \u2014 Nothing happened.",
			[]string{"WASHINGTON, D.C. \u2014 Talks began.", "ST. PAUL, Minn. (AP) \u2014 Nothing happened."}},
		{"parenthesis after period", "It was taken by ISIL. (The group denies it.) Iraq fell.",
			[]string{"It was taken by ISIL.", "(The group denies it.)", "Iraq fell."}},
		{"period before parenthesis", "Jihadists of the Islamic State (ISIL). The group grew.",
			[]string{"Jihadists of the Islamic State (ISIL).", "The group grew."}},
		{"no space after period", "U.S.-led forces hit Iraq.Then they left.",
			[]string{"U.S.-led forces hit Iraq.Then they left."}},
		{"a.m. and p.m.", "The strike hit at 10 a.m. Monday. It ended at 3 p.m. The talks resumed.",
			[]string{"The strike hit at 10 a.m. Monday.", "It ended at 3 p.m.", "The talks resumed."}},
		{"lowercase after period", "He said no. and left.", []string{"He said no. and left."}},
		{"unicode spaces", "Iran\u00a0talks.\u00a0Iraq\u2009replies.\u3000",
			[]string{"Iran\u00a0talks.", "Iraq\u2009replies."}},
		{"line separators", "One\u2028Two\u2029Three\u0085Four",
			[]string{"One", "Two", "Three", "Four"}},
		{"empty and blank", " \n\t \r\n ", nil},
		{"only punctuation", "...", []string{"..."}},
		{"all-caps title", "GEN. DEMPSEY ARRIVES. THE TALKS BEGIN.",
			[]string{"GEN. DEMPSEY ARRIVES.", "THE TALKS BEGIN."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentences(t, tc.text)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestSentencesSeeds checks real sentences from the seed articles.
func TestSentencesSeeds(t *testing.T) {
	tests := []struct {
		file string
		want []string // consecutive sentences that must appear
	}{
		{"000.txt", []string{
			"The United States discussed the crisis in Iraq with Iran on the sidelines of nuclear talks in Vienna, U.S. officials said Monday, warning that no outside countries can fix the country's problems.",
			"Jihadists of the Islamic State of Iraq and the Levant (ISIL) have taken control of a swath of territory north of Baghdad in a drive towards the Iraqi capital launched a week ago, leading to growing fears that the country is sliding towards chaos.",
		}},
		{"000.txt", []string{
			`But she stressed: "No outside country can fix Iraq's problems.`,
			`We need Iraq's political leaders from across the spectrum to step up."`,
			"U.S. President Barack Obama meanwhile said about 275 US military personnel were being deployed to protect the American embassy in Baghdad.",
		}},
		{"003.txt", []string{
			"William Hague, the foreign secretary, spoke by phone to his Iranian counterpart Mohammad Javad Zarif at the weekend, he told MPs on Monday, on subjects that included Iraq.",
			"He is expected to make another statement on Iran on Tuesday, amid speculation that he will announce the reopening of Britain's Embassy in Tehran, which was stormed and looted in 2011.",
		}},
		{"003.txt", []string{
			"The admission that Iranian help might be needed to keep Iraq from disintegrating came as the competing factions within the country drew up defences along sectarian lines.",
			"The US remains committed to a united Iraqi state but many in the country see a partition between Sunni and Shia areas as inevitable, with the Kurds already having the makings of a de facto state in the north.",
		}},
	}
	for _, tc := range tests {
		text := seedText(t, tc.file)
		got := strings.Join(sentences(t, text), "\x00")
		if !strings.Contains(got, strings.Join(tc.want, "\x00")) {
			t.Errorf("%s: sentences %q not found consecutively", tc.file, tc.want)
		}
	}
}

// TestSentencesVOA checks the invariants over every VOA story and reports
// the number of sentences.
func TestSentencesVOA(t *testing.T) {
	total, bytes := 0, 0
	for i, text := range voaTexts(t) {
		norm, _ := Normalize(text)
		for v, s := range []string{text, norm} {
			sents := checkSpans(t, s, Sentences(s))
			// VOA stories average about 25 words per sentence; flag
			// anything implausible.
			words := len(strings.Fields(s))
			if len(sents) == 0 || words/len(sents) < 8 || words/len(sents) > 60 {
				t.Errorf("story %d: %d sentences for %d words", i, len(sents), words)
			}
			for _, sent := range sents {
				if len(sent) > 1500 {
					t.Errorf("story %d: implausibly long sentence %q", i, sent)
				}
			}
			if v == 0 {
				total += len(sents)
				bytes += len(s)
			}
		}
	}
	t.Logf("VOA: %d sentences in %d bytes", total, bytes)
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ASCII", "plain ASCII"},
		{"Iraq\u2019s \u201cbrief\u201d \u2018talks\u2019", `Iraq's "brief" 'talks'`},
		{"1990\u20131991 \u2014 war \u2212 5", "1990-1991 - war - 5"},
		{"a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"},
		{"co\u00adop\u200beration\ufeff", "cooperation"},
		{"wait\u2026", "wait..."},
		{"line\u2028break", "line\nbreak"},
		{"bad \xff byte \u2019", "bad \xff byte '"},
		{"caf\u00e9 \u00ab oui \u00bb", `café " oui "`},
	}
	for _, tc := range tests {
		got, offs := Normalize(tc.in)
		if got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
		checkOffsets(t, tc.in, got, offs)
	}
}

// checkOffsets verifies the OffsetMap invariants and that every ASCII
// byte of norm that was not produced by a replacement maps to the same
// byte of the original.
func checkOffsets(t testing.TB, orig, norm string, offs OffsetMap) {
	t.Helper()
	prev := -1
	for i := 0; i <= len(norm); i++ {
		o := offs.Orig(i)
		if o < 0 || o > len(orig) || o < prev {
			t.Fatalf("Orig(%d) = %d: out of range or decreasing (prev %d, len %d)", i, o, prev, len(orig))
		}
		if i < len(norm) && o < len(orig) && norm[i] < 0x80 && orig[o] < 0x80 && norm[i] != orig[o] {
			t.Fatalf("norm[%d]=%q maps to orig[%d]=%q", i, norm[i], o, orig[o])
		}
		prev = o
	}
	if offs.Orig(len(norm)) != len(orig) {
		t.Fatalf("Orig(len(norm)) = %d, want %d", offs.Orig(len(norm)), len(orig))
	}
}

func TestNormalizeOffsets(t *testing.T) {
	orig := "Iraq\u2019s \u201cbrief\u201d\u00ad talks \u2014 in\u200b Vienna\u2026 done"
	norm, offs := Normalize(orig)
	for _, w := range []string{"Iraq", "s", "brief", "talks", "in", "Vienna", "done"} {
		i := strings.Index(norm, w)
		o := offs.Orig(i)
		if !strings.HasPrefix(orig[o:], w) {
			t.Errorf("%q at norm %d maps to orig %d: %q", w, i, o, orig[o:])
		}
		e := offs.Orig(i + len(w))
		if orig[o:e] != w && strings.TrimRight(orig[o:e], "\u00ad\u200b") != w {
			t.Errorf("span of %q maps to %q", w, orig[o:e])
		}
	}
	if offs.Identity() {
		t.Error("map should not be the identity")
	}
	if got := offs.Orig(-5); got != 0 {
		t.Errorf("Orig(-5) = %d", got)
	}
	if got := offs.Orig(len(norm) + 10); got != len(orig) {
		t.Errorf("Orig(past end) = %d", got)
	}
}

func TestNormalizeNoAlloc(t *testing.T) {
	text := "U.S. officials said Monday that talks with Iran would continue."
	allocs := testing.AllocsPerRun(100, func() {
		norm, offs := Normalize(text)
		if norm != text || !offs.Identity() || offs.Orig(3) != 3 {
			t.Fatal("not identity")
		}
	})
	if allocs != 0 {
		t.Errorf("Normalize allocated %v times on unchanged text", allocs)
	}
}

func TestSentencesAllocs(t *testing.T) {
	text := strings.Repeat("U.S. officials said Monday that talks with Iran would continue. ", 20)
	buf := make([]Span, 0, 64)
	allocs := testing.AllocsPerRun(100, func() { buf = AppendSentences(buf[:0], text) })
	if allocs != 0 || len(buf) != 20 {
		t.Errorf("AppendSentences: %v allocs, %d sentences", allocs, len(buf))
	}
}

func tokenStrings(text string, s Span) []string {
	var out []string
	for _, tok := range Tokens(text, s) {
		out = append(out, text[tok.Start:tok.End])
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by "|"
	}{
		{"Iraq's problems.", "Iraq|'s|problems|."},
		{"Iraq\u2019s envoy", "Iraq|\u2019s|envoy"},
		{"U.S. officials said Monday.", "U.S.|officials|said|Monday|."},
		{"He flew to the U.S.", "He|flew|to|the|U.S."},
		{"George W. Bush met Mr. Kerry on Jan. 5.", "George|W.|Bush|met|Mr.|Kerry|on|Jan.|5|."},
		{"They chose Plan B.", "They|chose|Plan|B|."},
		{"It cost $3.5 billion, or 1,000.5 each.", "It|cost|$|3.5|billion|,|or|1,000.5|each|."},
		{"al-Sudani's S-400 and F-16 jets", "al-Sudani|'s|S-400|and|F-16|jets"},
		{"don't O'Brien Iraqis' views", "don't|O'Brien|Iraqis|'|views"},
		{`"No outside country," she said...`, `"|No|outside|country|,|"|she|said|...`},
		{"BAGHDAD (Reuters) -- Iraqi", "BAGHDAD|(|Reuters|)|--|Iraqi"},
		{"U.S.-led forces, e.g. Ph.D. holders at 10 a.m.", "U.S.|-|led|forces|,|e.g.|Ph.D.|holders|at|10|a.m."},
		{"Acme Inc. and Acme Inc.", "Acme|Inc.|and|Acme|Inc|."},
		{"\u201cTehran\u201d \u2014 Zarif\u2019s caf\u00e9", "\u201c|Tehran|\u201d|\u2014|Zarif|\u2019s|caf\u00e9"},
		{"5% of 20\u00a0km", "5|%|of|20|km"},
		{"bad\xffbyte", "bad|\xff|byte"},
	}
	for _, tc := range tests {
		got := strings.Join(tokenStrings(tc.in, Span{0, len(tc.in)}), "|")
		if got != tc.want {
			t.Errorf("Tokens(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
	// A sub-span only yields tokens inside it.
	text := "Skip this. Iraq's turn."
	if got := strings.Join(tokenStrings(text, Span{11, len(text)}), "|"); got != "Iraq|'s|turn|." {
		t.Errorf("sub-span tokens = %s", got)
	}
}

// TestConcurrent runs the splitter and tokenizer from many goroutines
// (meaningful under -race) and compares with a sequential run.
func TestConcurrent(t *testing.T) {
	texts := voaTexts(t)
	want := make([]int, len(texts))
	for i, text := range texts {
		norm, _ := Normalize(text)
		for _, s := range Sentences(norm) {
			want[i] += len(Tokens(norm, s))
		}
	}
	done := make(chan error, 8)
	for g := range 8 {
		go func() {
			for k := range texts {
				i := (k + g*11) % len(texts)
				norm, _ := Normalize(texts[i])
				n := 0
				for _, s := range Sentences(norm) {
					n += len(Tokens(norm, s))
				}
				if n != want[i] {
					done <- fmt.Errorf("story %d: %d tokens, want %d", i, n, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
