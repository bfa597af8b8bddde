package extract

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/diplograph/diplograph/extract/segment"
)

// Dates of relations.
//
// A relation is dated by the date expression that belongs to its trigger:
// the nearest one in the trigger's clause (on a tie the one after it),
// else one of a main clause before it ("On Monday, ...") or of a reporting
// clause ("..., the ministry said Friday"). A date inside a relative or
// subordinate clause the trigger is not in ("... since fighting erupted
// Sept. 27", "crews who patrolled U.S. skies after Sept. 11", "for
// disrupting the deal by withdrawing in 2017") belongs to that clause's
// event, and so does a date that a future cue after the trigger hands to a
// planned event ("have met ... to prepare talks set for Wednesday"). An
// event in a clause of "after", "since" ..., or a planned one, takes no
// date from outside its own clause. An undated article lead takes the day
// that the sentences after it give (see leadDate); any other undated event
// the published date.
//
// Expressions without a year, and those relative to the published date,
// are resolved backward (the most recent such day, month or weekday on or
// before the published date) unless a future cue of their clause precedes
// them ("will meet on April 2", "is due to meet in January"): then
// forward. After "would" and for deadlines ("until April 2", "by March")
// the nearest occurrence counts. The modifiers "last", "next" and "this"
// fix the direction themselves. A date whose period ended more than a
// year before the published date, or a year before the published one,
// is background history. A decade ("in the 1990s") is given as its first
// year at year precision. The word lists are in data/dates.txt.

//go:embed data/dates.txt
var datesData string

// dateWords are the word lists of data/dates.txt.
type dateWords struct {
	months   map[string]time.Month
	weekdays map[string]time.Weekday
	numbers  map[string]int    // cardinal words: "two years ago"
	ordinals map[string]int    // ordinal words: "December eighth"
	units    map[string]string // word -> day, week, month or year
	relDays  map[string]int    // "yesterday" -> -1
	// sets holds the plain word classes (dateWordSets).
	sets map[string]map[string]bool
}

// dateWordSets are the classes of data/dates.txt that are plain word sets.
var dateWordSets = []string{"daypart", "past", "next", "current", "approx", "prep", "future", "reported",
	"deadline", "yearprep", "opener", "sequence", "gerundprep", "reporting", "boundary"}

// has reports whether w is in the word set cls.
func (dw *dateWords) has(cls, w string) bool { return dw.sets[cls][w] }

// parseDateWords reads the format of data/dates.txt.
func parseDateWords(text string) (*dateWords, error) {
	dw := &dateWords{
		months: map[string]time.Month{}, weekdays: map[string]time.Weekday{}, numbers: map[string]int{},
		ordinals: map[string]int{}, units: map[string]string{}, relDays: map[string]int{},
		sets: map[string]map[string]bool{},
	}
	for _, s := range dateWordSets {
		dw.sets[s] = map[string]bool{}
	}
	for n, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		cls, words := f[0], f[1:]
		if set, ok := dw.sets[cls]; ok {
			if len(words) == 0 {
				return nil, fmt.Errorf("dates.txt:%d: %s: no words", n+1, cls)
			}
			for _, w := range words {
				set[w] = true
			}
			continue
		}
		switch cls {
		case "unit", "month", "weekday", "number", "ordinal", "relday":
		default:
			return nil, fmt.Errorf("dates.txt:%d: unknown class %q", n+1, cls)
		}
		if len(words) < 2 {
			return nil, fmt.Errorf("dates.txt:%d: %s: want a value and words", n+1, cls)
		}
		val, words := words[0], words[1:]
		if cls == "unit" {
			if val != "day" && val != "week" && val != "month" && val != "year" {
				return nil, fmt.Errorf("dates.txt:%d: unknown unit %q", n+1, val)
			}
			for _, w := range words {
				dw.units[w] = val
			}
			continue
		}
		v, err := strconv.Atoi(val)
		if err != nil {
			return nil, fmt.Errorf("dates.txt:%d: %s: value %q is not a number", n+1, cls, val)
		}
		for _, w := range words {
			switch cls {
			case "month":
				if v < 1 || v > 12 {
					return nil, fmt.Errorf("dates.txt:%d: month %d out of range", n+1, v)
				}
				dw.months[w] = time.Month(v)
			case "weekday":
				if v < 0 || v > 6 {
					return nil, fmt.Errorf("dates.txt:%d: weekday %d out of range", n+1, v)
				}
				dw.weekdays[w] = time.Weekday(v)
			case "number":
				dw.numbers[w] = v
			case "ordinal":
				dw.ordinals[w] = v
			case "relday":
				dw.relDays[w] = v
			}
		}
	}
	return dw, nil
}

