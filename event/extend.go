package event

import (
	"sort"
	"time"
)

// Change is an event that new reports make or alter: Old is the stored
// event it replaces (nil for a new event), New the event after the change.
// New.ReportIDs holds the new reports only (the stored ones stay where
// they are, under New.ID).
type Change struct {
	Old *Event
	New Event
}

// Extend adds reports to the stored events they join without reading the
// stored events' reports: it needs of each stored event only what the
// graph keeps on it (dates, precision, modality, background, counts,
// confidence and its first report). stored must hold every stored event
// that a report can join (the events with a report of the same key and
// precision within the window of the report's date, or in its month or
// year), and none of the reports may be of an article that a stored event
// holds: then the events Extend returns, with the stored events it leaves
// alone, are the events Group forms of all the reports, stored and new.
//
// ok is false when that cannot be told from the events alone: new reports
// bridge two stored events into one (their articles may overlap), two
// stored events claim the same month or year, or a report dated the same
// day as a stored event's first report meets an event that does not say
// which report is its first. The caller then re-forms the events from
// their reports.
func Extend(stored []Event, reports []Report, window int) (changes []Change, ok bool) {
	if window < 0 {
		window = 0
	}
	type bucket struct {
		key       Key
		precision string
		group     string // month or year of the bucket; empty for day
	}
	bucketOf := func(k Key, precision string, d time.Time) bucket {
		b := bucket{key: k, precision: precision}
		switch precision {
		case Month:
			b.group = d.Format("2006-01")
		case Year:
			b.group = d.Format("2006")
		}
		return b
	}
	// An item is a stored event or a group of new reports, both spans of
	// dates whose reports chain within the window.
	type item struct {
		stored *Event
		fresh  Event // the new reports' own event (stored == nil)
		rs     []Report
	}
	items := map[bucket][]item{}
	var order []bucket
	add := func(b bucket, it item) {
		if _, seen := items[b]; !seen {
			order = append(order, b)
		}
		items[b] = append(items[b], it)
	}
	for i := range stored {
		e := &stored[i]
		if e.Precision == Unknown {
			continue // undated events are one per article: no new report joins one
		}
		add(bucketOf(e.Key, e.Precision, e.Date), item{stored: e})
	}
	fresh := Group(reports, window)
	reportByID := make(map[string]Report, len(reports))
	for _, r := range reports {
		reportByID[r.ID] = r
	}
	for _, e := range fresh {
		rs := make([]Report, len(e.ReportIDs))
		for i, id := range e.ReportIDs {
			rs[i] = reportByID[id]
		}
		if e.Precision == Unknown {
			changes = append(changes, Change{New: e})
			continue
		}
		add(bucketOf(e.Key, e.Precision, e.Date), item{fresh: e, rs: rs})
	}
	for _, b := range order {
		its := items[b]
		start := func(it item) time.Time {
			if it.stored != nil {
				return it.stored.Date
			}
			return it.fresh.Date
		}
		last := func(it item) time.Time {
			if it.stored != nil {
				return it.stored.Last
			}
			return it.fresh.Last
		}
		sort.SliceStable(its, func(i, j int) bool { return start(its[i]).Before(start(its[j])) })
		// Clusters of items: for day events, an item joins the cluster
		// before it when it starts at most window days after the
		// cluster's latest date; for month and year events the bucket is
		// one cluster.
		var clusters [][]item
		var end time.Time
		for i, it := range its {
			if i == 0 || (b.precision == Day && start(it).After(end.AddDate(0, 0, window))) {
				clusters = append(clusters, nil)
				end = last(it)
			}
			clusters[len(clusters)-1] = append(clusters[len(clusters)-1], it)
			if last(it).After(end) {
				end = last(it)
			}
		}
		for _, cl := range clusters {
			var old *Event
			var news []item
			for _, it := range cl {
				if it.stored == nil {
					news = append(news, it)
					continue
				}
				if old != nil {
					return nil, false
				}
				old = it.stored
			}
			switch {
			case len(news) == 0:
				continue // a stored event no new report joins: unchanged
			case old == nil:
				// New reports that join no stored event: Group made their
				// event, and they join no other group of their bucket.
				for _, it := range news {
					changes = append(changes, Change{New: it.fresh})
				}
				continue
			}
			var rs []Report
			for _, it := range news {
				rs = append(rs, it.rs...)
			}
			e, ok := extendOne(*old, rs)
			if !ok {
				return nil, false
			}
			changes = append(changes, Change{Old: old, New: e})
		}
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].New.ID < changes[j].New.ID })
	return changes, true
}

// extendOne is the stored event old with the new reports rs added.
func extendOne(old Event, rs []Report) (Event, bool) {
	e := old
	e.ReportIDs = nil
	articles := map[string]bool{}
	for _, r := range rs {
		if r.Date.Equal(old.First.Date) && old.First.ID == "" {
			return Event{}, false // which report comes first is not known
		}
		if less(r, e.First) {
			e.First = r
		}
		if r.Date.Before(e.Date) {
			e.Date = r.Date
		}
		if r.Date.After(e.Last) {
			e.Last = r.Date
		}
		e.Background = e.Background && r.Background
		e.Confidence = max(e.Confidence, r.Confidence)
		e.Modality = strongerModality(e.Modality, r.Modality)
		articles[r.ArticleID] = true
		e.ReportIDs = append(e.ReportIDs, r.ID)
	}
	sort.Strings(e.ReportIDs)
	e.Reports += len(rs)
	e.Articles += len(articles)
	e.ID = ID(e.Key, e.First.Date, e.Precision, e.First.ArticleID)
	return e, true
}

// strongerModality is the modality of an event with reports of modalities
// a and b: asserted ("" too) over planned over hypothetical.
func strongerModality(a, b string) string {
	rank := func(m string) int {
		switch m {
		case "", "asserted":
			return 2
		case "planned":
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		a = b
	}
	if a == "" {
		a = "asserted"
	}
	return a
}
