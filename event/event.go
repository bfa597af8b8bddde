// Package event forms events from reports and counts events into
// aggregates, as docs/events.md defines them: the pure logic behind the
// graph writer (no I/O). A report is one relation found in one sentence of
// one article; an event is the reports of one key whose dates agree; an
// aggregate is one pair of actors' event counts in one period.
package event

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph/relation"
)

// Classes of an event key.
const (
	Actual       = "actual"       // asserted and planned reports
	Negated      = "negated"      // negated reports
	Hypothetical = "hypothetical" // hypothetical reports, not negated
)

// Event date precisions.
const (
	Day     = "day"
	Month   = "month"
	Year    = "year"
	Unknown = "unknown"
)

// Report is one relation found in one sentence of one article.
type Report struct {
	ID, ArticleID  string
	Type           string
	Source, Target string    // actor codes, as the article gives them
	Date           time.Time // zero = undated
	Precision      string    // day, week, month, year or unknown
	Background     bool
	Modality       string // asserted, planned, hypothetical ("" = asserted)
	Negated        bool
	Sentence       string
	Span           [2]int
	Confidence     float64
	SourcePerson   string
	TargetPerson   string
	Meeting        string
}

// Key is what reports must share to be one event: the type, the actors
// (sorted for symmetric types) and the class.
type Key struct {
	Type, Source, Target, Class string
}

// KeyOf is the event key of a report.
func KeyOf(r Report) Key {
	k := Key{Type: r.Type, Source: r.Source, Target: r.Target, Class: ClassOf(r.Modality, r.Negated)}
	if relation.Symmetric(r.Type) && k.Source > k.Target {
		k.Source, k.Target = k.Target, k.Source
	}
	return k
}

// ClassOf is the class of a report or event with this modality and
// negation.
func ClassOf(modality string, negated bool) string {
	switch {
	case negated:
		return Negated
	case modality == "hypothetical":
		return Hypothetical
	}
	return Actual
}

// PrecisionOf is the precision of the event a report belongs to: day for
// day and week reports, month, year, or unknown for undated ones.
func PrecisionOf(r Report) string {
	if r.Date.IsZero() {
		return Unknown
	}
	switch r.Precision {
	case Month:
		return Month
	case Year:
		return Year
	}
	return Day
}

// Event is what happened in the world: the reports of one key whose dates
// agree.
type Event struct {
	ID string
	Key
	Date, Last time.Time // earliest and latest report date (zero when undated)
	Precision  string    // day, month, year or unknown
	Modality   string
	Background bool // every report is background
	Reports    int
	Articles   int
	Confidence float64 // the highest report confidence
	First      Report  // the earliest report (ties: lowest id)
	ReportIDs  []string
}

// Negated says whether the event is of class negated.
func (e Event) Negated() bool { return e.Class == Negated }

