// Creates an article's relations between actors, one relationship per
// reported event, typed by the relation type, with full provenance. Returns
// how many were created, so the writer can refuse to drop any silently.
UNWIND $relations AS r
MATCH (s:Actor {code: r.source})
MATCH (t:Actor {code: r.target})
CREATE (s)-[e:$(r.type)]->(t)
SET e = r.props
RETURN count(e) AS created
