// Merges the states and organizations articles mention and links them to
// each article; one row per (article, actor). A state's label, name and
// kind are set when it is created only: every article mentions the big
// states, and rewriting them each time would make each write touch them.
UNWIND $actors AS x
MATCH (a:Article {id: x.article_id})
MERGE (n:Actor {code: x.code})
  ON CREATE SET n.name = x.name, n:$(x.label), n.kind = CASE WHEN x.kind <> '' THEN x.kind END
CREATE (a)-[:MENTIONS]->(n)
