// DEPLOYED_TO events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX deployed_to_key_date IF NOT EXISTS
FOR ()-[r:DEPLOYED_TO]-() ON (r.key, r.date)