// dateLex returns the embedded word lists. The data is part of the binary
// and checked by the tests, so an error is a programming error.
var dateLex = sync.OnceValue(func() *dateWords {
	dw, err := parseDateWords(datesData)
	if err != nil {
		panic("extract: " + err.Error())
	}
	return dw
})

// dateKind says how a date expression is resolved.
type dateKind uint8

const (
	dkExact    dateKind = iota // year, month and maybe day given
	dkMonthDay                 // "March 3": the year from the published date
	dkMonth                    // "in March"
	dkWeekday                  // "on Monday"
	dkOffset                   // n units from the published date: "yesterday", "last week", "two years ago"
	dkWeekend                  // "at the weekend"
	dkDecade                   // "in the 1990s"
)

// Directions in which an expression is resolved from the published date.
const (
	dirPast    = -1 // on or before
	dirFuture  = 1  // on or after
	dirNearest = 2  // whichever occurrence is nearest
)

// dateExpr is a date expression of a sentence, not yet resolved.
type dateExpr struct {
	i0, i1 int    // tokens [i0, i1), i0 at the introducing word if any
	core   int    // the first token of the date itself
	lead   string // the preposition or modifier before the date, lower case
	kind   dateKind
	year   int
	month  time.Month
	day    int
	wd     time.Weekday
	n      int    // dkOffset: how many units
	unit   string // dkOffset: day, week, month or year
	prec   string
	dir    int  // fixed by a modifier ("last", "next"), else 0
	strict bool // "last Monday", "next May": not the current one
	// relYear: the year is the published year plus yearOff ("January of
	// this year", "May of last year").
	relYear bool
	yearOff int
}

// findDates returns the date expressions of toks in order.
func findDates(toks []tok) []dateExpr {
	dw := dateLex()
	var out []dateExpr
	for i := 0; i < len(toks); {
		e, ok := matchDate(dw, toks, i)
		if !ok {
			i++
			continue
		}
		if e.i0 == e.core && e.i0 > 0 && dw.has("prep", toks[e.i0-1].w) {
			e.i0--
			e.lead = toks[e.i0].w
		}
		if len(out) > 0 && e.i0 < out[len(out)-1].i1 {
			e.i0 = out[len(out)-1].i1
		}
		out = append(out, e)
		i = e.i1
	}
	return out
}

// word returns the lower-case word at i, or "" past the end.
func word(toks []tok, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].w
}

// dayNumber reads a day of the month at i ("3", "3rd", "third").
func dayNumber(dw *dateWords, toks []tok, i int) (int, bool) {
	w := word(toks, i)
	if n, ok := dw.ordinals[w]; ok {
		return n, true
	}
	if s := trimOrdinal(w); isNum(s) && len(s) <= 2 {
		n, _ := strconv.Atoi(s)
		return n, n >= 1 && n <= 31
	}
	// "twenty-first"
	if a, b, ok := strings.Cut(w, "-"); ok && (a == "twenty" || a == "thirty") {
		if n, ok := dw.ordinals[b]; ok && n < 10 {
			if a == "twenty" {
				return 20 + n, true
			}
			return 30 + n, n == 1
		}
	}
	return 0, false
}

// yearAt reads a four-digit year between 1900 and 2100 at i.
func yearAt(toks []tok, i int) (int, bool) { return yearOf(word(toks, i)) }

