// Range index on the id of ACCUSED events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX accused_id IF NOT EXISTS
FOR ()-[r:ACCUSED]-() ON (r.id)
