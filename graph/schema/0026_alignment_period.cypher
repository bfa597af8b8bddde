// ALIGNMENT edges by period: materializing a window replaces the edges of
// its periods only, and Browser users look periods up
// (MATCH ()-[a:ALIGNMENT {period: '2014-06'}]->() RETURN a).
CREATE INDEX alignment_period IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.period)
