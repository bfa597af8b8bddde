// Range index on the date of AIDED events, for time-window queries.
CREATE INDEX aided_date IF NOT EXISTS
FOR ()-[r:AIDED]-() ON (r.date)
