// Merges the states and organizations articles mention and links them to
// each article; one row per (article, actor).
UNWIND $actors AS x
MATCH (a:Article {id: x.article_id})
MERGE (n:Actor {code: x.code})
  ON CREATE SET n.name = x.name
SET n:$(x.label)
SET n.kind = CASE WHEN x.kind <> '' THEN x.kind ELSE n.kind END
MERGE (a)-[:MENTIONS]->(n)