// matchDate recognizes a date expression starting at token i.
func matchDate(dw *dateWords, toks []tok, i int) (dateExpr, bool) {
	w := toks[i].w
	mid := false
	if rest, ok := strings.CutPrefix(w, "mid-"); ok {
		w, mid = rest, true
	}
	e := dateExpr{i0: i, core: i, i1: i + 1}
	next := word(toks, i+1)

	// modifiers: "last week", "next Monday", "earlier this month", "last May"
	modDir := 0
	j := i
	switch {
	case dw.has("past", w):
		modDir = dirPast
	case dw.has("next", w):
		modDir = dirFuture
	case w == "this":
		modDir = dirNearest
	case dw.has("current", w) && next == "this": // "earlier this month"
		modDir = dirNearest
		j++
	}
	if modDir != 0 && !mid {
		m := word(toks, j+1)
		e.i1 = j + 2
		e.lead = w
		switch {
		case m == "week" || m == "month" || m == "year":
			e.kind, e.unit, e.prec = dkOffset, m, m
			if modDir == dirPast {
				e.n = -1
			} else if modDir == dirFuture {
				e.n = 1
			}
			if m == "week" {
				e.prec = PrecWeek
			}
			return e, true
		case m == "weekend":
			e.kind, e.prec, e.dir = dkWeekend, PrecWeek, modDir
			if modDir == dirNearest {
				e.dir = 0
			}
			return e, true
		case m == "night" && modDir == dirPast:
			e.kind, e.unit, e.n, e.prec = dkOffset, "day", -1, PrecDay
			return e, true
		case dw.has("daypart", m) && w == "this":
			e.kind, e.unit, e.n, e.prec = dkOffset, "day", 0, PrecDay
			return e, true
		}
		if j+1 < len(toks) && toks[j+1].up {
			if wd, ok := dw.weekdays[m]; ok {
				e.kind, e.wd, e.prec, e.dir, e.strict = dkWeekday, wd, PrecDay, modDir, modDir != dirNearest
				return e, true
			}
			if mo, ok := dw.months[m]; ok {
				e.kind, e.month, e.prec, e.dir, e.strict = dkMonth, mo, PrecMonth, modDir, modDir != dirNearest
				return e, true
			}
		}
		e.i1 = i + 1
		e.lead = ""
	}

	// "today", "yesterday"
	if n, ok := dw.relDays[w]; ok {
		e.kind, e.unit, e.n, e.prec = dkOffset, "day", n, PrecDay
		return e, true
	}
	// "two years ago"
	if n, ok := dw.numbers[w]; ok || isNum(w) {
		if !ok {
			n, _ = strconv.Atoi(w)
		}
		if u, ok := dw.units[next]; ok && word(toks, i+2) == "ago" && n > 0 && n < 100 {
			e.kind, e.unit, e.n, e.i1 = dkOffset, u, -n, i+3
			e.prec = u
			if u == "week" {
				e.prec = PrecWeek
			}
			return e, true
		}
	}
	// "at the weekend", "over the weekend"
	if w == "weekend" && word(toks, i-1) == "the" {
		e.kind, e.prec, e.i0 = dkWeekend, PrecWeek, i-1
		e.core = i - 1
		return e, true
	}
	// "Monday"
	if wd, ok := dw.weekdays[w]; ok && toks[i].up {
		e.kind, e.wd, e.prec = dkWeekday, wd, PrecDay
		return e, true
	}
	// "March 3, 2021", "3 March", "in March 2019", "April the 4th"
	if m, ok := dw.months[w]; ok && toks[i].up {
		return matchMonth(dw, toks, i, m, mid)
	}
	// "in 1979", "the 1994 agreement", "mid-2019"
	if y, ok := yearOf(w); ok && (mid || dw.has("yearprep", word(toks, i-1))) {
		e.kind, e.year, e.prec = dkExact, y, PrecYear
		return e, true
	}
	// "the 1990s"
	if s, ok := strings.CutSuffix(w, "s"); ok && strings.HasSuffix(s, "0") && dw.has("yearprep", word(toks, i-1)) {
		if y, ok := yearOf(s); ok {
			e.kind, e.year, e.prec = dkDecade, y, PrecYear
			return e, true
		}
	}
	return e, false
}

