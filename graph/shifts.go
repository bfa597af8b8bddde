package graph

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/event"
	"github.com/diplograph/diplograph/relation"
)

// SHIFT markers (docs/events.md, "Shift markers") are alliance-shifts'
// answer for its default parameters: one relationship per pair and pair
// of consecutive periods of one precision whose change is a shift under
// alliance.DefaultShiftRule. The transaction that changes aggregates
// records the pairs' changed ranges as (:ShiftDirty) nodes; RefreshShifts,
// which ingest runs after its last batch, recomputes the markers around
// them from the pairs' periods, once per pair however many batches
// changed it. The query reads the markers only while no ShiftDirty node
// exists, so its answer is exact at any time.

// shiftsModelVersion is the first schema version with SHIFT markers: a
// graph migrated from an earlier one gets them computed by Migrate.
const shiftsModelVersion = 66

// shiftChunk bounds the pairs one fill transaction, and the records one
// refresh transaction, recomputes.
const shiftChunk = 500

var (
	stShiftDirtyRead   = mustStatement("shift_dirty_read")
	stShiftDirtyDelete = mustStatement("shift_dirty_delete")
	stShiftPeriods     = mustStatement("shift_periods")
	stShiftsReplace    = mustStatement("shifts_replace")
	stShiftDyads       = mustStatement("shift_dyads")
	stShiftCounts      = mustStatement("shift_counts_rebuild")
	stWritesLock       = mustStatement("writes_lock")
)

// The first and last day a range can bound (Neo4j dates).
var (
	firstDay = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

// shiftRange is one pair's periods of one precision whose markers are
// recomputed: those from lo to hi and the changes into and out of them.
type shiftRange struct {
	dyad, kind string
	lo, hi     time.Time
}

// changedRanges are the ranges of the periods a difference of aggregates
// changes, one per pair and precision, sorted.
func changedRanges(diff map[event.Period]event.Counts) []shiftRange {
	byKey := map[[2]string]*shiftRange{}
	for p := range diff {
		k := [2]string{p.Dyad(), p.Kind}
		start := p.Start()
		r := byKey[k]
		if r == nil {
			byKey[k] = &shiftRange{dyad: k[0], kind: k[1], lo: start, hi: start}
			continue
		}
		if start.Before(r.lo) {
			r.lo = start
		}
		if start.After(r.hi) {
			r.hi = start
		}
	}
	out := make([]shiftRange, 0, len(byKey))
	for _, r := range byKey {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].dyad != out[j].dyad {
			return out[i].dyad < out[j].dyad
		}
		return out[i].kind < out[j].kind
	})
	return out
}

// dirtyRows are the parameter rows of the ShiftDirty records of ranges.
func dirtyRows(ranges []shiftRange) []map[string]any {
	rows := make([]map[string]any, len(ranges))
	for i, r := range ranges {
		rows[i] = map[string]any{"id": r.dyad + " " + r.kind, "dyad": r.dyad, "kind": r.kind,
			"lo": dbtype.Date(r.lo), "hi": dbtype.Date(r.hi)}
	}
	return rows
}

// RefreshShifts recomputes the SHIFT markers that writes left out of date
// (the ShiftDirty records), a chunk of records per transaction, each
// taking the writers' lock and deleting the records it recomputed, until
// none is left. Ingest runs it after its last batch; a run interrupted
// before leaves the records for the next one, and alliance-shifts reads
// the aggregates meanwhile.
func (c *Client) RefreshShifts(ctx context.Context) error {
	for {
		var n int
		err := c.lockedWrite(ctx, func(tx neo4j.ManagedTransaction) error {
			res, err := tx.Run(ctx, stShiftDirtyRead.Text, map[string]any{"limit": int64(shiftChunk)})
			if err != nil {
				return fmt.Errorf("%s: %w", stShiftDirtyRead.Name, err)
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return fmt.Errorf("%s: %w", stShiftDirtyRead.Name, err)
			}
			n = len(recs)
			ranges := make([]shiftRange, 0, len(recs))
			ids := make([]any, 0, len(recs))
			for _, rec := range recs {
				m := rec.AsMap()
				r := shiftRange{}
				r.dyad, _ = m["dyad"].(string)
				r.kind, _ = m["kind"].(string)
				if d, ok := m["lo"].(dbtype.Date); ok {
					r.lo = d.Time()
				}
				if d, ok := m["hi"].(dbtype.Date); ok {
					r.hi = d.Time()
				}
				ranges = append(ranges, r)
				ids = append(ids, m["id"])
			}
			if err := refreshShifts(ctx, tx, ranges); err != nil {
				return err
			}
			return run(ctx, tx, stShiftDirtyDelete, map[string]any{"ids": ids})
		})
		if err != nil || n < shiftChunk {
			return err
		}
	}
}

