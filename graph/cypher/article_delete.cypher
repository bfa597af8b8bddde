// Removes an article and every fact it contributed: its relations (found
// through the actors it mentions), its meetings, and the article node.
// Shared nodes (countries, people, places) stay.
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:MENTIONS]->(:Actor)-[r]-(:Actor)
  WHERE r.article_id = $id
DELETE r
WITH DISTINCT a
OPTIONAL MATCH (a)-[:REPORTS]->(m:Meeting)
DETACH DELETE m
WITH DISTINCT a
DETACH DELETE a
