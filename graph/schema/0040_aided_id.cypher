// Range index on the id of AIDED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX aided_id IF NOT EXISTS
FOR ()-[r:AIDED]-() ON (r.id)
