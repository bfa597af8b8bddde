// Creates the reports of new articles, (:Article)-[:HAS_REPORT]->(:Report),
// with the event each belongs to.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $reports AS r
MATCH (a:Article {id: r.article_id})
CREATE (a)-[:HAS_REPORT]->(n:Report)
SET n = r
RETURN count(n) AS created
