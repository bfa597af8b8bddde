package extract

import (
	"strings"
	"testing"
	"time"
)

// triggerAt returns the index of the first token of toks spelled w.
func triggerAt(t *testing.T, toks []tok, w string) int {
	t.Helper()
	for i, tk := range toks {
		if tk.w == w {
			return i
		}
	}
	t.Fatalf("no trigger %q", w)
	return -1
}

func TestResolveDate(t *testing.T) {
	cases := []struct {
		name, pub, text, trigger string
		date, prec               string
		bg                       bool
	}{
		// explicit dates
		{"month day", "2014-06-16", "They met on March 3.", "met", "2014-03-03", "day", false},
		{"month day year", "2014-06-16", "They met on March 3, 2021.", "met", "2021-03-03", "day", false},
		{"day month", "2014-06-16", "They met on 3 March.", "met", "2014-03-03", "day", false},
		{"ordinal of month", "2014-07-10", "They met on the fourth of July.", "met", "2014-07-04", "day", false},
		{"month the ordinal", "2014-04-08", "He is visiting China from April the 4th.", "visiting", "2014-04-04", "day", false},
		{"month ordinal word", "2002-12-30", "They met on December eighth.", "met", "2002-12-08", "day", false},
		{"abbreviation", "2014-06-16", "They met on Sept. 3, 2011.", "met", "2011-09-03", "day", true},
		{"month year", "2020-06-16", "They met in March 2019.", "met", "2019-03", "month", true},
		{"month of this year", "2014-06-16", "They met in January of this year.", "met", "2014-01", "month", false},
		{"month last year", "2014-06-16", "They met in May of last year.", "met", "2013-05", "month", true},
		{"month past", "2014-06-16", "They met in September.", "met", "2013-09", "month", false},
		{"month this year", "2014-06-16", "They met in March.", "met", "2014-03", "month", false},
		{"last month name", "2009-05-11", "They severed ties last May.", "severed", "2008-05", "month", false},
		{"year", "2014-06-16", "They met in 2011.", "met", "2011", "year", true},
		{"background year", "2002-12-30", "Iran broke off ties with the US in 1979.", "broke", "1979", "year", true},
		{"year modifier", "2002-12-30", "The talks led to a 1994 agreement.", "agreement", "1994", "year", true},
		{"mid year", "2020-06-16", "They met in mid-2019.", "met", "2019", "year", true},
		{"decade", "2014-06-16", "They fought in the 1990s.", "fought", "1990", "year", true},
		{"no date", "2014-06-16", "They met.", "met", "2014-06-16", "day", false},

		// relative to the published date (2014-06-16 is a Monday)
		{"weekday today", "2014-06-16", "They met on Monday.", "met", "2014-06-16", "day", false},
		{"weekday past", "2014-06-16", "They met Saturday.", "met", "2014-06-14", "day", false},
		{"last weekday", "2014-06-16", "They met last Monday.", "met", "2014-06-09", "day", false},
		{"yesterday", "2014-06-16", "They met yesterday.", "met", "2014-06-15", "day", false},
		{"last night", "2014-06-16", "They met last night.", "met", "2014-06-15", "day", false},
		{"this morning", "2014-06-16", "They met this morning.", "met", "2014-06-16", "day", false},
		{"weekend", "2014-06-16", "They met at the weekend.", "met", "2014-06-14", "week", false},
		{"last week", "2014-06-16", "They met last week.", "met", "2014-06-09", "week", false},
		{"this week", "2014-06-18", "They met earlier this week.", "met", "2014-06-18", "week", false},
		{"last month", "2014-06-16", "They met last month.", "met", "2014-05", "month", false},
		{"earlier this month", "2014-06-16", "They met earlier this month.", "met", "2014-06", "month", false},
		{"last year", "2014-06-16", "They met last year.", "met", "2013", "year", true},
		{"years ago", "2000-07-03", "Eritrea seized territory two years ago.", "seized", "1998", "year", true},
		{"months ago", "2006-10-25", "They signed a peace agreement four months ago.", "signed", "2006-06", "month", false},
		{"days ago", "2014-06-16", "They met 3 days ago.", "met", "2014-06-13", "day", false},

		// the future is resolved forward
		{"will weekday", "2014-06-16", "They will meet on Wednesday.", "meet", "2014-06-18", "day", false},
		{"next week", "2014-06-16", "They will meet next week.", "meet", "2014-06-23", "week", false},
		{"next weekday", "2014-06-16", "They meet next Monday.", "meet", "2014-06-23", "day", false},
		{"will month day", "2025-03-10", "They will meet on April 2.", "meet", "2025-04-02", "day", false},
		{"due month", "2019-11-25", "Putin is due to meet Erdogan in January.", "meet", "2020-01", "month", false},
		{"deadline", "2025-03-09", "Trump delayed the tariffs until April 2.", "delayed", "2025-04-02", "day", false},
		{"past deadline", "2025-06-09", "They had to leave by March 5.", "leave", "2025-03-05", "day", false},
		{"reported future", "2003-04-11", "Pyongyang said it would pull out of the treaty on January 10.", "pull", "2003-01-10", "day", false},
		{"hopes", "2025-03-10", "The US hopes to resolve it during talks Tuesday.", "talks", "2025-03-11", "day", false},

		// the date of the trigger's clause
		{"nearest", "2014-06-16", "Iran met Iraq on Monday and attacked Syria on Friday.", "attacked", "2014-06-13", "day", false},
		{"nearest before", "2014-06-16", "Iran met Iraq on Monday and attacked Syria on Friday.", "met", "2014-06-16", "day", false},
		{"fronted", "2014-06-16", "On Saturday, Iran and Iraq signed a deal.", "signed", "2014-06-14", "day", false},
		{"reporting clause", "2020-10-09", "Armenia and Azerbaijan have agreed to talks, the ministry said Thursday.", "agreed", "2020-10-08", "day", false},
		{"later clause", "2025-03-09", "Trump imposed tariffs on Canada, then delayed them until April 2.", "imposed", "2025-03-09", "day", false},
		{"relative clause", "2002-06-04", "Rumsfeld will visit crews who patrolled U.S. skies after Sept. 11.", "visit", "2002-06-04", "day", false},
		{"since clause", "2008-05-21", "They are the first talks since negotiations broke down in 2000.", "talks", "2008-05-21", "day", false},
		{"inside since clause", "2008-05-21", "They are the first talks since negotiations broke down in 2000.", "negotiations", "2000", "year", true},
		{"after clause", "2003-04-11", "Pyongyang quit the treaty on January 10, weeks after expelling monitors.", "expelling", "2003-04-11", "day", false},
		{"gerund clause", "2025-03-13", "Fu blamed the US for wrecking the deal by withdrawing in 2017.", "blamed", "2025-03-13", "day", false},
		{"when clause", "2004-10-14", "Syria has had troops there since 1976, when it was asked by Beirut to intervene.", "asked", "1976", "year", true},
		{"planned after trigger", "2011-07-26", "They have met in Delhi to prepare for talks set for Wednesday.", "met", "2011-07-26", "day", false},
		{"planned trigger", "2025-03-12", "Misri said Saturday that Modi will visit the Maldives.", "visit", "2025-03-12", "day", false},

		// "May" the verb
		{"may verb", "2014-06-16", "Iran may attack Iraq.", "attack", "2014-06-16", "day", false},
		{"may month", "2014-06-16", "Iran attacked Iraq in May.", "attacked", "2014-05", "month", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pub, err := time.Parse("2006-01-02", c.pub)
			if err != nil {
				t.Fatal(err)
			}
			toks := tokensOf(c.text)
			i := triggerAt(t, toks, c.trigger)
			date, prec, bg := resolveDate(toks, pub, i, i+1)
			if date != c.date || prec != c.prec || bg != c.bg {
				t.Errorf("%q (trigger %q, published %s): got %s %s background=%v, want %s %s background=%v",
					c.text, c.trigger, c.pub, date, prec, bg, c.date, c.prec, c.bg)
			}
		})
	}
}

