// ShiftCount cells by precision and periods: alliance-shifts sums the
// cells of its window (later period inside it, earlier one not before its
// start) instead of counting the markers one by one.
CREATE INDEX shift_count_window IF NOT EXISTS
FOR (n:ShiftCount) ON (n.precision, n.start, n.before)
