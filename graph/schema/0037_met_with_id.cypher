// Range index on the id of MET_WITH events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX met_with_id IF NOT EXISTS
FOR ()-[r:MET_WITH]-() ON (r.id)
