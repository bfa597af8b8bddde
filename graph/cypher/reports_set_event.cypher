// Moves stored reports to the events they now belong to.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $reports AS x
MATCH (r:Report {id: x.id})
SET r.event_id = x.event_id
