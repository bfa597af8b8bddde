// The reports that belong to some events.
UNWIND $ids AS id
MATCH (r:Report {event_id: id})
RETURN r {.*} AS report
