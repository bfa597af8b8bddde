// Creates events, one relationship per event, typed by the relation type,
// from source to target. Returns how many were created, so the writer can
// refuse to drop any silently (an end that is not an actor).
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $events AS ev
MATCH (s:Actor {code: ev.source})
MATCH (t:Actor {code: ev.target})
CREATE (s)-[e:$(ev.type)]->(t)
SET e = ev.props
RETURN count(e) AS created
