package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

var months = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4,
	"jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2,
	"aug": 8, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// sentenceDate returns the date of the current sentence's events: the
// first date expression of the sentence resolved against the published
// date, else the published date.
func (d *doc) sentenceDate() (string, string) {
	return resolveDate(d.toks, d.pub)
}

func day(t time.Time) string   { return t.Format("2006-01-02") }
func month(t time.Time) string { return t.Format("2006-01") }

// resolveDate finds the first date expression in toks. Weekdays mean the
// most recent such day on or before pub; "at the weekend" the Saturday
// before; "last week" seven days before (week precision); a month name
// its most recent occurrence (or the given day and year).
func resolveDate(toks []tok, pub time.Time) (string, string) {
	has := !pub.IsZero()
	for i, t := range toks {
		w := t.w
		if wd, ok := weekdays[w]; ok && has && t.up {
			back := (int(pub.Weekday()) - int(wd) + 7) % 7
			if i > 0 && toks[i-1].w == "next" {
				continue
			}
			if i > 0 && toks[i-1].w == "last" && back == 0 {
				back = 7
			}
			return day(pub.AddDate(0, 0, -back)), PrecDay
		}
		switch w {
		case "today", "tonight":
			if has {
				return day(pub), PrecDay
			}
		case "yesterday":
			if has {
				return day(pub.AddDate(0, 0, -1)), PrecDay
			}
		case "weekend":
			if has && i > 0 && (toks[i-1].w == "the" || toks[i-1].w == "this") {
				back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7
				return day(pub.AddDate(0, 0, -back)), PrecWeek
			}
		case "week":
			if has && i > 0 {
				switch toks[i-1].w {
				case "last", "past":
					return day(pub.AddDate(0, 0, -7)), PrecWeek
				case "this":
					return day(pub), PrecWeek
				}
			}
		case "month":
			if has && i > 0 {
				switch toks[i-1].w {
				case "last":
					return month(pub.AddDate(0, -1, 0)), PrecMonth
				case "this":
					return month(pub), PrecMonth
				}
			}
		case "year":
			if has && i > 0 && toks[i-1].w == "last" {
				return strconv.Itoa(pub.Year() - 1), PrecYear
			}
		}
		if m, ok := months[w]; ok && t.up {
			if w == "may" && !(i+1 < len(toks) && isNum(toks[i+1].w)) && !(i > 0 && (toks[i-1].w == "in" || toks[i-1].w == "since" || toks[i-1].w == "early" || toks[i-1].w == "late" || toks[i-1].w == "mid")) {
				continue // "May" the verb or name
			}
			dd := 0
			yy := 0
			j := i + 1
			if j < len(toks) && isNum(trimOrdinal(toks[j].w)) && len(trimOrdinal(toks[j].w)) <= 2 {
				dd, _ = strconv.Atoi(trimOrdinal(toks[j].w))
				j++
				if j < len(toks) && toks[j].w == "," {
					j++
				}
			} else if i > 0 && isNum(toks[i-1].w) && len(toks[i-1].w) <= 2 {
				dd, _ = strconv.Atoi(toks[i-1].w)
			}
			if j < len(toks) && isNum(toks[j].w) && len(toks[j].w) == 4 {
				yy, _ = strconv.Atoi(toks[j].w)
			}
			if yy == 0 {
				if !has {
					continue
				}
				yy = pub.Year()
				if m > pub.Month() || (m == pub.Month() && dd > pub.Day()) {
					yy--
				}
			}
			if dd >= 1 && dd <= 31 {
				return fmt.Sprintf("%04d-%02d-%02d", yy, int(m), dd), PrecDay
			}
			return fmt.Sprintf("%04d-%02d", yy, int(m)), PrecMonth
		}
		if isNum(w) && len(w) == 4 && i > 0 && (toks[i-1].w == "in" || toks[i-1].w == "since") {
			y, _ := strconv.Atoi(w)
			if y >= 1900 && y <= 2100 {
				return w, PrecYear
			}
		}
	}
	if has {
		return day(pub), PrecDay
	}
	return "", PrecUnknown
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