// matchMonth reads the day and year around the month name at i.
func matchMonth(dw *dateWords, toks []tok, i int, m time.Month, mid bool) (dateExpr, bool) {
	e := dateExpr{i0: i, core: i, i1: i + 1, month: m, kind: dkMonth, prec: PrecMonth}
	prev := word(toks, i-1)
	// "May" is mostly the verb: a date only with a day or year, or after
	// a preposition or modifier.
	if m == 5 && !mid {
		_, dayAfter := dayNumber(dw, toks, i+1)
		_, yearAfter := yearAt(toks, i+1)
		if !dayAfter && !yearAfter && !dw.has("prep", prev) && !dw.has("past", prev) && !dw.has("next", prev) &&
			!dw.has("approx", prev) && prev != "this" {
			return e, false
		}
	}
	j := i + 1
	if d, ok := dayNumber(dw, toks, j); ok {
		e.day, j = d, j+1
	} else if word(toks, j) == "the" {
		if d, ok := dayNumber(dw, toks, j+1); ok {
			e.day, j = d, j+2
		}
	}
	if e.day == 0 && !mid {
		// "3 March", "3rd March", "the fourth of July"
		if word(toks, i-1) == "of" {
			if d, ok := dayNumber(dw, toks, i-2); ok {
				e.day, e.i0, e.core = d, i-2, i-2
			}
		} else if d, ok := dayNumber(dw, toks, i-1); ok && dw.ordinals[prev] == 0 {
			e.day, e.i0, e.core = d, i-1, i-1
		}
	}
	k := j
	if word(toks, k) == "," && e.day > 0 {
		k++
	}
	of := word(toks, k) == "of"
	if of {
		k++
	}
	if y, ok := yearAt(toks, k); ok {
		e.year, j = y, k+1
	} else if of && word(toks, k+1) == "year" {
		// "January of this year", "May of last year"
		switch m := word(toks, k); {
		case m == "this":
			e.relYear, j = true, k+2
		case dw.has("past", m):
			e.relYear, e.yearOff, j = true, -1, k+2
		case dw.has("next", m):
			e.relYear, e.yearOff, j = true, 1, k+2
		}
	}
	e.i1 = j
	if e.day > 0 {
		e.prec = PrecDay
		e.kind = dkMonthDay
	}
	if e.year > 0 {
		e.kind = dkExact
	}
	return e, true
}

// yearOf reads a four-digit year between 1900 and 2100.
func yearOf(w string) (int, bool) {
	if len(w) != 4 || !isNum(w) {
		return 0, false
	}
	y, _ := strconv.Atoi(w)
	return y, y >= 1900 && y <= 2100
}

// resolve turns e into a date string and precision given the published
// date and a direction; ok is false when e cannot be resolved (no
// published date for a relative expression). end is the last day of the
// period the date names, for the background test.
func (e dateExpr) resolve(pub time.Time, dir int) (date, prec string, start, end time.Time, ok bool) {
	if e.dir != 0 {
		dir = e.dir
	}
	if dir == 0 {
		dir = dirPast
	}
	utc := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	has := !pub.IsZero()
	if has {
		pub = utc(pub.Year(), pub.Month(), pub.Day())
	}
	switch e.kind {
	case dkExact:
		switch e.prec {
		case PrecYear:
			start, end = utc(e.year, 1, 1), utc(e.year, 12, 31)
		case PrecMonth:
			start = utc(e.year, e.month, 1)
			end = start.AddDate(0, 1, -1)
		default:
			start = utc(e.year, e.month, e.day)
			if start.Month() != e.month { // "February 30"
				return e.monthOnly().resolve(pub, dir)
			}
			end = start
		}
	case dkDecade:
		start, end = utc(e.year, 1, 1), utc(e.year+9, 12, 31)
	case dkMonthDay, dkMonth:
		if !has {
			return "", "", start, end, false
		}
		if e.relYear {
			x := e
			x.year, x.kind, x.relYear = pub.Year()+e.yearOff, dkExact, false
			return x.resolve(pub, dir)
		}
		best := time.Time{}
		for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
			var t, tEnd time.Time
			if e.kind == dkMonth {
				t = utc(y, e.month, 1)
				tEnd = t.AddDate(0, 1, -1)
			} else {
				t = utc(y, e.month, e.day)
				if t.Month() != e.month {
					return e.monthOnly().resolve(pub, dir)
				}
				tEnd = t
			}
			cur := !t.After(pub) && !tEnd.Before(pub) // the period holds the published day
			var fits bool
			switch dir {
			case dirPast:
				fits = !t.After(pub) && !(e.strict && cur)
			case dirFuture:
				fits = !tEnd.Before(pub) && !(e.strict && cur)
			default:
				fits = true
			}
			if !fits {
				continue
			}
			switch {
			case best.IsZero():
				best = t
			case dir == dirPast:
				best = t // years ascend: the latest fitting one
			case dir == dirNearest && absDays(t, pub) < absDays(best, pub):
				best = t
			}
		}
		if best.IsZero() {
			return "", "", start, end, false
		}
		start = best
		end = best
		if e.kind == dkMonth {
			end = best.AddDate(0, 1, -1)
		}
	case dkWeekday, dkWeekend:
		if !has {
			return "", "", start, end, false
		}
		wd := e.wd
		if e.kind == dkWeekend {
			wd = time.Saturday
		}
		back := (int(pub.Weekday()) - int(wd) + 7) % 7
		fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
		if e.strict && back == 0 {
			back = 7
		}
		if e.strict && fwd == 0 {
			fwd = 7
		}
		off := -back
		if dir == dirFuture || dir == dirNearest && fwd < back {
			off = fwd
		}
		start = pub.AddDate(0, 0, off)
		end = start
		if e.kind == dkWeekend {
			end = start.AddDate(0, 0, 1)
		}
	case dkOffset:
		if !has {
			return "", "", start, end, false
		}
		switch e.unit {
		case "day":
			start = pub.AddDate(0, 0, e.n)
			end = start
		case "week":
			start = pub.AddDate(0, 0, 7*e.n)
			end = start.AddDate(0, 0, 6)
			if e.n == 0 {
				end = pub
			}
		case "month":
			start = utc(pub.Year(), pub.Month()+time.Month(e.n), 1)
			end = start.AddDate(0, 1, -1)
		case "year":
			start = utc(pub.Year()+e.n, 1, 1)
			end = utc(pub.Year()+e.n, 12, 31)
		}
	}
	prec = e.prec
	switch prec {
	case PrecYear:
		date = strconv.Itoa(start.Year())
	case PrecMonth:
		date = month(start)
	default:
		date = day(start)
	}
	return date, prec, start, end, true
}