func TestResolveDateWithoutPublished(t *testing.T) {
	cases := []struct{ text, date, prec string }{
		{"They met in 1979.", "1979", "year"},
		{"They met on March 3, 2021.", "2021-03-03", "day"},
		{"They met on Monday.", "", "unknown"},
		{"They met in March.", "", "unknown"},
		{"They met.", "", "unknown"},
	}
	for _, c := range cases {
		toks := tokensOf(c.text)
		date, prec, bg := resolveDate(toks, time.Time{}, 1, 2)
		if date != c.date || prec != c.prec || bg {
			t.Errorf("%q: got %q %q %v, want %q %q false", c.text, date, prec, bg, c.date, c.prec)
		}
	}
}

func TestLeadDate(t *testing.T) {
	cases := []struct {
		name, pub, text, typ, date string
	}{
		{"next paragraph", "2003-04-24",
			"Venezuela and Colombia have agreed to strengthen security.\nThe two presidents made the pledge Wednesday in Puerto Ordaz.",
			"AGREED_WITH", "2003-04-23"},
		{"rest of first paragraph", "2008-03-04",
			"Ecuador has cut all diplomatic ties with Colombia. Correa explained the decision in a speech late Monday.",
			"SANCTIONED", "2008-03-03"},
		{"lead has its own date", "2003-04-24",
			"Venezuela and Colombia agreed on Tuesday to strengthen security.\nThe two presidents met Wednesday.",
			"AGREED_WITH", "2003-04-22"},
		{"too old", "2003-04-24",
			"Venezuela and Colombia have agreed to strengthen security.\nThe two presidents made the pledge on April 2.",
			"AGREED_WITH", "2003-04-24"},
		{"not past the second paragraph", "2003-04-24",
			"Venezuela and Colombia have agreed to strengthen security.\nThe pledge is new.\nThey met Wednesday.",
			"AGREED_WITH", "2003-04-24"},
		{"not for later sentences", "2003-04-24",
			"Nothing happened.\nVenezuela and Colombia have agreed to strengthen security.\nThe two presidents made the pledge Wednesday.",
			"AGREED_WITH", "2003-04-24"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := extractText(t, c.text, c.pub)
			var got []string
			for _, rel := range r.Relations {
				if rel.Type == c.typ {
					got = append(got, rel.Date)
				}
			}
			if len(got) != 1 || got[0] != c.date {
				t.Errorf("%s dates %v, want [%s]", c.typ, got, c.date)
			}
		})
	}
}

