// Counts nodes by label and relationships by type (schema metadata excluded).
CALL () {
  MATCH (n) WHERE NOT n:DiplographSchema
  UNWIND labels(n) AS k
  RETURN k, count(*) AS n
  UNION ALL
  MATCH ()-[r]->()
  RETURN type(r) AS k, count(*) AS n
}
RETURN k, n
