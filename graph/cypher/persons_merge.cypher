// Merges the officials articles name, whom they represent and since when;
// one row per (article, person).
UNWIND $persons AS p
MATCH (a:Article {id: p.article_id})
MERGE (n:Person {id: p.id})
  ON CREATE SET n.name = p.name
MERGE (a)-[:MENTIONS]->(n)
WITH n, p
MATCH (actor:Actor {code: p.actor})
MERGE (n)-[rep:REPRESENTS {title: p.title}]->(actor)
SET rep.from = CASE WHEN rep.from IS NULL OR p.date < rep.from THEN p.date ELSE rep.from END,
    rep.to = CASE WHEN rep.to IS NULL OR p.date > rep.to THEN p.date ELSE rep.to END
