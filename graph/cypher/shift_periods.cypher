// The ALIGNMENT aggregates the SHIFT markers of some ranges are computed
// from. A range is a pair (dyad), a precision (kind: month or year) and
// the first and last day of the periods a write changed (lo, hi); for
// each, the pair's aggregates of that precision from the last one before
// lo (its start is `from`, null when there is none) to the first one after
// hi (`until`, likewise), read through alignment_dyad_kind_start. The
// neighbours are looked for between near_lo and lo (hi and near_hi) first,
// where a busy pair's lie, so that a few entries are read instead of the
// pair's whole history, and beyond only when none is there (the planner
// reads a seek's entries before it takes the last one; a null bound makes
// the second seek find nothing). Only pairs of two states have markers
// (alliance-shifts compares states): the periods of other pairs are left
// out, so they get none.
UNWIND $ranges AS r
OPTIONAL CALL (r) {
  MATCH ()-[p:ALIGNMENT]->()
  WHERE p.dyad = r.dyad AND p.period_kind = r.kind AND p.start < r.lo AND p.start >= r.near_lo
  WITH p
  ORDER BY p.start DESC
  LIMIT 1
  RETURN p.start AS near_from
}
OPTIONAL CALL (r, near_from) {
  MATCH ()-[p:ALIGNMENT]->()
  WHERE p.dyad = r.dyad AND p.period_kind = r.kind AND p.start < CASE WHEN near_from IS NULL THEN r.near_lo END
  WITH p
  ORDER BY p.start DESC
  LIMIT 1
  RETURN p.start AS far_from
}
OPTIONAL CALL (r) {
  MATCH ()-[n:ALIGNMENT]->()
  WHERE n.dyad = r.dyad AND n.period_kind = r.kind AND n.start > r.hi AND n.start <= r.near_hi
  WITH n
  ORDER BY n.start
  LIMIT 1
  RETURN n.start AS near_until
}
OPTIONAL CALL (r, near_until) {
  MATCH ()-[n:ALIGNMENT]->()
  WHERE n.dyad = r.dyad AND n.period_kind = r.kind AND n.start > CASE WHEN near_until IS NULL THEN r.near_hi END
  WITH n
  ORDER BY n.start
  LIMIT 1
  RETURN n.start AS far_until
}
WITH r, coalesce(near_from, far_from) AS from, coalesce(near_until, far_until) AS until
CALL (r, from, until) {
  OPTIONAL MATCH (x)-[al:ALIGNMENT]->(y)
  WHERE al.dyad = r.dyad AND al.period_kind = r.kind
    AND al.start >= coalesce(from, r.lo) AND al.start <= coalesce(until, r.hi)
  RETURN collect(CASE WHEN x:Country AND y:Country THEN properties(al) END) AS periods
}
RETURN r.dyad AS dyad, r.kind AS kind, from, until, periods
