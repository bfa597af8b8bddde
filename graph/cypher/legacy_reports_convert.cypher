// Converts up to $limit relationships of a graph of the old model (one
// typed relationship per report, with article_id, no Report nodes) into
// (:Article)-[:HAS_REPORT]->(:Report) nodes with the same properties (the
// weight dropped), and deletes the relationships; one whose article is
// gone is deleted. Returns how many relationships it took. Events and
// aggregates are formed afterwards by a rebuild.
MATCH (s:Actor)-[e]->(t:Actor)
WHERE type(e) IN $types AND e.id IS NULL
WITH s, t, e LIMIT $limit
OPTIONAL MATCH (a:Article {id: e.article_id})
CALL (a, s, t, e) {
  WITH a, s, t, e
  WHERE a IS NOT NULL
  CREATE (a)-[:HAS_REPORT]->(r:Report)
  SET r = properties(e)
  SET r.id = e.article_id + '#legacy-' + elementId(e), r.type = type(e), r.source = s.code, r.target = t.code,
      r.weight = null
}
DELETE e
RETURN count(*) AS converted
