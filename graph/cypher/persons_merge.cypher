// Merges the officials articles name, whom they represent and since when;
// one row per (article, person, title), the first row of a person marked
// first. The REPRESENTS span is widened only when the article's date lies
// outside it.
UNWIND $persons AS p
MATCH (a:Article {id: p.article_id})
MERGE (n:Person {id: p.id})
  ON CREATE SET n.name = p.name
FOREACH (_ IN CASE WHEN p.first THEN [1] ELSE [] END | CREATE (a)-[:MENTIONS]->(n))
WITH n, p
MATCH (actor:Actor {code: p.actor})
MERGE (n)-[rep:REPRESENTS {title: p.title}]->(actor)
  ON CREATE SET rep.from = p.date, rep.to = p.date
WITH rep, p
WHERE p.date < rep.from OR p.date > rep.to OR (p.date IS NOT NULL AND rep.from IS NULL)
SET rep.from = CASE WHEN rep.from IS NULL OR p.date < rep.from THEN p.date ELSE rep.from END,
    rep.to = CASE WHEN rep.to IS NULL OR p.date > rep.to THEN p.date ELSE rep.to END
