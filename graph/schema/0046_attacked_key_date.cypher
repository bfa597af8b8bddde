// ATTACKED events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX attacked_key_date IF NOT EXISTS
FOR ()-[r:ATTACKED]-() ON (r.key, r.date)
