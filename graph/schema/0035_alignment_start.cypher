// ALIGNMENT aggregates by the first day of their period: queries over a
// window of time read them through it.
CREATE INDEX alignment_start IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.start)
