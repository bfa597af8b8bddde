package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is the length of the periods of a timeline, with the labels the
// alliance-timeline query gives them: month "2007-03", quarter "2007-Q1",
// year "2007".
type Period string

// The period lengths of alliance-timeline.
const (
	Month   Period = "month"
	Quarter Period = "quarter"
	Year    Period = "year"
)

// ParsePeriod reads month, quarter or year.
func ParsePeriod(s string) (Period, error) {
	switch p := Period(s); p {
	case Month, Quarter, Year:
		return p, nil
	}
	return "", fmt.Errorf("chart: period %q: want month, quarter or year", s)
}

// Label returns the label of the period that contains t.
func (p Period) Label(t time.Time) string {
	switch p {
	case Year:
		return strconv.Itoa(t.Year())
	case Quarter:
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	}
	return fmt.Sprintf("%d-%02d", t.Year(), int(t.Month()))
}

// index numbers the periods consecutively, so that the period after
// label has index+1.
func (p Period) index(label string) (int, error) {
	bad := fmt.Errorf("chart: %q is not a %s label", label, p)
	switch p {
	case Year:
		y, err := strconv.Atoi(label)
		if err != nil {
			return 0, bad
		}
		return y, nil
	case Quarter:
		ys, qs, ok := strings.Cut(label, "-Q")
		y, err1 := strconv.Atoi(ys)
		q, err2 := strconv.Atoi(qs)
		if !ok || err1 != nil || err2 != nil || q < 1 || q > 4 {
			return 0, bad
		}
		return y*4 + q - 1, nil
	case Month:
		ys, ms, ok := strings.Cut(label, "-")
		y, err1 := strconv.Atoi(ys)
		m, err2 := strconv.Atoi(ms)
		if !ok || err1 != nil || err2 != nil || m < 1 || m > 12 {
			return 0, bad
		}
		return y*12 + m - 1, nil
	}
	return 0, fmt.Errorf("chart: unknown period %q", p)
}

func (p Period) label(index int) string {
	switch p {
	case Year:
		return strconv.Itoa(index)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", floorDiv(index, 4), index-4*floorDiv(index, 4)+1)
	}
	return fmt.Sprintf("%d-%02d", floorDiv(index, 12), index-12*floorDiv(index, 12)+1)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// MaxPeriods bounds the length of a filled timeline.
const MaxPeriods = 5000

// fill returns one point per period from the earliest to the latest of
// first, last and the points' periods, in order. Periods without a point
// get a zero point (no events). Points must have distinct periods.
func fill(points []TimelinePoint, p Period, first, last string) ([]TimelinePoint, error) {
	byIndex := make(map[int]TimelinePoint, len(points))
	lo, hi := 0, 0
	have := false
	widen := func(i int) {
		if !have || i < lo {
			lo = i
		}
		if !have || i > hi {
			hi = i
		}
		have = true
	}
	for _, pt := range points {
		i, err := p.index(pt.Period)
		if err != nil {
			return nil, err
		}
		if _, dup := byIndex[i]; dup {
			return nil, fmt.Errorf("chart: period %s appears twice", pt.Period)
		}
		byIndex[i] = pt
		widen(i)
	}
	for _, l := range []string{first, last} {
		if l == "" {
			continue
		}
		i, err := p.index(l)
		if err != nil {
			return nil, err
		}
		widen(i)
	}
	if !have {
		return nil, nil
	}
	if n := hi - lo + 1; n > MaxPeriods {
		return nil, fmt.Errorf("chart: %d %ss from %s to %s are too many to draw (at most %d): choose a longer period or a shorter window",
			n, p, p.label(lo), p.label(hi), MaxPeriods)
	}
	out := make([]TimelinePoint, 0, hi-lo+1)
	for i := lo; i <= hi; i++ {
		pt, ok := byIndex[i]
		if !ok {
			pt = TimelinePoint{Period: p.label(i)}
		}
		out = append(out, pt)
	}
	return out, nil
}
