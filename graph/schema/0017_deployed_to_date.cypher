// Range index on the date of DEPLOYED_TO events, for time-window queries.
CREATE INDEX deployed_to_date IF NOT EXISTS
FOR ()-[r:DEPLOYED_TO]-() ON (r.date)
