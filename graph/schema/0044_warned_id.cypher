// Range index on the id of WARNED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX warned_id IF NOT EXISTS
FOR ()-[r:WARNED]-() ON (r.id)
