// Range index on the id of SANCTIONED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX sanctioned_id IF NOT EXISTS
FOR ()-[r:SANCTIONED]-() ON (r.id)
