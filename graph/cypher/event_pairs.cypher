// Every pair of actors (lower code first) with events, an ALIGNMENT
// aggregate or an ALIGNMENT_YEAR total: what a rebuild recomputes the
// aggregates of, a chunk at a time. Events are the relationships of the
// relation types ($types).
CALL () {
  MATCH (s:Actor)-[e]->(t:Actor)
  WHERE type(e) IN $types
  RETURN CASE WHEN s.code < t.code THEN s.code ELSE t.code END AS a,
         CASE WHEN s.code < t.code THEN t.code ELSE s.code END AS b
  UNION
  MATCH (s:Actor)-[:ALIGNMENT]->(t:Actor)
  RETURN s.code AS a, t.code AS b
  UNION
  MATCH (s:Actor)-[:ALIGNMENT_YEAR]->(t:Actor)
  RETURN s.code AS a, t.code AS b
}
RETURN DISTINCT a, b
