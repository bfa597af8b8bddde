// Removes articles and every fact they contributed: their reports, their
// meetings, and the article nodes. Shared nodes (countries, people,
// places) stay; the events the reports belonged to are re-formed by the
// writer (events_of_articles read them before).
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[:HAS_REPORT]->(r:Report)
DETACH DELETE r
WITH DISTINCT a
OPTIONAL MATCH (a)-[:REPORTS]->(m:Meeting)
DETACH DELETE m
WITH DISTINCT a
DETACH DELETE a
RETURN count(*) AS deleted
