// Package calendar reads the dates diplograph exchanges as text: ISO 8601
// calendar dates at day, month or year precision ("2014-06-14",
// "2014-06", "2014"). Query parameters and chart windows (-p from=2014),
// the --published flag and the dates the extractor gives relations and
// meetings are all read here, so that they accept the same forms.
//
// The rule: surrounding white space is ignored; a date is a whole day,
// month or year starting at midnight UTC (no time of day, no zone); month
// and day have two digits and must exist ("2014-02-30" and "2014-6-1" are
// refused). A Date knows its first and its last day, so that a window
// "from 2014 to 2014" is the whole year.
package calendar

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Precision is how much of a calendar a Date covers. Its values are those
// the extractor writes in a relation's date_precision.
type Precision string

// The precisions a written date can have.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// Date is a day, a month or a year.
type Date struct {
	// First is the first day, at midnight UTC.
	First     time.Time
	Precision Precision
}

// Last returns the last day d covers: First for a day, the last day of
// the month or of the year otherwise.
func (d Date) Last() time.Time {
	switch d.Precision {
	case Month:
		return d.First.AddDate(0, 1, -1)
	case Year:
		return d.First.AddDate(1, 0, -1)
	}
	return d.First
}

// ErrNotDate is the cause of Parse's errors; ErrNotDay of ParseDay's.
var (
	ErrNotDate = errors.New("not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
	ErrNotDay  = errors.New("not a day (YYYY-MM-DD)")
)

var layouts = [...]struct {
	layout    string
	precision Precision
}{{time.DateOnly, Day}, {"2006-01", Month}, {"2006", Year}}

// Parse reads YYYY-MM-DD, YYYY-MM or YYYY. Its error reads
// `"yesterday" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)` and wraps
// ErrNotDate.
func Parse(s string) (Date, error) {
	v := strings.TrimSpace(s)
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return Date{First: t, Precision: l.precision}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is %w", s, ErrNotDate)
}

// ParseDay reads a single day, YYYY-MM-DD, for values that anchor other
// dates (an article's publication day, from which "on Tuesday" is
// counted): a month or a year is refused rather than read as its first
// day with a precision it does not have. Its errors wrap ErrNotDay.
func ParseDay(s string) (time.Time, error) {
	d, err := Parse(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is %w", s, ErrNotDay)
	}
	if d.Precision != Day {
		return time.Time{}, fmt.Errorf("%q is a %s, %w", s, d.Precision, ErrNotDay)
	}
	return d.First, nil
}
