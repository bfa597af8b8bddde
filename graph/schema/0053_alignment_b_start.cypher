// The aggregates of the pairs whose higher code is one actor, by the first
// day of their period (see 0052).
CREATE INDEX alignment_b_start IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.b, r.start)
