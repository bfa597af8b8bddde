// One pair's ALIGNMENT aggregate of one period ("2014-06" or "2014"): the
// writer adds event counts to it through this index.
CREATE INDEX alignment_dyad_period IF NOT EXISTS
FOR ()-[r:ALIGNMENT]-() ON (r.dyad, r.period)
