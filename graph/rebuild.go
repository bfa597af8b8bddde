package graph

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/event"
	"github.com/diplograph/diplograph/relation"
)

// rebuildChunk bounds the reports (and the pairs of actors) one rebuild
// transaction reads, so that memory stays bounded on a large graph (a
// Neo4j heap of 1 GiB holds tens of thousands, not a million).
const (
	rebuildChunkReports = 20000
	rebuildChunkPairs   = 500
)

// RebuildStats says what RebuildEvents did.
type RebuildStats struct {
	Reports    int // reports read
	Events     int // events formed
	Aggregates int // pairs of actors whose aggregates were recomputed
}

// RebuildEvents re-forms all events from the reports with an event window
// of window days, records the window in the graph (writers with another
// one are refused from then on), and recomputes all ALIGNMENT aggregates
// from the events. It works a bounded chunk at a time, each chunk one
// transaction that takes the writers' lock, so concurrent writes stay
// consistent; an interrupted run leaves a consistent graph (events and
// aggregates agree) with some keys re-formed, and running it again
// completes it. One rebuild runs at a time (a graph lock); a second waits.
func (c *Client) RebuildEvents(ctx context.Context, window int) (RebuildStats, error) {
	var st RebuildStats
	if window < 0 {
		return st, fmt.Errorf("graph: rebuild: event window %d: want 0 or more days", window)
	}
	unlock, renew, err := c.lockRebuild(ctx)
	if err != nil {
		return st, err
	}
	defer unlock()
	if err := c.Write(ctx, stEventsWindowSet, map[string]any{"window": int64(window)}); err != nil {
		return st, fmt.Errorf("graph: rebuild: %w", err)
	}
	recs, err := c.Read(ctx, stReportKeys, nil)
	if err != nil {
		return st, fmt.Errorf("graph: rebuild: %w", err)
	}
	// One group per event key without its class: a type and a pair, with
	// the orders its reports give the actors in.
	type pairKey struct{ typ, source, target string }
	groups := map[pairKey][]map[string]any{}
	counts := map[pairKey]int{}
	for _, rec := range recs {
		m := rec.AsMap()
		typ, _ := m["type"].(string)
		src, _ := m["source"].(string)
		tgt, _ := m["target"].(string)
		n, _ := m["reports"].(int64)
		k := event.KeyOf(event.Report{Type: typ, Source: src, Target: tgt})
		pk := pairKey{k.Type, k.Source, k.Target}
		groups[pk] = append(groups[pk], map[string]any{"type": typ, "source": src, "target": tgt})
		counts[pk] += int(n)
	}
	keys := make([]pairKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.source != b.source {
			return a.source < b.source
		}
		if a.target != b.target {
			return a.target < b.target
		}
		return a.typ < b.typ
	})
	for len(keys) > 0 {
		n, reports := 0, 0
		for n < len(keys) && (n == 0 || reports+counts[keys[n]] <= rebuildChunkReports) {
			reports += counts[keys[n]]
			n++
		}
		var orients, pairs []map[string]any
		for _, k := range keys[:n] {
			orients = append(orients, groups[k]...)
			pairs = append(pairs, map[string]any{"type": k.typ, "source": k.source, "target": k.target})
		}
		formed, err := c.rebuildKeys(ctx, orients, pairs, window)
		if err != nil {
			return st, err
		}
		st.Reports += reports
		st.Events += formed
		if err := renew(); err != nil {
			return st, err
		}
		keys = keys[n:]
	}
	n, err := c.rebuildAggregates(ctx, window, renew)
	st.Aggregates = n
	if err != nil {
		return st, err
	}
	return st, c.RefreshShifts(ctx)
}

// rebuildKeys re-forms, in one transaction, the events of some keys: the
// events stored between their actors are replaced by those formed from
// all their reports.
func (c *Client) rebuildKeys(ctx context.Context, orients, pairs []map[string]any, window int) (int, error) {
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	n, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := markWrite(ctx, tx, window); err != nil {
			return nil, err
		}
		olds, _, err := eventRows(ctx, tx, stEventsOfPairs, map[string]any{"pairs": pairs})
		if err != nil {
			return nil, err
		}
		stored, err := readReports(ctx, tx, stReportsOfKeys, map[string]any{"keys": orients})
		if err != nil {
			return nil, err
		}
		return replaceEvents(ctx, tx, olds, stored, nil, window)
	})
	if err != nil {
		return 0, fmt.Errorf("graph: rebuild: %w", classify(c.uri, err))
	}
	return n.(int), nil
}

