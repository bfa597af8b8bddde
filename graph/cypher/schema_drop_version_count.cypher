// Tests only: how many nodes record the schema version (one, or none).
MATCH (s:DiplographSchema)
RETURN count(s) AS nodes
