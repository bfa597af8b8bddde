// Range index on the date of WARNED events, for time-window queries.
CREATE INDEX warned_date IF NOT EXISTS
FOR ()-[r:WARNED]-() ON (r.date)
