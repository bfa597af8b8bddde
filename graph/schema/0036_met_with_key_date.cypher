// MET_WITH events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX met_with_key_date IF NOT EXISTS
FOR ()-[r:MET_WITH]-() ON (r.key, r.date)
