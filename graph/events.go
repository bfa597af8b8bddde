package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/event"
	"github.com/diplograph/diplograph/relation"
)

// ErrEventWindow: the graph's events were formed with another event window
// than the client's; 'diplograph alliances rebuild' re-forms them.
var ErrEventWindow = errors.New("event window differs from the graph's")

var (
	stEventsNear       = mustStatement("events_near")
	stEventsDelete     = mustStatement("events_delete")
	stEventsCreate     = mustStatement("events_create")
	stEventsUpdate     = mustStatement("events_update")
	stReportsOfEvents  = mustStatement("reports_of_events")
	stReportsCreate    = mustStatement("reports_create")
	stReportsSetEvent  = mustStatement("reports_set_event")
	stAlignmentApply   = mustStatement("alignment_apply")
	stEventsWindowSet  = mustStatement("events_window_set")
	stReportKeys       = mustStatement("report_keys")
	stReportsOfKeys    = mustStatement("reports_of_keys")
	stEventsOfPairs    = mustStatement("events_of_pairs")
	stEventPairs       = mustStatement("event_pairs")
	stAlignmentOfPairs = mustStatement("alignment_of_pairs")
)

// markWrite counts the write (taking the writers' lock) and checks that
// the graph's events were formed with window.
func markWrite(ctx context.Context, tx neo4j.ManagedTransaction, window int) error {
	res, err := tx.Run(ctx, stWritesMark.Text, map[string]any{"window": int64(window)})
	if err != nil {
		return fmt.Errorf("%s: %w", stWritesMark.Name, err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", stWritesMark.Name, err)
	}
	stored, _ := rec.Values[0].(int64)
	if int(stored) != window {
		return fmt.Errorf("graph: the graph's events were formed with an event window of %d days, this write uses %d (alliance.event_window): %w; "+
			"run 'diplograph alliances rebuild' to re-form them with %d days, or set alliance.event_window to %d",
			stored, window, ErrEventWindow, window, stored)
	}
	return nil
}

// storedEvent is an event as the graph holds it: enough to find it and to
// take it out of the aggregates.
type storedEvent struct {
	event.Event
	// elementID is the relationship's element id when the statement that
	// read it returned one (events_near): valid in that transaction only.
	elementID string
}

func (e storedEvent) ref() map[string]any {
	var id any = e.ID
	if e.ID == "" {
		id = nil
	}
	return map[string]any{"type": e.Type, "source": e.Source, "target": e.Target, "id": id}
}

// eventRows reads the events a statement returns (id, type, source,
// target, date, date_precision, modality, negated).
func eventRows(ctx context.Context, tx neo4j.ManagedTransaction, st Statement, params map[string]any) ([]storedEvent, []*neo4j.Record, error) {
	res, err := tx.Run(ctx, st.Text, params)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", st.Name, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", st.Name, err)
	}
	out := make([]storedEvent, len(recs))
	for i, rec := range recs {
		m := rec.AsMap()
		str := func(k string) string { s, _ := m[k].(string); return s }
		negated, _ := m["negated"].(bool)
		e := event.Event{ID: str("id"), Date: dateOf(m["date"]), Precision: str("date_precision"), Modality: str("modality")}
		e.Key = event.Key{Type: str("type"), Source: str("source"), Target: str("target"), Class: event.ClassOf(e.Modality, negated)}
		e.Last = e.Date
		if props, ok := m["props"].(map[string]any); ok {
			eventFromProps(&e, props)
		}
		out[i] = storedEvent{Event: e, elementID: str("element_id")}
	}
	return out, recs, nil
}

// eventFromProps completes e with what an event relationship's properties
// (props) say of it beyond its key, date and modality: what event.Extend
// needs to add reports to it.
func eventFromProps(e *event.Event, props map[string]any) {
	str := func(k string) string { s, _ := props[k].(string); return s }
	if last := dateOf(props["last"]); !last.IsZero() {
		e.Last = last
	}
	e.Background, _ = props["background"].(bool)
	reports, _ := props["reports"].(int64)
	articles, _ := props["articles"].(int64)
	e.Reports, e.Articles = int(reports), int(articles)
	e.Confidence, _ = props["confidence"].(float64)
	e.First = event.Report{
		ID: str("first_report"), ArticleID: str("article_id"), Type: e.Type, Source: e.Source, Target: e.Target,
		Date: e.Date, Sentence: str("sentence"),
		SourcePerson: str("source_person"), TargetPerson: str("target_person"), Meeting: str("meeting"),
	}
	e.First.Span = spanOf(props["span"])
}

