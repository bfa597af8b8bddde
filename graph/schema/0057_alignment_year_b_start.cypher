// The year totals of the pairs whose higher code is one actor, by the
// first day of their year (see 0056).
CREATE INDEX alignment_year_b_start IF NOT EXISTS
FOR ()-[r:ALIGNMENT_YEAR]-() ON (r.b, r.start)
