// SANCTIONED events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX sanctioned_key_date IF NOT EXISTS
FOR ()-[r:SANCTIONED]-() ON (r.key, r.date)