// spanOf reads a span property ([start, end]); anything else is [0, 0].
func spanOf(v any) [2]int {
	span, ok := v.([]any)
	if !ok || len(span) != 2 {
		return [2]int{}
	}
	a, _ := span[0].(int64)
	b, _ := span[1].(int64)
	return [2]int{int(a), int(b)}
}

func dateOf(v any) time.Time {
	if d, ok := v.(dbtype.Date); ok {
		return d.Time()
	}
	return time.Time{}
}

// eventsOfArticles reads the events the reports of articles belong to.
func eventsOfArticles(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]storedEvent, error) {
	evs, _, err := eventRows(ctx, tx, stEventsOfArticle, map[string]any{"ids": ids})
	return evs, err
}

// reformEvents re-forms the events that reports were deleted from
// (touched, as stored) and that the new reports (not yet in the graph)
// join, writes the new reports, and applies the aggregate difference.
// When no report was deleted, the events the new reports join are
// extended in place if event.Extend can tell how.
func reformEvents(ctx context.Context, tx neo4j.ManagedTransaction, touched []storedEvent, reports []event.Report, window int) error {
	near, err := eventsNear(ctx, tx, reports, window)
	if err != nil {
		return err
	}
	if len(touched) == 0 {
		evs := make([]event.Event, len(near))
		for i, e := range near {
			evs[i] = e.Event
		}
		if changes, ok := event.Extend(evs, reports, window); ok {
			elements := make(map[string]string, len(near))
			for _, e := range near {
				elements[e.ID] = e.elementID
			}
			return extendEvents(ctx, tx, changes, reports, elements)
		}
	}
	old := map[string]storedEvent{}
	for _, e := range append(touched, near...) {
		old[e.ID] = e
	}
	if len(old) == 0 && len(reports) == 0 {
		return nil
	}
	ids := make([]string, 0, len(old))
	for id := range old {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	stored, err := readReports(ctx, tx, stReportsOfEvents, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	olds := make([]storedEvent, 0, len(old))
	for _, id := range ids {
		olds = append(olds, old[id])
	}
	_, err = replaceEvents(ctx, tx, olds, stored, reports, window)
	return err
}

// extendEvents writes what new reports change when event.Extend could tell
// it from the stored events alone: the events they joined are rewritten
// in place (their stored reports are neither read nor moved unless the
// event's id changes; elements gives the element id of each stored event
// by event id), the new events are created, then the new reports; and the
// aggregate difference is applied.
func extendEvents(ctx context.Context, tx neo4j.ManagedTransaction, changes []event.Change, reports []event.Report, elements map[string]string) error {
	eventOf := map[string]string{}
	var updates, creates []map[string]any
	var removed, added []event.Event
	for _, c := range changes {
		for _, id := range c.New.ReportIDs {
			eventOf[id] = c.New.ID
		}
		added = append(added, c.New)
		if c.Old == nil {
			creates = append(creates, map[string]any{"type": c.New.Type, "source": c.New.Source, "target": c.New.Target, "props": eventProps(c.New)})
			continue
		}
		removed = append(removed, *c.Old)
		updates = append(updates, map[string]any{"element_id": elements[c.Old.ID], "old_id": c.Old.ID, "props": eventProps(c.New)})
	}
	if len(updates) > 0 {
		n, err := runCount(ctx, tx, stEventsUpdate, map[string]any{"events": updates})
		if err != nil {
			return err
		}
		if int(n) != len(updates) {
			return fmt.Errorf("%s: %d of %d events not found", stEventsUpdate.Name, len(updates)-int(n), len(updates))
		}
	}
	if err := createEvents(ctx, tx, creates); err != nil {
		return err
	}
	if err := createReports(ctx, tx, reports, eventOf); err != nil {
		return err
	}
	return applyAggregates(ctx, tx, event.Diff(removed, added))
}

// createEvents creates event relationships (rows of type, source, target
// and props).
func createEvents(ctx context.Context, tx neo4j.ManagedTransaction, rows []map[string]any) error {
	if len(rows) == 0 {
		return nil
	}
	n, err := runCount(ctx, tx, stEventsCreate, map[string]any{"events": rows})
	if err != nil {
		return err
	}
	if int(n) != len(rows) {
		// Returning an error rolls the whole batch back.
		return fmt.Errorf("%s: %d of %d events have an end that is not among the actors",
			stEventsCreate.Name, len(rows)-int(n), len(rows))
	}
	return nil
}

// createReports creates the new reports, each under its event
// (eventOf: report id -> event id).
func createReports(ctx context.Context, tx neo4j.ManagedTransaction, reports []event.Report, eventOf map[string]string) error {
	if len(reports) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(reports))
	for i, r := range reports {
		rows[i] = reportProps(r, eventOf[r.ID])
	}
	_, err := runCount(ctx, tx, stReportsCreate, map[string]any{"reports": rows})
	return err
}

// replaceEvents deletes the events olds, forms events from the stored
// reports and the new ones, writes them, creates the new reports, moves
// the stored reports whose event changed, and applies the aggregate
// difference. It returns how many events it formed.
func replaceEvents(ctx context.Context, tx neo4j.ManagedTransaction, olds []storedEvent, stored []storedReport, reports []event.Report, window int) (int, error) {
	all := make([]event.Report, 0, len(stored)+len(reports))
	for _, r := range stored {
		all = append(all, r.Report)
	}
	all = append(all, reports...)
	events := event.Group(all, window)
	eventOf := map[string]string{}
	for _, e := range events {
		for _, id := range e.ReportIDs {
			eventOf[id] = e.ID
		}
	}
	if len(olds) > 0 {
		refs := make([]map[string]any, len(olds))
		for i, e := range olds {
			refs[i] = e.ref()
		}
		if err := run(ctx, tx, stEventsDelete, map[string]any{"events": refs}); err != nil {
			return 0, err
		}
	}
	rows := make([]map[string]any, len(events))
	for i, e := range events {
		rows[i] = map[string]any{"type": e.Type, "source": e.Source, "target": e.Target, "props": eventProps(e)}
	}
	if err := createEvents(ctx, tx, rows); err != nil {
		return 0, err
	}
	if err := createReports(ctx, tx, reports, eventOf); err != nil {
		return 0, err
	}
	var moved []map[string]any
	for _, r := range stored {
		if id := eventOf[r.ID]; id != r.eventID {
			moved = append(moved, map[string]any{"id": r.ID, "event_id": id})
		}
	}
	if len(moved) > 0 {
		if err := run(ctx, tx, stReportsSetEvent, map[string]any{"reports": moved}); err != nil {
			return 0, err
		}
	}
	removed := make([]event.Event, len(olds))
	for i, e := range olds {
		removed[i] = e.Event
	}
	return len(events), applyAggregates(ctx, tx, event.Diff(removed, events))
}

// eventsNear reads the stored events that new reports could join, with
// one query for all of them.
func eventsNear(ctx context.Context, tx neo4j.ManagedTransaction, reports []event.Report, window int) ([]storedEvent, error) {
	type probe struct {
		key       event.Key
		precision string
		date      time.Time
	}
	seen := map[probe]bool{}
	var probes []map[string]any
	for _, r := range reports {
		p := probe{key: event.KeyOf(r), precision: event.PrecisionOf(r), date: r.Date}
		if p.precision == event.Unknown || seen[p] {
			continue
		}
		seen[p] = true
		lo, hi := probeDays(p.precision, p.date, window)
		probe := func(source, target string) map[string]any {
			return map[string]any{"type": p.key.Type, "source": source, "target": target, "class": p.key.Class,
				"precision": p.precision, "lo": dbtype.Date(lo), "hi": dbtype.Date(hi)}
		}
		probes = append(probes, probe(p.key.Source, p.key.Target))
		if relation.Symmetric(p.key.Type) {
			probes = append(probes, probe(p.key.Target, p.key.Source))
		}
	}
	if len(probes) == 0 {
		return nil, nil
	}
	evs, _, err := eventRows(ctx, tx, stEventsNear, map[string]any{"probes": probes})
	return evs, err
}

// probeDays are the days whose reports of the same key and precision
// belong to every event a report of that precision and date can join: the
// window around a day (the reports of one event are at most window days
// apart, so an event within reach has one of them there), or the month or
// year of a date known only to the month or year.
func probeDays(precision string, d time.Time, window int) (lo, hi time.Time) {
	switch precision {
	case event.Month:
		lo = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		return lo, lo.AddDate(0, 1, -1)
	case event.Year:
		lo = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return lo, lo.AddDate(1, 0, -1)
	}
	return d.AddDate(0, 0, -window), d.AddDate(0, 0, window)
}

// storedReport is a report read from the graph, with its event.
type storedReport struct {
	event.Report
	eventID string
}

// readReports reads reports (one map per row, column report).
func readReports(ctx context.Context, tx neo4j.ManagedTransaction, st Statement, params map[string]any) ([]storedReport, error) {
	res, err := tx.Run(ctx, st.Text, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", st.Name, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", st.Name, err)
	}
	out := make([]storedReport, len(recs))
	for i, rec := range recs {
		m, _ := rec.Values[0].(map[string]any)
		out[i] = reportFromProps(m)
	}
	return out, nil
}

