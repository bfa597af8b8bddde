// The aggregates of the pairs whose lower code is one actor, by the first
// day of their period: partners and rivals read a state's aggregates of a
// window of time through it and 0053, not all of its aggregates.
CREATE INDEX alignment_a_start IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.a, r.start)
