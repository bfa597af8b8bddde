// Range index on the date of REQUESTED events, for time-window queries.
CREATE INDEX requested_date IF NOT EXISTS
FOR ()-[r:REQUESTED]-() ON (r.date)
