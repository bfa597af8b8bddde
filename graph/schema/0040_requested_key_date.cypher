// REQUESTED events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX requested_key_date IF NOT EXISTS
FOR ()-[r:REQUESTED]-() ON (r.key, r.date)
