// ACCUSED events by key and date: the writer finds the events a new
// report could join through it (events_near).
CREATE INDEX accused_key_date IF NOT EXISTS
FOR ()-[r:ACCUSED]-() ON (r.key, r.date)
