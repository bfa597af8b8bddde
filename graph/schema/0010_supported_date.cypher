// Range index on the date of SUPPORTED events, for time-window queries.
CREATE INDEX supported_date IF NOT EXISTS
FOR ()-[r:SUPPORTED]-() ON (r.date)
