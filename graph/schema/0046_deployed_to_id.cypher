// Range index on the id of DEPLOYED_TO events: the writer finds an event by its
// id without reading the other events between the same two actors.
CREATE INDEX deployed_to_id IF NOT EXISTS
FOR ()-[r:DEPLOYED_TO]-() ON (r.id)
