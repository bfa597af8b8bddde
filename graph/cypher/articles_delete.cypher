// Removes articles and every fact they contributed: their relations (found
// through the actors they mention), their meetings, and the article nodes.
// Shared nodes (countries, people, places) stay.
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[:MENTIONS]->(:Actor)-[r]-(:Actor)
  WHERE r.article_id = id
DELETE r
WITH DISTINCT a
OPTIONAL MATCH (a)-[:REPORTS]->(m:Meeting)
DETACH DELETE m
WITH DISTINCT a
DETACH DELETE a
