// Range index on the date of SANCTIONED events, for time-window queries.
CREATE INDEX sanctioned_date IF NOT EXISTS
FOR ()-[r:SANCTIONED]-() ON (r.date)
