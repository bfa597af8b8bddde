// SHIFT markers of one precision by the first days of their two periods:
// alliance-shifts counts the shifts of a window through it (both days are
// index values, so the count reads no relationship).
CREATE INDEX shift_window IF NOT EXISTS
FOR ()-[r:SHIFT]-() ON (r.precision, r.start, r.before_start)
