// Range index on the date of AGREED_WITH events, for time-window queries.
CREATE INDEX agreed_with_date IF NOT EXISTS
FOR ()-[r:AGREED_WITH]-() ON (r.date)