// monthOnly is e without its impossible day.
func (e dateExpr) monthOnly() dateExpr {
	e.day, e.prec = 0, PrecMonth
	if e.kind == dkMonthDay {
		e.kind = dkMonth
	}
	return e
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

func day(t time.Time) string   { return t.Format("2006-01-02") }
func month(t time.Time) string { return t.Format("2006-01") }

// clause is a stretch of a sentence between punctuation marks and clause
// openers.
type clause struct {
	embedded  bool   // a relative or subordinate clause
	opener    string // its first word when embedded ("which", "after")
	reporting bool   // it has a verb of saying
}

// clauses splits toks into clauses: seg[i] is the clause of token i. A
// clause ends at punctuation; a word such as "who", "which", "after" or
// "since" opens an embedded one, unless it introduces a date ("since
// 1979", "after Sept. 11"), and so does a preposition before an -ing verb
// ("for disrupting", "by withdrawing").
func clauses(dw *dateWords, toks []tok, dates []dateExpr) (seg []int, cls []clause) {
	leads := map[int]bool{}
	for _, e := range dates {
		if e.i0 < e.core {
			leads[e.i0] = true
		}
	}
	seg = make([]int, len(toks))
	cls = []clause{{}}
	for i, t := range toks {
		switch {
		case dw.has("boundary", t.w):
			seg[i] = len(cls) - 1
			cls = append(cls, clause{})
		case (dw.has("opener", t.w) || gerundClause(dw, toks, i)) && !leads[i]:
			cls = append(cls, clause{embedded: true, opener: t.w})
			seg[i] = len(cls) - 1
		default:
			seg[i] = len(cls) - 1
		}
		if dw.has("reporting", t.w) {
			cls[seg[i]].reporting = true
		}
	}
	return seg, cls
}

// gerundClause reports whether toks[i] is a preposition before an -ing
// verb. Words of a day part ("morning") are no verbs.
func gerundClause(dw *dateWords, toks []tok, i int) bool {
	if !dw.has("gerundprep", toks[i].w) || i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return !n.up && len(n.w) > 5 && strings.HasSuffix(n.w, "ing") && !dw.has("daypart", n.w)
}

// futureCue reports whether a word of toks[from:to] marks a future or
// planned event ("will", "'ll", "set", "due").
func futureCue(dw *dateWords, toks []tok, from, to int) bool {
	for j := max(from, 0); j < to && j < len(toks); j++ {
		if strings.HasSuffix(toks[j].w, "'ll") {
			return true
		}
	}
	return hasWord(dw, "future", toks, from, to)
}

// resolveDate returns the date of the event whose trigger spans tokens
// [t0, t1) of toks, its precision, and whether it lies well before the
// published date pub (background history). It picks the date expression
// of the trigger's clause nearest to the trigger, else one of a main
// clause of the sentence, and falls back to pub ("day"), or to "" and
// "unknown" when pub is zero.
func resolveDate(toks []tok, pub time.Time, t0, t1 int) (string, string, bool) {
	if date, prec, bg, ok := triggerDate(toks, pub, t0, t1); ok {
		return date, prec, bg
	}
	return publishedDate(pub)
}

// publishedDate is the date of an event the sentence does not date.
func publishedDate(pub time.Time) (string, string, bool) {
	if !pub.IsZero() {
		return day(pub), PrecDay, false
	}
	return "", PrecUnknown, false
}

// triggerDate is resolveDate without the fallback: ok is false when no
// date expression of the sentence belongs to the trigger.
func triggerDate(toks []tok, pub time.Time, t0, t1 int) (date, prec string, bg, ok bool) {
	return newSentenceDates(toks).triggerDate(toks, pub, t0, t1)
}

// sentenceDates are the date expressions and clauses of a sentence,
// found once per sentence and used for each of its triggers.
type sentenceDates struct {
	dates []dateExpr
	seg   []int
	cls   []clause
}

// newSentenceDates finds the date expressions and clauses of toks.
func newSentenceDates(toks []tok) *sentenceDates {
	sd := &sentenceDates{dates: findDates(toks)}
	if len(sd.dates) > 0 {
		sd.seg, sd.cls = clauses(dateLex(), toks, sd.dates)
	}
	return sd
}

// triggerDate is the function triggerDate for the sentence of sd, whose
// tokens are toks.
func (sd *sentenceDates) triggerDate(toks []tok, pub time.Time, t0, t1 int) (date, prec string, bg, ok bool) {
	dw := dateLex()
	dates := sd.dates
	if len(dates) == 0 {
		return "", "", false, false
	}
	if t0 < 0 || t0 >= len(toks) {
		t0, t1 = 0, 0
	}
	if t1 <= t0 {
		t1 = t0 + 1
	}
	seg, cls := sd.seg, sd.cls
	trig := seg[t0]
	// an event in a clause of "after", "since" ... is not at the time of
	// the main clause
	ownOnly := dw.has("sequence", cls[trig].opener)
	futureTrigger := futureCue(dw, toks, segStart(seg, t0), t0)
	bestTier, bestDist := 3, 0
	var best *dateExpr
	for k := range dates {
		e := &dates[k]
		ds := seg[e.core]
		tier := 2
		switch {
		case ds == trig:
			tier = 1
		case cls[ds].embedded || ownOnly || futureTrigger:
			// a planned event is not at the time of the clause around it
			continue
		case ds > trig && !cls[ds].reporting:
			// a later clause dates its own event, not this one
			continue
		}
		dist := t0 - e.i1
		if e.i0 >= t1 {
			dist = e.i0 - t1
			// a future cue between the trigger and the date gives the
			// date to a planned event, not to this one
			if !futureTrigger && futureCue(dw, toks, t1, e.i0) {
				continue
			}
		}
		if dist < 0 {
			dist = 0
		}
		// nearest first; on a tie the date after the trigger ("met
		// Monday and attacked Y on Friday")
		if tier < bestTier || tier == bestTier && (dist < bestDist || dist == bestDist && e.i0 >= t1) {
			best, bestTier, bestDist = e, tier, dist
		}
	}
	if best == nil {
		return "", "", false, false
	}
	date, prec, _, end, ok := best.resolve(pub, direction(dw, toks, seg, best))
	if !ok {
		return "", "", false, false
	}
	return date, prec, background(prec, end, pub), true
}

// direction tells how to resolve e: a deadline ("until", "by") to the
// nearest occurrence, after a future cue of its clause forward, after
// "would" to the nearest, otherwise backward. A modifier of e ("next",
// "last") overrides it.
func direction(dw *dateWords, toks []tok, seg []int, e *dateExpr) int {
	from := segStart(seg, e.core)
	switch {
	case dw.has("deadline", e.lead):
		return dirNearest
	case e.lead == "since":
		return dirPast
	case futureCue(dw, toks, from, e.i0):
		return dirFuture
	case hasWord(dw, "reported", toks, from, e.i0):
		return dirNearest
	}
	return dirPast
}

// leadDate returns the day that the sentences after the lead give, when
// the current sentence is the article's first (the lead): the rest of the
// first paragraph and the first sentence of the next. The first date of a
// main clause there counts when it is a day of the week before the
// published date. News leads often state the event and leave its day to
// what follows ("X and Y have agreed to ... \n The two presidents made
// the pledge Wednesday ...").
//
// It depends on the article only, so it is computed once (doc.lead).
func (d *doc) leadDate() (string, bool) {
	if d.pub.IsZero() || strings.TrimSpace(d.norm[:d.sent.Start]) != "" {
		return "", false
	}
	if !d.lead.done {
		d.lead.date, d.lead.ok = d.findLeadDate()
		d.lead.done = true
	}
	return d.lead.date, d.lead.ok
}

// findLeadDate computes leadDate for the first sentence.
func (d *doc) findLeadDate() (string, bool) {
	if len(d.sents) == 0 || d.sents[0].Start != d.sent.Start {
		return "", false
	}
	dw := dateLex()
	pub := time.Date(d.pub.Year(), d.pub.Month(), d.pub.Day(), 0, 0, 0, 0, time.UTC)
	var toks []tok
	date, found := "", false
	prevEnd := d.sent.End
	walkSentences(d.norm, d.sents, func(s segment.Span, stoks []segment.Token) bool {
		if s.Start <= d.sent.Start {
			return true // the lead itself
		}
		toks = appendToks(toks[:0], d.norm, stoks)
		dates := findDates(toks)
		seg, cls := clauses(dw, toks, dates)
		for k := range dates {
			e := &dates[k]
			if cls[seg[e.core]].embedded {
				continue
			}
			if futureCue(dw, toks, segStart(seg, e.core), e.i0) {
				return false
			}
			day, prec, start, _, ok := e.resolve(d.pub, dirPast)
			if !ok || prec != PrecDay || start.After(pub) || start.Before(pub.AddDate(0, 0, -7)) {
				return false
			}
			date, found = day, true
			return false
		}
		// sentences hold no line break: the gaps between them tell the
		// paragraphs
		if strings.Contains(d.norm[prevEnd:s.Start], "\n") {
			return false // the first sentence of the second paragraph
		}
		prevEnd = s.End
		return true
	})
	return date, found
}

// appendToks appends the tok of each token of text to dst.
func appendToks(dst []tok, text string, toks []segment.Token) []tok {
	for _, t := range toks {
		raw := text[t.Start:t.End]
		dst = append(dst, tok{s: t.Start, e: t.End, raw: raw, w: strings.ToLower(raw), up: raw != "" && raw[0] >= 'A' && raw[0] <= 'Z'})
	}
	return dst
}

// hasWord reports whether a word of class cls occurs in toks[from:to].
func hasWord(dw *dateWords, cls string, toks []tok, from, to int) bool {
	for j := max(from, 0); j < to && j < len(toks); j++ {
		if dw.has(cls, toks[j].w) {
			return true
		}
	}
	return false
}

// segStart returns the first token of the clause of token i.
func segStart(seg []int, i int) int {
	j := i
	for j > 0 && seg[j-1] == seg[i] {
		j--
	}
	return j
}

// background reports whether a date lies well before the published date:
// its period ended more than a year before it, or it is a year before the
// published year.
func background(prec string, end, pub time.Time) bool {
	if pub.IsZero() {
		return false
	}
	if prec == PrecYear && end.Year() < pub.Year() {
		return true
	}
	return end.Before(pub.AddDate(-1, 0, 0))
}

// eventDate returns the date, precision and background flag of the
// relation whose trigger spans tokens [t0, t1) of the current sentence:
// the sentence's date for the trigger, else for the article's lead the
// day the next sentence gives, else the published date.
func (d *doc) eventDate(t0, t1 int) (string, string, bool) {
	if d.dates == nil {
		d.dates = newSentenceDates(d.toks)
	}
	if date, prec, bg, ok := d.dates.triggerDate(d.toks, d.pub, t0, t1); ok {
		return date, prec, bg
	}
	if date, ok := d.leadDate(); ok {
		return date, PrecDay, false
	}
	return publishedDate(d.pub)
}

func isNum(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// trimOrdinal turns "3rd" into "3".
func trimOrdinal(s string) string {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) && isNum(s[:len(s)-len(suf)]) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}
