// SHIFT markers in alliance-shifts' order (largest change first, then the
// pair, the later period, the precision; rank is minus the size of the
// change): the query reads the first rows of a window in this order and
// stops at its limit.
CREATE INDEX shift_rank IF NOT EXISTS
FOR ()-[r:SHIFT]-() ON (r.rank, r.a, r.b, r.start, r.precision)
