// Range index on the id of SUPPORTED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX supported_id IF NOT EXISTS
FOR ()-[r:SUPPORTED]-() ON (r.id)
