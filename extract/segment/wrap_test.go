package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// email72 is a paragraph wrapped at 72 columns, as a mail client does.
const email72 = `Iran and Iraq agreed on Tuesday to reopen three crossings on their
southern border, officials in both capitals said, ending a dispute that
had stranded hundreds of trucks and pilgrims on either side of the
frontier for most of the winter. The Turkish foreign ministry welcomed
the agreement and said Ankara was ready to help monitor the crossings if
the two governments asked it to.`

// email72Joined is email72 rejoined.
const email72Joined = `Iran and Iraq agreed on Tuesday to reopen three crossings on their ` +
	`southern border, officials in both capitals said, ending a dispute that ` +
	`had stranded hundreds of trucks and pilgrims on either side of the ` +
	`frontier for most of the winter. The Turkish foreign ministry welcomed ` +
	`the agreement and said Ankara was ready to help monitor the crossings if ` +
	`the two governments asked it to.`

func TestNormalizeUnwrap(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"e-mail at 72 columns", email72, email72Joined},
		{"paragraphs between blank lines", email72 + "\n\n" + email72, email72Joined + "\n\n" + email72Joined},
		{"CRLF and trailing blanks", strings.ReplaceAll(email72, "\n", "  \r\n"), email72Joined},
		{"one paragraph per line is left alone",
			"Iran and Iraq agree to reopen border crossings\n" +
				"BAGHDAD, March 3 - The foreign ministers of Iran and Iraq agreed on Tuesday to reopen three crossings on their southern border.\n" +
				"Officials in both capitals said the agreement ended a dispute that had stranded hundreds of trucks.\n" +
				"The Turkish foreign ministry welcomed the agreement.\n",
			"Iran and Iraq agree to reopen border crossings\n" +
				"BAGHDAD, March 3 - The foreign ministers of Iran and Iraq agreed on Tuesday to reopen three crossings on their southern border.\n" +
				"Officials in both capitals said the agreement ended a dispute that had stranded hundreds of trucks.\n" +
				"The Turkish foreign ministry welcomed the agreement.\n"},
		{"short paragraphs of similar width are left alone",
			"Iran and Iraq agreed on Tuesday to reopen their crossings.\n" +
				"Officials said the dispute had stranded hundreds of trucks.\n" +
				"Turkey welcomed the agreement between the two neighbours.\n" +
				"Kuwait said it would send a delegation to the ceremony.\n",
			"Iran and Iraq agreed on Tuesday to reopen their crossings.\n" +
				"Officials said the dispute had stranded hundreds of trucks.\n" +
				"Turkey welcomed the agreement between the two neighbours.\n" +
				"Kuwait said it would send a delegation to the ceremony.\n"},
		{"a list of headlines is left alone",
			"Iran and Iraq agree to reopen southern border crossings\n" +
				"Turkey offers to monitor Iraqi border with Iran\n" +
				"Kuwait welcomes deal between Baghdad and Tehran\n" +
				"Saudi Arabia declines comment on border agreement\n",
			"Iran and Iraq agree to reopen southern border crossings\n" +
				"Turkey offers to monitor Iraqi border with Iran\n" +
				"Kuwait welcomes deal between Baghdad and Tehran\n" +
				"Saudi Arabia declines comment on border agreement\n"},
		{"too few lines", "The foreign ministers of Iran and Iraq met\nin Baghdad on Tuesday.",
			"The foreign ministers of Iran and Iraq met\nin Baghdad on Tuesday."},
		{"short title and byline keep their lines",
			"Iran and Iraq reopen crossings\nBy a staff correspondent\n\n" + email72,
			"Iran and Iraq reopen crossings\nBy a staff correspondent\n\n" + email72Joined},
		{"headline block without punctuation keeps its lines",
			"Ministers from Iran and Iraq agree to reopen southern border crossings\nBy a staff correspondent\n\n" + email72,
			"Ministers from Iran and Iraq agree to reopen southern border crossings\nBy a staff correspondent\n\n" + email72Joined},
		{"headline before a dateline",
			"Iran and Iraq Sign Agreement to Reopen Their Southern Border Crossings\n" +
				"BAGHDAD, March 3 -- The foreign ministers of Iran and Iraq agreed on\n" +
				"Tuesday to reopen three crossings on their southern border, officials\n" +
				"in both capitals said, ending a dispute that had stranded hundreds of\n" +
				"trucks and pilgrims on either side.",
			"Iran and Iraq Sign Agreement to Reopen Their Southern Border Crossings\n" +
				"BAGHDAD, March 3 -- The foreign ministers of Iran and Iraq agreed on " +
				"Tuesday to reopen three crossings on their southern border, officials " +
				"in both capitals said, ending a dispute that had stranded hundreds of " +
				"trucks and pilgrims on either side."},
		{"indented paragraphs",
			"    Iran and Iraq agreed on Tuesday to reopen three crossings on\n" +
				"their southern border, officials in both capitals said, ending a\n" +
				"dispute that had stranded trucks.\n" +
				"    Turkey welcomed the agreement and said Ankara was ready to\n" +
				"help monitor the crossings if asked by the two governments.",
			"    Iran and Iraq agreed on Tuesday to reopen three crossings on " +
				"their southern border, officials in both capitals said, ending a " +
				"dispute that had stranded trucks.\n" +
				"    Turkey welcomed the agreement and said Ankara was ready to " +
				"help monitor the crossings if asked by the two governments."},
		{"list items and their continuation lines",
			email72 + "\n\nUnder the deal, the two governments will:\n" +
				"- reopen the Shalamcheh, Chazabeh and Mehran crossings within thirty\n" +
				"  days;\n" +
				"- exchange lists of detainees before the end of the month.\n" +
				"* set up a joint commission.\n" +
				"1. Meet again in May.\n" +
				"(b) Report to the council.",
			email72Joined + "\n\nUnder the deal, the two governments will:\n" +
				"- reopen the Shalamcheh, Chazabeh and Mehran crossings within thirty days;\n" +
				"- exchange lists of detainees before the end of the month.\n" +
				"* set up a joint commission.\n" +
				"1. Meet again in May.\n" +
				"(b) Report to the council."},
		{"headings and rules",
			"# Border talks\n" + email72 + "\n-----\n" + email72,
			"# Border talks\n" + email72Joined + "\n-----\n" + email72Joined},
		{"title before a capital at the end of a line",
			email72 + "\nThe commander of the Iranian border guards, Brig. Gen.\n" +
				"Hassan Karimi, will visit Baghdad next week, Iranian state media said.",
			email72Joined + "\nThe commander of the Iranian border guards, Brig. Gen. " +
				"Hassan Karimi, will visit Baghdad next week, Iranian state media said."},
		{"hyphenated compound and suspended hyphen",
			email72 + "\nA spokesman said the partners of the Baghdad government and the U.S.-\n" +
				"led coalition would watch the crossings, where trucks carrying 5- and\n" +
				"8-ton loads, and a few carrying 20- or 40-ton loads, will be allowed\n" +
				"through by Iraqi customs officers. Trucks with heavier loads, up to 10-\n" +
				"or 12-ton vehicles, will wait.",
			email72Joined + "\nA spokesman said the partners of the Baghdad government and the U.S.-" +
				"led coalition would watch the crossings, where trucks carrying 5- and " +
				"8-ton loads, and a few carrying 20- or 40-ton loads, will be allowed " +
				"through by Iraqi customs officers. Trucks with heavier loads, up to 10- " +
				"or 12-ton vehicles, will wait."},
		{"dash at the end of a line is not a hyphen",
			email72 + "\nThe agreement \u2014 the first since the clashes of 2021 \u2014 was welcomed\u2014\n" +
				"according to diplomats in Ankara\u2014by the Turkish foreign ministry.",
			email72Joined + "\nThe agreement - the first since the clashes of 2021 - was welcomed- " +
				"according to diplomats in Ankara-by the Turkish foreign ministry."},
		{"date at the start of a line is not a list item",
			email72 + "\nThe border was closed after clashes near the port of Basra on Feb.\n" +
				"13. Since then trucks have waited on both sides of the crossings.",
			email72Joined + "\nThe border was closed after clashes near the port of Basra on Feb. " +
				"13. Since then trucks have waited on both sides of the crossings."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, offs := Normalize(tc.in)
			if got != tc.want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkNormOffsets(t, tc.in, got, offs)
			checkWordsMapBack(t, tc.in, got, offs)
			if again, o2 := Normalize(got); again != got || !o2.Identity() {
				t.Errorf("Normalize not idempotent: %q -> %q", got, again)
			}
		})
	}
}

