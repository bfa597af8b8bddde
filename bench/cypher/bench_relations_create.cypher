// Creates a batch of synthetic relation edges, typed by the relation type,
// with the properties the writer's relations_create gives them.
UNWIND $relations AS r
MATCH (s:Actor {code: r.source})
MATCH (t:Actor {code: r.target})
CREATE (s)-[e:$(r.type)]->(t)
SET e = r.props
