// Range index on the date of REJECTED events, for time-window queries.
CREATE INDEX rejected_date IF NOT EXISTS
FOR ()-[r:REJECTED]-() ON (r.date)