// checkNormOffsets is checkOffsets for text whose line breaks Normalize
// may have replaced by a space: a space of norm may map to any white
// space of the original.
func checkNormOffsets(t testing.TB, orig, norm string, offs OffsetMap) {
	t.Helper()
	prev := -1
	for i := 0; i <= len(norm); i++ {
		o := offs.Orig(i)
		if o < 0 || o > len(orig) || o < prev {
			t.Fatalf("Orig(%d) = %d: out of range or decreasing (prev %d, len %d)", i, o, prev, len(orig))
		}
		if i < len(norm) && o < len(orig) && norm[i] < 0x80 && orig[o] < 0x80 && norm[i] != orig[o] &&
			!(norm[i] == ' ' && strings.IndexByte(" \t\f\v\r\n", orig[o]) >= 0) {
			t.Fatalf("norm[%d]=%q maps to orig[%d]=%q", i, norm[i], o, orig[o])
		}
		prev = o
	}
	if offs.Orig(len(norm)) != len(orig) {
		t.Fatalf("Orig(len(norm)) = %d, want %d", offs.Orig(len(norm)), len(orig))
	}
}

// checkWordsMapBack checks that every word of norm maps back to a span of
// orig that is the word once folded and stripped of white space (the
// line break and indentation inside a hyphenated word).
func checkWordsMapBack(t testing.TB, orig, norm string, offs OffsetMap) {
	t.Helper()
	for i := 0; i < len(norm); {
		if norm[i] == ' ' || norm[i] == '\n' || norm[i] == '\r' || norm[i] == '\t' {
			i++
			continue
		}
		e := i
		for e < len(norm) && strings.IndexByte(" \n\r\t", norm[e]) < 0 {
			e++
		}
		span := orig[offs.Orig(i):offs.Orig(e)]
		folded, _ := fold(span)
		if got := strings.Join(strings.Fields(folded), ""); got != norm[i:e] {
			t.Fatalf("word %q at [%d,%d) maps back to %q", norm[i:e], i, e, span)
		}
		i = e
	}
}

