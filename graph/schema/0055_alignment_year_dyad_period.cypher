// One pair's ALIGNMENT_YEAR total of one calendar year ("2014"): the
// writer adds event counts to it through this index, and a rebuild finds a
// pair's totals through it.
CREATE INDEX alignment_year_dyad_period IF NOT EXISTS
FOR ()-[r:ALIGNMENT_YEAR]-() ON (r.dyad, r.period)