// rebuildAggregates recomputes the ALIGNMENT aggregates of every pair of
// actors with events or aggregates from the events, a chunk of pairs per
// transaction, and deletes events no report belongs to any more.
func (c *Client) rebuildAggregates(ctx context.Context, window int, renew func() error) (int, error) {
	recs, err := c.Read(ctx, stEventPairs, map[string]any{"types": relation.Types})
	if err != nil {
		return 0, fmt.Errorf("graph: rebuild: %w", err)
	}
	type pair struct{ a, b string }
	pairs := make([]pair, 0, len(recs))
	for _, rec := range recs {
		a, _ := rec.Values[0].(string)
		b, _ := rec.Values[1].(string)
		pairs = append(pairs, pair{a, b})
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	for start := 0; start < len(pairs); start += rebuildChunkPairs {
		chunk := pairs[start:min(start+rebuildChunkPairs, len(pairs))]
		var dyads []string
		var typed []map[string]any
		for _, p := range chunk {
			dyads = append(dyads, p.a+"-"+p.b)
			for _, t := range relation.Types {
				typed = append(typed, map[string]any{"type": t, "source": p.a, "target": p.b},
					map[string]any{"type": t, "source": p.b, "target": p.a})
			}
		}
		s := c.session(ctx, neo4j.AccessModeWrite)
		_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			if err := markWrite(ctx, tx, window); err != nil {
				return nil, err
			}
			evs, recs, err := eventRows(ctx, tx, stEventsOfPairs, map[string]any{"pairs": typed})
			if err != nil {
				return nil, err
			}
			var live []event.Event
			var orphans []map[string]any
			for i, e := range evs {
				if orphan, _ := recs[i].AsMap()["orphan"].(bool); orphan {
					orphans = append(orphans, e.ref())
					continue
				}
				live = append(live, e.Event)
			}
			if len(orphans) > 0 {
				if err := run(ctx, tx, stEventsDelete, map[string]any{"events": orphans}); err != nil {
					return nil, err
				}
			}
			if err := run(ctx, tx, stAlignmentOfPairs, map[string]any{"dyads": dyads}); err != nil {
				return nil, err
			}
			// Every marker of the pairs is out of date, also of a
			// precision left without aggregates, which the difference
			// does not name.
			return nil, applyAggregates(ctx, tx, event.Aggregate(live), wholeRanges(dyads)...)
		})
		s.Close(ctx)
		if err != nil {
			return start, fmt.Errorf("graph: rebuild: aggregates: %w", classify(c.uri, err))
		}
		if err := renew(); err != nil {
			return start + len(chunk), err
		}
	}
	return len(pairs), nil
}

// rebuildLock is the graph lock that lets one rebuild run at a time,
// across processes (the lock materializations took before).
const (
	rebuildLock    = "materialize"
	rebuildLockTTL = 5 * time.Minute
)

// lockRebuild waits until it holds the rebuild lock (or ctx ends) and
// returns functions that release and renew it.
func (c *Client) lockRebuild(ctx context.Context) (unlock func(), renew func() error, err error) {
	host, _ := os.Hostname()
	var nonce [4]byte
	rand.Read(nonce[:])
	owner := fmt.Sprintf("%s:%d:%x", host, os.Getpid(), nonce)
	for {
		_, ok, err := c.AcquireLock(ctx, rebuildLock, owner, rebuildLockTTL)
		if err != nil {
			return nil, nil, fmt.Errorf("graph: rebuild: taking the lock: %w", err)
		}
		if ok {
			break
		}
		select {
		case <-ctx.Done():
			return nil, nil, fmt.Errorf("graph: rebuild: waiting for another rebuild: %w", ctx.Err())
		case <-time.After(500 * time.Millisecond):
		}
	}
	unlock = func() { c.ReleaseLock(context.WithoutCancel(ctx), rebuildLock, owner) }
	renew = func() error {
		if _, ok, err := c.AcquireLock(ctx, rebuildLock, owner, rebuildLockTTL); err != nil || !ok {
			return fmt.Errorf("graph: rebuild: lost the lock (held more than %s without renewal): %v", rebuildLockTTL, err)
		}
		return nil
	}
	return unlock, renew, nil
}