// TestUnwrapTestdata checks the sentences of whole hard-wrapped articles
// in testdata against the .want files (one sentence a line).
func TestUnwrapTestdata(t *testing.T) {
	for _, name := range []string{"wrapped_article", "wrapped_release"} {
		t.Run(name, func(t *testing.T) {
			text := readTestdata(t, name+".txt")
			want := strings.Split(strings.TrimSpace(readTestdata(t, name+".want")), "\n")
			norm, offs := Normalize(text)
			checkNormOffsets(t, text, norm, offs)
			checkWordsMapBack(t, text, norm, offs)
			got := checkSpans(t, norm, Sentences(norm))
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("sentences of %s.txt:\n%s\nwant (%s.want):\n%s", name, strings.Join(got, "\n"), name, strings.Join(want, "\n"))
			}
			if again, _ := Normalize(norm); again != norm {
				t.Errorf("Normalize not idempotent on %s", name)
			}
		})
	}
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestUnwrapSentenceSpans checks that the sentences that carry relations
// in the wrapped articles map back to spans of the original text that
// cover all the lines they were wrapped over, from their first word to
// their last.
func TestUnwrapSentenceSpans(t *testing.T) {
	tests := []struct {
		file   string
		prefix string // of the sentence
		lines  int    // original lines it covers
	}{
		{"wrapped_article.txt", "BAGHDAD, March 3 -- The foreign ministers of Iran and Iraq agreed", 4},
		{"wrapped_article.txt", "Iraq's foreign minister met his Iranian counterpart", 4},
		{"wrapped_article.txt", "The agreement was welcomed by Kuwait and Turkey", 2},
		{"wrapped_article.txt", "The United States, which has criticized Iran", 2},
		{"wrapped_article.txt", "A State Department spokesman in Washington said the partners", 4},
		{"wrapped_article.txt", "Iran accused Saudi Arabia", 2},
		{"wrapped_article.txt", "Iran's border guards, whose commander since spring has been Brig. Gen.", 3},
		{"wrapped_release.txt", "ASTANA, 12 May -- The governments of Kazakhstan and Uzbekistan", 4},
		{"wrapped_release.txt", "The Minister of Foreign Affairs of Kazakhstan thanked", 4},
		{"wrapped_release.txt", "The European Union, which financed", 4},
	}
	for _, tc := range tests {
		text := readTestdata(t, tc.file)
		norm, offs := Normalize(text)
		found := false
		for _, s := range Sentences(norm) {
			sent := norm[s.Start:s.End]
			if !strings.HasPrefix(sent, tc.prefix) {
				continue
			}
			found = true
			a, b := offs.Orig(s.Start), offs.Orig(s.End)
			span := text[a:b]
			if n := strings.Count(span, "\n") + 1; n != tc.lines {
				t.Errorf("%s: sentence %q maps to %d lines of the original, want %d:\n%s", tc.file, tc.prefix, n, tc.lines, span)
			}
			words := strings.Fields(sent)
			if !strings.HasPrefix(span, words[0]) || !strings.HasSuffix(span, words[len(words)-1]) {
				t.Errorf("%s: sentence %q maps to %q", tc.file, sent, span)
			}
			if a > 0 && text[a-1] != '\n' && text[a-1] != ' ' || b < len(text) && strings.IndexByte(" \r\n", text[b]) < 0 {
				t.Errorf("%s: span of %q [%d,%d) cuts a word", tc.file, tc.prefix, a, b)
			}
		}
		if !found {
			t.Errorf("%s: no sentence starts with %q", tc.file, tc.prefix)
		}
	}
}

