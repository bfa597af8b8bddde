// Moves stored reports to the events they now belong to.
UNWIND $reports AS x
MATCH (r:Report {id: x.id})
SET r.event_id = x.event_id