func reportFromProps(m map[string]any) storedReport {
	str := func(k string) string { s, _ := m[k].(string); return s }
	r := event.Report{
		ID: str("id"), ArticleID: str("article_id"), Type: str("type"), Source: str("source"), Target: str("target"),
		Date: dateOf(m["date"]), Precision: str("date_precision"), Modality: str("modality"), Sentence: str("sentence"),
		SourcePerson: str("source_person"), TargetPerson: str("target_person"), Meeting: str("meeting"),
	}
	r.Background, _ = m["background"].(bool)
	r.Negated, _ = m["negated"].(bool)
	r.Confidence, _ = m["confidence"].(float64)
	r.Span = spanOf(m["span"])
	return storedReport{Report: r, eventID: str("event_id")}
}

func reportProps(r event.Report, eventID string) map[string]any {
	props := map[string]any{
		"id": r.ID, "article_id": r.ArticleID, "event_id": eventID, "type": r.Type, "source": r.Source, "target": r.Target,
		"date": dateOrNil(r.Date), "date_precision": r.Precision, "background": r.Background, "modality": r.Modality,
		"negated": r.Negated, "sentence": r.Sentence, "span": []int64{int64(r.Span[0]), int64(r.Span[1])},
		"confidence": r.Confidence,
	}
	for k, v := range map[string]string{"source_person": r.SourcePerson, "target_person": r.TargetPerson, "meeting": r.Meeting} {
		if v != "" {
			props[k] = v
		}
	}
	return props
}

