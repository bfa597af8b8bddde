// One pair's SHIFT markers of one precision in order of the later
// period's first day: the writer replaces those between the periods it
// recomputed through it.
CREATE INDEX shift_dyad IF NOT EXISTS
FOR ()-[r:SHIFT]-() ON (r.dyad, r.precision, r.start)
