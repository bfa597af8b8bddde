// The schema's version nodes, for the comparison of schema_state.cypher.
MATCH (s:DiplographSchema)
RETURN 'node|' + coalesce(s.name, '') + '|' + toString(coalesce(s.version, -1)) AS rule
ORDER BY rule
