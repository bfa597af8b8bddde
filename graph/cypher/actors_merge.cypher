// Merges the states and organizations an article mentions and links them to it.
MATCH (a:Article {id: $article_id})
UNWIND $actors AS x
MERGE (n:Actor {code: x.code})
  ON CREATE SET n.name = x.name
SET n:$(x.label)
SET n.kind = CASE WHEN x.kind <> '' THEN x.kind ELSE n.kind END
MERGE (a)-[:MENTIONS]->(n)