// TestUnwrapLeavesParagraphsAlone checks that Normalize keeps every line
// break of the VOA stories and seed articles, which have one paragraph
// per line.
func TestUnwrapLeavesParagraphsAlone(t *testing.T) {
	texts := voaTexts(t)
	for _, name := range []string{"000.txt", "003.txt", "004.txt"} {
		texts = append(texts, seedText(t, name))
	}
	for i, text := range texts {
		if _, ok := layout(text); ok {
			t.Errorf("text %d taken for hard-wrapped: %.200q", i, text)
		}
		folded, _ := fold(text)
		if norm, _ := Normalize(text); norm != folded {
			t.Errorf("text %d: lines joined", i)
		}
	}
}

// hardWrap wraps paragraph p greedily at width, breaking after a hyphen
// inside a word when the rest does not fit (as Python's textwrap does).
func hardWrap(p string, width int) []string {
	var lines []string
	cur := 0 // width of the last line
	var b strings.Builder
	add := func(chunk string, space bool) {
		n := len([]rune(chunk))
		if space && cur > 0 {
			n++
		}
		if cur > 0 && cur+n > width {
			lines = append(lines, b.String())
			b.Reset()
			cur, space = 0, false
			n = len([]rune(chunk))
		}
		if space && cur > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(chunk)
		cur += n
	}
	for _, w := range strings.Fields(p) {
		space := true
		for {
			// Break after a hyphen between letters.
			k := strings.IndexByte(w[1:], '-') + 1
			if k == 0 || k+1 >= len(w) || !isASCIILetter(w[k-1]) || !isASCIILetter(w[k+1]) {
				break
			}
			add(w[:k+1], space)
			w, space = w[k+1:], false
		}
		add(w, space)
	}
	if b.Len() > 0 {
		lines = append(lines, b.String())
	}
	return lines
}

