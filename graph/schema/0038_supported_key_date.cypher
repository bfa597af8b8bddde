// SUPPORTED events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX supported_key_date IF NOT EXISTS
FOR ()-[r:SUPPORTED]-() ON (r.key, r.date)
