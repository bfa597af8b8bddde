// The schema version recorded in the graph (0 when none).
OPTIONAL MATCH (s:DiplographSchema {name: 'diplograph'})
RETURN coalesce(s.version, 0) AS version
