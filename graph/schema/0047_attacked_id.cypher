// Range index on the id of ATTACKED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX attacked_id IF NOT EXISTS
FOR ()-[r:ATTACKED]-() ON (r.id)
