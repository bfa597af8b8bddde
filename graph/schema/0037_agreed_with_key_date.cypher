// AGREED_WITH events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX agreed_with_key_date IF NOT EXISTS
FOR ()-[r:AGREED_WITH]-() ON (r.key, r.date)
