// REJECTED events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX rejected_key_date IF NOT EXISTS
FOR ()-[r:REJECTED]-() ON (r.key, r.date)
