// Range index on the id of REJECTED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX rejected_id IF NOT EXISTS
FOR ()-[r:REJECTED]-() ON (r.id)
