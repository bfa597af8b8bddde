// Range index on the id of REQUESTED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX requested_id IF NOT EXISTS
FOR ()-[r:REQUESTED]-() ON (r.id)
