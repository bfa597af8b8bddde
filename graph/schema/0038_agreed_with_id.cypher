// Range index on the id of AGREED_WITH events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX agreed_with_id IF NOT EXISTS
FOR ()-[r:AGREED_WITH]-() ON (r.id)
