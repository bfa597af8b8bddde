// Creates the reports of new articles, (:Article)-[:HAS_REPORT]->(:Report),
// with the event each belongs to.
UNWIND $reports AS r
MATCH (a:Article {id: r.article_id})
CREATE (a)-[:HAS_REPORT]->(n:Report)
SET n = r
RETURN count(n) AS created
