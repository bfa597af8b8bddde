// One pair's ALIGNMENT aggregates of one precision (period_kind month or
// year) in order of their first day: the writer finds, through it, the
// pair's periods before and after the ones it changed, to recompute the
// SHIFT markers between them.
CREATE INDEX alignment_dyad_kind_start IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.dyad, r.period_kind, r.start)