// lockedWrite runs work in a managed write transaction that first takes
// the writers' lock (writes_lock), as every transaction that changes the
// SHIFT markers or their cells does.
func (c *Client) lockedWrite(ctx context.Context, work func(tx neo4j.ManagedTransaction) error) error {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := run(ctx, tx, stWritesLock, nil); err != nil {
			return nil, err
		}
		return nil, work(tx)
	})
	if err != nil {
		return fmt.Errorf("graph: shift markers: %w", classify(c.uri, err))
	}
	return nil
}

// refreshShifts recomputes the SHIFT markers of the ranges from the
// aggregates as the transaction sees them.
func refreshShifts(ctx context.Context, tx neo4j.ManagedTransaction, ranges []shiftRange) error {
	if len(ranges) == 0 {
		return nil
	}
	params := make([]map[string]any, len(ranges))
	for i, r := range ranges {
		// Where the neighbouring periods are looked for first: a year
		// around for months, ten for year-only periods.
		years := 1
		if r.kind == event.Year {
			years = 10
		}
		nearLo, nearHi := r.lo.AddDate(-years, 0, 0), r.hi.AddDate(years, 0, 0)
		if nearLo.Before(firstDay) {
			nearLo = firstDay
		}
		if nearHi.After(lastDay) {
			nearHi = lastDay
		}
		params[i] = map[string]any{"dyad": r.dyad, "kind": r.kind, "lo": dbtype.Date(r.lo), "hi": dbtype.Date(r.hi),
			"near_lo": dbtype.Date(nearLo), "near_hi": dbtype.Date(nearHi)}
	}
	res, err := tx.Run(ctx, stShiftPeriods.Text, map[string]any{"ranges": params})
	if err != nil {
		return fmt.Errorf("%s: %w", stShiftPeriods.Name, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", stShiftPeriods.Name, err)
	}
	rule := alliance.DefaultShiftRule()
	replaced := make([]map[string]any, 0, len(recs))
	var shifts []map[string]any
	for _, rec := range recs {
		m := rec.AsMap()
		dyad, _ := m["dyad"].(string)
		kind, _ := m["kind"].(string)
		after, until := dbtype.Date(firstDay), dbtype.Date(lastDay)
		if d, ok := m["from"].(dbtype.Date); ok {
			after = d
		}
		if d, ok := m["until"].(dbtype.Date); ok {
			until = d
		}
		replaced = append(replaced, map[string]any{"dyad": dyad, "kind": kind, "after": after, "until": until})
		rows, _ := m["periods"].([]any)
		periods := make([]alliance.Period, 0, len(rows))
		var a, b string
		for _, row := range rows {
			props, _ := row.(map[string]any)
			a, _ = props["a"].(string)
			b, _ = props["b"].(string)
			periods = append(periods, periodOf(props))
		}
		sort.Slice(periods, func(i, j int) bool { return periods[i].Start.Before(periods[j].Start) })
		for _, s := range rule.Shifts(kind, periods) {
			shifts = append(shifts, map[string]any{"a": a, "b": b, "props": shiftProps(dyad, a, b, kind, s)})
		}
	}
	return run(ctx, tx, stShiftsReplace, map[string]any{"ranges": replaced, "shifts": shifts, "markers": markersParam(rule)})
}

// wholeRanges are the ranges of all the periods of some pairs, of both
// precisions: refreshing them replaces every marker of the pairs.
func wholeRanges(dyads []string) []shiftRange {
	ranges := make([]shiftRange, 0, 2*len(dyads))
	for _, d := range dyads {
		for _, kind := range []string{event.Month, event.Year} {
			ranges = append(ranges, shiftRange{dyad: d, kind: kind, lo: firstDay, hi: lastDay})
		}
	}
	return ranges
}

// markersParam is the (:ShiftMarkers) node's properties for rule: the
// alliance-shifts parameters under which the markers are its answer.
func markersParam(rule alliance.ShiftRule) map[string]any {
	types := make([]any, len(relation.Types))
	weights := make([]any, len(relation.Types))
	for i, t := range relation.Types {
		types[i], weights[i] = t, rule.Weights[t]
	}
	return map[string]any{"period": event.Month, "min_events": int64(1), "threshold": rule.Threshold,
		"planned_factor": rule.PlannedFactor, "types": types, "weights": weights}
}

// periodOf reads an aggregate's properties.
func periodOf(props map[string]any) alliance.Period {
	p := alliance.Period{Counts: map[string]int{}}
	if d, ok := props["start"].(dbtype.Date); ok {
		p.Start = d.Time()
	}
	for k, v := range props {
		if n, ok := v.(int64); ok {
			p.Counts[k] = int(n)
		}
	}
	return p
}

// shiftProps are the properties of a SHIFT marker: what alliance-shifts
// returns of it, and its rank (minus the size of the change) by which the
// query orders.
func shiftProps(dyad, a, b, kind string, s alliance.Shift) map[string]any {
	change := s.Change()
	props := map[string]any{
		"dyad": dyad, "a": a, "b": b, "precision": kind,
		"start": dbtype.Date(s.After.Start), "before_start": dbtype.Date(s.Before.Start), "gap": int64(s.Gap),
		"alignment_before": s.IndexBefore, "alignment_after": s.IndexAfter, "change": change, "rank": -math.Abs(change),
		"events_before": int64(s.Before.Events()), "events_after": int64(s.After.Events()),
	}
	for _, t := range relation.Types {
		if n := s.After.Counts[t] + s.After.Counts[t+"_planned"]; n > 0 {
			props[t] = int64(n)
		}
	}
	return props
}

// RebuildShifts computes the SHIFT markers of every pair with aggregates
// from the aggregates, a chunk of pairs per transaction (each replacing
// all the markers of its pairs, so a run interrupted or two at once end
// complete, and recording the parameters they are computed with in the
// (:ShiftMarkers) node, which a graph without aggregates does not need).
// Migrate runs it on a graph without markers; writes, RefreshShifts and
// RebuildEvents keep them up to date.
func (c *Client) RebuildShifts(ctx context.Context) error {
	recs, err := c.Read(ctx, stShiftDyads, nil)
	if err != nil {
		return fmt.Errorf("graph: shift markers: %w", err)
	}
	dyads := make([]string, 0, len(recs))
	for _, rec := range recs {
		if d, ok := rec.Values[0].(string); ok {
			dyads = append(dyads, d)
		}
	}
	for start := 0; start < len(dyads); start += shiftChunk {
		ranges := wholeRanges(dyads[start:min(start+shiftChunk, len(dyads))])
		if err := c.lockedWrite(ctx, func(tx neo4j.ManagedTransaction) error {
			return refreshShifts(ctx, tx, ranges)
		}); err != nil {
			return err
		}
	}
	if len(dyads) == 0 {
		return nil // a new graph: nothing to count, and no lock node to make
	}
	// The cells follow the markers in every transaction; counted again
	// here, they are right even if a graph's were not (markers edited by
	// hand, or left without cells by an unreleased build).
	return c.lockedWrite(ctx, func(tx neo4j.ManagedTransaction) error {
		return run(ctx, tx, stShiftCounts, nil)
	})
}