func eventProps(e event.Event) map[string]any {
	f := e.First
	props := map[string]any{
		"id": e.ID, "date": dateOrNil(e.Date), "last": dateOrNil(e.Last), "date_precision": e.Precision,
		"modality": e.Modality, "negated": e.Negated(), "background": e.Background,
		"reports": int64(e.Reports), "articles": int64(e.Articles), "confidence": e.Confidence,
		"first_report": f.ID, "article_id": f.ArticleID, "sentence": f.Sentence, "span": []int64{int64(f.Span[0]), int64(f.Span[1])},
	}
	for k, v := range map[string]string{"source_person": f.SourcePerson, "target_person": f.TargetPerson, "meeting": f.Meeting} {
		if v != "" {
			props[k] = v
		}
	}
	return props
}

// applyAggregates adds a difference to the ALIGNMENT aggregates and its
// year totals to the ALIGNMENT_YEAR ones, and records that the SHIFT
// markers around the periods it changed, and of the ranges stale, are out
// of date (RefreshShifts recomputes them).
func applyAggregates(ctx context.Context, tx neo4j.ManagedTransaction, diff map[event.Period]event.Counts, stale ...shiftRange) error {
	dirty := append(changedRanges(diff), stale...)
	if len(dirty) == 0 {
		return nil
	}
	return run(ctx, tx, stAlignmentApply, map[string]any{
		"aggregates": aggregateRows(diff), "years": aggregateRows(event.YearTotals(diff)), "dirty": dirtyRows(dirty),
	})
}

// aggregateRows are the parameter rows of alignment_apply.cypher, sorted
// by dyad and period.
func aggregateRows(diff map[event.Period]event.Counts) []map[string]any {
	rows := make([]map[string]any, 0, len(diff))
	for p, c := range diff {
		counts := make([]map[string]any, 0, len(c))
		for k, n := range c {
			counts = append(counts, map[string]any{"name": k, "n": int64(n)})
		}
		sort.Slice(counts, func(i, j int) bool { return counts[i]["name"].(string) < counts[j]["name"].(string) })
		rows = append(rows, map[string]any{"a": p.A, "b": p.B, "dyad": p.Dyad(), "period_kind": p.Kind, "period": p.Name,
			"start": dbtype.Date(p.Start()), "counts": counts})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i]["dyad"] != rows[j]["dyad"] {
			return rows[i]["dyad"].(string) < rows[j]["dyad"].(string)
		}
		return rows[i]["period"].(string) < rows[j]["period"].(string)
	})
	return rows
}
