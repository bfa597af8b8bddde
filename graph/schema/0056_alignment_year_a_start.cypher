// The year totals of the pairs whose lower code is one actor, by the first
// day of their year: partners and rivals read a state's whole years of a
// window through it and 0057, one row per partner and year.
CREATE INDEX alignment_year_a_start IF NOT EXISTS
FOR ()-[r:ALIGNMENT_YEAR]-() ON (r.a, r.start)
