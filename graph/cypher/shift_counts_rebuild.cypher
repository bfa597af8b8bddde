// Recomputes the ShiftCount cells from the SHIFT markers (one per
// precision and pair of periods, n the markers that join them): the end of
// RebuildShifts, so that cells are right whatever state they were in.
CALL () {
  MATCH (c:ShiftCount)
  DELETE c
}
CALL () {
  MATCH ()-[s:SHIFT]->()
  WITH s.precision AS precision, s.before_start AS before, s.start AS start, count(*) AS n
  CREATE (:ShiftCount {id: precision + ' ' + toString(before) + ' ' + toString(start),
                       precision: precision, before: before, start: start, n: n})
}
