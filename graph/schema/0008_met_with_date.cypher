// Range index on the date of MET_WITH events, for time-window queries.
CREATE INDEX met_with_date IF NOT EXISTS
FOR ()-[r:MET_WITH]-() ON (r.date)
