// Rewrites events that new reports joined, in place (the elements of
// $events: element_id, old_id, props): each is found by the element id
// events_near returned earlier in the same transaction (no index lookup)
// and gets the properties of the event it became (props, its id
// included). When the id changed (a new report is now the event's first),
// its stored reports move to the new id.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $events AS k
MATCH ()-[e]->()
WHERE elementId(e) = k.element_id AND e.id = k.old_id
SET e = k.props
WITH k, count(e) AS updated
CALL (k) {
  WITH k WHERE k.props.id <> k.old_id
  MATCH (r:Report {event_id: k.old_id})
  USING INDEX SEEK r:Report(event_id)
  SET r.event_id = k.props.id
}
RETURN sum(updated) AS updated