// ID is the id of the event of key k whose earliest report has date d and
// precision p. Undated events are one per article, so their id also holds
// the article (docs/events.md).
func ID(k Key, d time.Time, precision, articleID string) string {
	h := sha256.New()
	date := ""
	if !d.IsZero() {
		date = d.Format(time.DateOnly)
	}
	parts := []string{k.Type, k.Source, k.Target, k.Class, date, precision}
	if precision == Unknown {
		parts = append(parts, articleID)
	}
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return "ev:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// Group forms the events of a set of reports (docs/events.md): within one
// key, day and week reports sorted by date join the event before them when
// at most window days after its latest date; month and year reports form
// one event per calendar month or year; undated reports one per article.
// The result depends only on the set, not on its order; it is sorted by
// event id.
func Group(reports []Report, window int) []Event {
	if window < 0 {
		window = 0
	}
	rs := append([]Report(nil), reports...)
	sort.Slice(rs, func(i, j int) bool { return less(rs[i], rs[j]) })
	type bucket struct {
		key       Key
		precision string
		group     string // month, year or article of the bucket
	}
	byBucket := map[bucket][]Report{}
	var order []bucket
	for _, r := range rs {
		p := PrecisionOf(r)
		b := bucket{key: KeyOf(r), precision: p}
		switch p {
		case Month:
			b.group = r.Date.Format("2006-01")
		case Year:
			b.group = r.Date.Format("2006")
		case Unknown:
			b.group = r.ArticleID
		}
		if _, ok := byBucket[b]; !ok {
			order = append(order, b)
		}
		byBucket[b] = append(byBucket[b], r)
	}
	var out []Event
	for _, b := range order {
		rs := byBucket[b] // sorted by date, then id
		if b.precision != Day {
			out = append(out, build(b.key, b.precision, rs))
			continue
		}
		start := 0
		for i := 1; i <= len(rs); i++ {
			if i == len(rs) || rs[i].Date.After(rs[i-1].Date.AddDate(0, 0, window)) {
				out = append(out, build(b.key, Day, rs[start:i]))
				start = i
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// less orders reports by date (undated first), then id.
func less(a, b Report) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.Before(b.Date)
	}
	return a.ID < b.ID
}

// build makes the event of reports rs (sorted by date, then id) of one key.
func build(k Key, precision string, rs []Report) Event {
	first := rs[0]
	e := Event{
		ID: ID(k, first.Date, precision, first.ArticleID), Key: k,
		Date: first.Date, Last: rs[len(rs)-1].Date, Precision: precision,
		Background: true, Reports: len(rs), First: first,
	}
	articles := map[string]bool{}
	e.Modality = "hypothetical"
	for _, r := range rs {
		articles[r.ArticleID] = true
		e.Modality = strongerModality(e.Modality, r.Modality)
		e.Background = e.Background && r.Background
		e.Confidence = max(e.Confidence, r.Confidence)
		e.ReportIDs = append(e.ReportIDs, r.ID)
	}
	sort.Strings(e.ReportIDs)
	e.Articles = len(articles)
	return e
}

// Period is one pair of actors in one period: the key of an aggregate.
type Period struct {
	A, B string // actor codes, A < B
	Kind string // month or year
	Name string // "2014-06" or "2014"
}

// Dyad is "A-B".
func (p Period) Dyad() string { return p.A + "-" + p.B }

// Start is the first day of the period.
func (p Period) Start() time.Time {
	layout := "2006-01"
	if p.Kind == Year {
		layout = "2006"
	}
	t, _ := time.Parse(layout, p.Name)
	return t
}

// Counts are an aggregate's counts: "events", and for each relation type
// "<TYPE>" (asserted events) and "<TYPE>_planned" (planned events). A
// count of 0 is absent.
type Counts map[string]int

// PeriodOf is the aggregate an event counts in; ok is false for events
// that count in none (class negated or hypothetical, or undated).
func PeriodOf(e Event) (p Period, ok bool) {
	if e.Class != Actual || e.Date.IsZero() {
		return p, false
	}
	a, b := e.Source, e.Target
	if a > b {
		a, b = b, a
	}
	p = Period{A: a, B: b}
	switch e.Precision {
	case Day, Month:
		p.Kind, p.Name = Month, e.Date.Format("2006-01")
	case Year:
		p.Kind, p.Name = Year, e.Date.Format("2006")
	default:
		return p, false
	}
	return p, true
}

// countName is the count an event adds to: its type, or "<TYPE>_planned".
func countName(e Event) string {
	if e.Modality == "planned" {
		return e.Type + "_planned"
	}
	return e.Type
}

// YearTotals sums aggregates (or a difference of them) per pair and
// calendar year: the month aggregates of a year and its year aggregate
// (events dated to the year only) together, the key of a year total being
// Period{A, B, Year, "2014"}. Queries read a window of whole years from
// the totals instead of from twelve months of every pair. Counts that
// cancel are absent, and so are years left without any.
func YearTotals(aggs map[Period]Counts) map[Period]Counts {
	out := map[Period]Counts{}
	for p, c := range aggs {
		year, _, _ := strings.Cut(p.Name, "-")
		y := Period{A: p.A, B: p.B, Kind: Year, Name: year}
		t := out[y]
		if t == nil {
			t = Counts{}
			out[y] = t
		}
		for k, n := range c {
			t[k] += n
		}
	}
	return pruned(out)
}

// pruned deletes the counts of 0 and then the periods without counts from
// aggs, and returns it.
func pruned(aggs map[Period]Counts) map[Period]Counts {
	for p, c := range aggs {
		for k, n := range c {
			if n == 0 {
				delete(c, k)
			}
		}
		if len(c) == 0 {
			delete(aggs, p)
		}
	}
	return aggs
}

// Aggregate counts a set of events into aggregates.
func Aggregate(events []Event) map[Period]Counts {
	return Diff(nil, events)
}

// Diff is Aggregate(added) minus Aggregate(removed): what to add to the
// stored aggregates when the events removed are replaced by those added.
// Counts that cancel are absent, and so are periods left without any.
func Diff(removed, added []Event) map[Period]Counts {
	out := map[Period]Counts{}
	apply := func(es []Event, sign int) {
		for _, e := range es {
			p, ok := PeriodOf(e)
			if !ok {
				continue
			}
			c := out[p]
			if c == nil {
				c = Counts{}
				out[p] = c
			}
			c["events"] += sign
			c[countName(e)] += sign
		}
	}
	apply(removed, -1)
	apply(added, 1)
	return pruned(out)
}