// TestUnwrapRoundTrip hard-wraps the VOA stories at several widths, with
// paragraphs separated by blank lines or not, and checks that the
// sentences are those of the unwrapped stories.
func TestUnwrapRoundTrip(t *testing.T) {
	texts := voaTexts(t)
	want := make([][]string, len(texts))
	for i, text := range texts {
		want[i] = normalizedSentences(text)
	}
	for _, width := range []int{45, 72, 100} {
		for _, sep := range []string{"\n\n", "\n"} {
			bad := 0
			for i, text := range texts {
				var paras []string
				for _, p := range strings.Split(text, "\n") {
					if strings.TrimSpace(p) != "" {
						paras = append(paras, strings.Join(hardWrap(p, width), "\n"))
					}
				}
				wrapped := strings.Join(paras, sep)
				got := normalizedSentences(wrapped)
				if strings.Join(got, "\n") != strings.Join(want[i], "\n") {
					bad++
					if bad <= 3 {
						t.Errorf("width %d, paragraphs separated by %q: story %d splits differently", width, sep, i)
					}
				}
			}
			if bad > 0 {
				t.Errorf("width %d, paragraphs separated by %q: %d of %d stories split differently", width, sep, bad, len(texts))
			}
		}
	}
}

// normalizedSentences returns the sentences of Normalize(text), with
// white space runs as single spaces.
func normalizedSentences(text string) []string {
	norm, _ := Normalize(text)
	var out []string
	for _, s := range Sentences(norm) {
		out = append(out, strings.Join(strings.Fields(norm[s.Start:s.End]), " "))
	}
	return out
}

func TestComposeDeletions(t *testing.T) {
	// Curly quotes, a removed soft hyphen and an ellipsis before and
	// after words broken after a hyphen, over indented CRLF lines.
	para := "\u201cThe Iraqi\u00ad minister said that the partners of the Baghdad government and the U.S.-\r\n" +
		"   led coalition\u2026 would watch the al-Sudani government\u2019s checks at the cross-\r\n" +
		"   border points closely\u201d, officials said on Tuesday in a statement that the al-\r\n" +
		"   Sudani government welcomed, and that the Kuwaiti and Saudi ministries did not\r\n" +
		"   comment on.\r\n"
	text := para + "\r\n" + para
	norm, offs := Normalize(text)
	if !strings.Contains(norm, "U.S.-led coalition... would") || !strings.Contains(norm, "cross-border") ||
		!strings.Contains(norm, "the al-Sudani government welcomed") {
		t.Fatalf("hyphenated words not joined: %q", norm)
	}
	checkNormOffsets(t, text, norm, offs)
	checkWordsMapBack(t, text, norm, offs)
}

func BenchmarkNormalizeWrapped(b *testing.B) {
	var sb strings.Builder
	for _, text := range voaTexts(b) {
		for _, p := range strings.Split(text, "\n") {
			sb.WriteString(strings.Join(hardWrap(p, 72), "\n"))
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Normalize(text)
	}
}

// TestUnwrapNoAlloc checks that Normalize does not allocate on text with
// one paragraph per line that needs no change.
func TestUnwrapNoAlloc(t *testing.T) {
	text := "Iran and Iraq agree to reopen border crossings\n" +
		"BAGHDAD, March 3 - The foreign ministers of Iran and Iraq agreed on Tuesday to reopen three crossings.\n" +
		"Officials in both capitals said the agreement ended a dispute that had\n" +
		"stranded hundreds of trucks.\n"
	allocs := testing.AllocsPerRun(100, func() {
		if norm, offs := Normalize(text); norm != text || !offs.Identity() {
			t.Fatal("text changed")
		}
	})
	if allocs != 0 {
		t.Errorf("Normalize allocated %v times", allocs)
	}
}
