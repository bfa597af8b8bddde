// The ALIGNMENT aggregates the SHIFT markers of some ranges are computed
// from. A range is a pair (dyad), a precision (kind: month or year) and
// the first and last day of the periods a write changed (lo, hi); for
// each, the pair's aggregates of that precision from the last one before
// lo (its start is `from`, null when there is none) to the first one after
// hi (`until`, likewise), read through alignment_dyad_kind_start. Only
// pairs of two states have markers (alliance-shifts compares states): the
// periods of other pairs are left out, so they get none.
UNWIND $ranges AS r
CALL (r) {
  OPTIONAL MATCH ()-[p:ALIGNMENT]->()
  WHERE p.dyad = r.dyad AND p.period_kind = r.kind AND p.start < r.lo
  WITH p.start AS start
  ORDER BY start DESC
  LIMIT 1
  RETURN start AS from
}
CALL (r) {
  OPTIONAL MATCH ()-[n:ALIGNMENT]->()
  WHERE n.dyad = r.dyad AND n.period_kind = r.kind AND n.start > r.hi
  WITH n.start AS start
  ORDER BY start
  LIMIT 1
  RETURN start AS until
}
CALL (r, from, until) {
  OPTIONAL MATCH (x)-[al:ALIGNMENT]->(y)
  WHERE al.dyad = r.dyad AND al.period_kind = r.kind
    AND al.start >= coalesce(from, r.lo) AND al.start <= coalesce(until, r.hi)
  RETURN collect(CASE WHEN x:Country AND y:Country THEN properties(al) END) AS periods
}
RETURN r.dyad AS dyad, r.kind AS kind, from, until, periods
