// Merges the schema version nodes that processes migrating at once could
// create before schema_name_unique existed into one, which keeps the
// highest version, so that the constraint can be created.
MATCH (s:DiplographSchema {name: 'diplograph'})
WITH collect(s) AS nodes, max(s.version) AS version
WHERE size(nodes) > 1
WITH nodes, version, head(nodes) AS kept
SET kept.version = version
WITH nodes
UNWIND tail(nodes) AS extra
DETACH DELETE extra
