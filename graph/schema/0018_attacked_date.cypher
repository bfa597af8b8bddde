// Range index on the date of ATTACKED events, for time-window queries.
CREATE INDEX attacked_date IF NOT EXISTS
FOR ()-[r:ATTACKED]-() ON (r.date)