func TestRelationBackground(t *testing.T) {
	r := extractText(t, "Iran broke off diplomatic ties with the United States in 1979.", "2014-06-16")
	if len(r.Relations) == 0 {
		t.Fatal("no relation")
	}
	for _, rel := range r.Relations {
		if rel.Date != "1979" || rel.DatePrecision != PrecYear || !rel.Background {
			t.Errorf("%s: date %s %s background=%v, want 1979 year background", rel.Type, rel.Date, rel.DatePrecision, rel.Background)
		}
	}
}

func TestDateWordsData(t *testing.T) {
	dw, err := parseDateWords(datesData)
	if err != nil {
		t.Fatal(err)
	}
	if len(dw.months) < 12 || len(dw.weekdays) != 7 {
		t.Errorf("months %d, weekdays %d", len(dw.months), len(dw.weekdays))
	}
	for _, cls := range dateWordSets {
		if len(dw.sets[cls]) == 0 {
			t.Errorf("class %s has no words", cls)
		}
	}
}

func TestParseDateWordsErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"month 13 foo\n", "dates.txt:1: month 13 out of range"},
		{"\nweekday x monday\n", "dates.txt:2: weekday: value \"x\" is not a number"},
		{"unit fortnight fortnights\n", "dates.txt:1: unknown unit"},
		{"colour 1 red\n", "dates.txt:1: unknown class"},
		{"colour red\n", "dates.txt:1: unknown class"},
		{"future\n", "dates.txt:1: future: no words"},
		{"month 1\n", "dates.txt:1: month: want a value and words"},
	}
	for _, c := range cases {
		_, err := parseDateWords(c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
		}
	}
}
