// The reports that belong to some events.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $ids AS id
MATCH (r:Report {event_id: id})
USING INDEX SEEK r:Report(event_id)
RETURN r {.*} AS report
