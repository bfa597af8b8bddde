package graph

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

var (
	stAlignmentSpan          = mustStatement("alignment_span")
	stAlignmentDelete        = mustStatement("alignment_delete")
	stAlignmentDeleteOutside = mustStatement("alignment_delete_outside")
	stAlignmentDeleteRange   = mustStatement("alignment_delete_range")
	stAlignmentCreateRange   = mustStatement("alignment_create_range")
	stAlignmentWrites        = mustStatement("alignment_writes")
	stAlignmentStateClear    = mustStatement("alignment_state_clear")
	stAlignmentStateOther    = mustStatement("alignment_state_clear_other_factor")
	stAlignmentStateSet      = mustStatement("alignment_state_set")
)

// Materialize recomputes all ALIGNMENT edges of one period length (month,
// quarter or year): the old edges of that length are replaced, so running
// it twice gives the same graph. It works a calendar year at a time, one
// transaction per year (as MaterializeRange), so memory stays bounded on a
// large graph (one transaction for a million events needs more than a 1 GB
// heap); edges of periods without events any more are removed at the end.
// An interrupted run leaves some years recomputed and the others as they
// were; running it again completes it. It returns how many edges were
// written.
//
// A completed run is recorded as (:Materialization {period_kind, writes,
// planned_factor}), writes being the count of article write transactions
// it saw ((:DiplographWrites).seq). While no article has been written
// since, the month edges are complete, and the alliance-timeline query
// reads them instead of the events. The record is removed when a run
// starts, so an interrupted run leaves none.
func (c *Client) Materialize(ctx context.Context, period string, plannedFactor float64) (int, error) {
	if err := checkPeriod(period); err != nil {
		return 0, err
	}
	unlock, renew, err := c.lockMaterialize(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	// The articles this computation sees: those of the write transactions
	// committed before it starts. A writer commits its count after its
	// articles, so a write still in flight moves the count on.
	counted, err := c.Read(ctx, stAlignmentWrites, nil)
	if err != nil {
		return 0, fmt.Errorf("graph: materialize: %w", err)
	}
	writes := int64(0)
	if len(counted) == 1 {
		writes, _ = counted[0].Values[0].(int64)
	}
	state := map[string]any{"period": period, "planned_factor": plannedFactor, "writes": writes}
	if err := c.Write(ctx, stAlignmentStateClear, state); err != nil {
		return 0, fmt.Errorf("graph: materialize: %w", err)
	}
	recs, err := c.Read(ctx, stAlignmentSpan, nil)
	if err != nil {
		return 0, fmt.Errorf("graph: materialize: %w", err)
	}
	var first, last dbtype.Date
	ok := len(recs) == 1
	if ok {
		first, ok = recs[0].Values[0].(dbtype.Date)
		last, _ = recs[0].Values[1].(dbtype.Date)
	}
	if !ok { // no events: no edges
		if err := c.Write(ctx, stAlignmentDelete, map[string]any{"period": period}); err != nil {
			return 0, fmt.Errorf("graph: materialize: %w", err)
		}
		if err := c.Write(ctx, stAlignmentStateSet, state); err != nil {
			return 0, fmt.Errorf("graph: materialize: %w", err)
		}
		return 0, nil
	}
	from := time.Date(first.Time().Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last.Time().Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	total, err := c.materializeYears(ctx, period, from, to, plannedFactor, renew)
	if err != nil {
		return total, err
	}
	_, _, names := Periods(period, from, to)
	params := map[string]any{"period": period, "first": names[0], "last": names[len(names)-1]}
	if err := c.Write(ctx, stAlignmentDeleteOutside, params); err != nil {
		return total, fmt.Errorf("graph: materialize: %w", err)
	}
	if err := c.Write(ctx, stAlignmentStateSet, state); err != nil {
		return total, fmt.Errorf("graph: materialize: %w", err)
	}
	return total, nil
}

// MaterializeRange recomputes the ALIGNMENT edges of one period length for
// the periods that overlap the days from..to, one transaction per calendar
// year of the window: the window is widened to whole periods, the edges of
// those periods are replaced and no other edge is touched. Running it twice
// gives the same graph, and the edges equal those Materialize writes for
// those periods. It returns how many edges were written.
func (c *Client) MaterializeRange(ctx context.Context, period string, from, to time.Time, plannedFactor float64) (int, error) {
	if err := checkPeriod(period); err != nil {
		return 0, err
	}
	if to.Before(from) {
		return 0, fmt.Errorf("graph: materialize: window %s to %s ends before it starts", from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	unlock, renew, err := c.lockMaterialize(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	return c.materializeYears(ctx, period, from, to, plannedFactor, renew)
}

// materializeYears recomputes the periods overlapping from..to, a calendar
// year per transaction, renewing the materialize lock after each.
func (c *Client) materializeYears(ctx context.Context, period string, from, to time.Time, plannedFactor float64, renew func() error) (int, error) {
	total := 0
	for y := from.Year(); y <= to.Year(); y++ {
		lo, hi := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		if lo.Before(from) {
			lo = from
		}
		if hi.After(to) {
			hi = to
		}
		n, err := c.materializeWindow(ctx, period, lo, hi, plannedFactor)
		if err != nil {
			return total, err
		}
		total += n
		if err := renew(); err != nil {
			return total, err
		}
	}
	return total, nil
}

// materializeWindow recomputes, in one transaction, the periods that
// overlap from..to (within one calendar year).
func (c *Client) materializeWindow(ctx context.Context, period string, from, to time.Time, plannedFactor float64) (int, error) {
	first, last, names := Periods(period, from, to)
	params := map[string]any{
		"period": period, "planned_factor": plannedFactor, "periods": names,
		"from": dbtype.Date(first), "to": dbtype.Date(last),
	}
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	n, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := run(ctx, tx, stAlignmentStateOther, params); err != nil {
			return nil, err
		}
		if err := run(ctx, tx, stAlignmentDeleteRange, params); err != nil {
			return nil, err
		}
		edges, err := runCount(ctx, tx, stAlignmentCreateRange, params)
		if err != nil {
			return nil, err
		}
		return int(edges), nil
	})
	if err != nil {
		return 0, fmt.Errorf("graph: materialize: %w", classify(c.uri, err))
	}
	return n.(int), nil
}

// materializeLock is the graph lock that lets one materialization run at a
// time, across processes: two at once could leave the edges of one and the
// record of the other.
const (
	materializeLock    = "materialize"
	materializeLockTTL = 5 * time.Minute
)

// lockMaterialize waits until it holds the materialize lock (or ctx ends)
// and returns functions that release and renew it.
func (c *Client) lockMaterialize(ctx context.Context) (unlock func(), renew func() error, err error) {
	host, _ := os.Hostname()
	var nonce [4]byte
	rand.Read(nonce[:])
	owner := fmt.Sprintf("%s:%d:%x", host, os.Getpid(), nonce)
	for {
		_, ok, err := c.AcquireLock(ctx, materializeLock, owner, materializeLockTTL)
		if err != nil {
			return nil, nil, fmt.Errorf("graph: materialize: taking the lock: %w", err)
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			return nil, nil, fmt.Errorf("graph: materialize: waiting for another materialization: %w", ctx.Err())
		case <-time.After(500 * time.Millisecond):
		}
	}
	unlock = func() { c.ReleaseLock(context.WithoutCancel(ctx), materializeLock, owner) }
	renew = func() error {
		if _, ok, err := c.AcquireLock(ctx, materializeLock, owner, materializeLockTTL); err != nil || !ok {
			return fmt.Errorf("graph: materialize: lost the lock (held more than %s without renewal): %v", materializeLockTTL, err)
		}
		return nil
	}
	return unlock, renew, nil
}

// ForgetMaterialized removes the record that the ALIGNMENT edges of one
// period length are complete (see Materialize), so queries read the events
// until the next complete run; the edges stay.
func (c *Client) ForgetMaterialized(ctx context.Context, period string) error {
	if err := c.Write(ctx, stAlignmentStateClear, map[string]any{"period": period}); err != nil {
		return fmt.Errorf("graph: forget materialization: %w", err)
	}
	return nil
}

func checkPeriod(period string) error {
	switch period {
	case "month", "quarter", "year":
		return nil
	}
	return fmt.Errorf("graph: materialize: period %q: want month, quarter or year", period)
}

// Periods returns the periods of one length (month, quarter or year) that
// overlap the days from..to: the first day of the first, the last day of
// the last, and their names as ALIGNMENT edges carry them ("2014-06",
// "2014-Q2", "2014").
func Periods(period string, from, to time.Time) (first, last time.Time, names []string) {
	months := map[string]int{"month": 1, "quarter": 3, "year": 12}[period]
	if months == 0 {
		months = 1
	}
	start := func(t time.Time) time.Time {
		m := (int(t.Month())-1)/months*months + 1
		return time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	}
	first = start(from)
	end := start(to).AddDate(0, months, 0)
	for p := first; p.Before(end); p = p.AddDate(0, months, 0) {
		switch period {
		case "year":
			names = append(names, fmt.Sprintf("%d", p.Year()))
		case "quarter":
			names = append(names, fmt.Sprintf("%d-Q%d", p.Year(), (int(p.Month())-1)/3+1))
		default:
			names = append(names, fmt.Sprintf("%d-%02d", p.Year(), int(p.Month())))
		}
	}
	return first, end.AddDate(0, 0, -1), names
}
