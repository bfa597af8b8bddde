// Merges the places an article names and the state each lies in.
MATCH (a:Article {id: $article_id})
UNWIND $places AS p
MERGE (n:Place {id: p.id})
  ON CREATE SET n.name = p.name
MERGE (a)-[:MENTIONS]->(n)
WITH n, p
MATCH (c:Country {code: p.country})
MERGE (n)-[:IN]->(c)
