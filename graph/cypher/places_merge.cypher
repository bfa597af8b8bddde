// Merges the places articles name and the state each lies in; one row per
// (article, place).
UNWIND $places AS p
MATCH (a:Article {id: p.article_id})
MERGE (n:Place {id: p.id})
  ON CREATE SET n.name = p.name
CREATE (a)-[:MENTIONS]->(n)
WITH n, p
MATCH (c:Country {code: p.country})
MERGE (n)-[:IN]->(c)
