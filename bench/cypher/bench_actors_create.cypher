// Creates the synthetic states (:Country:Actor) and organizations
// (:Organization:Actor), as the writer's actors_merge does.
UNWIND $actors AS x
CREATE (n:Actor {code: x.code, name: x.name})
SET n:$(x.label), n.kind = CASE WHEN x.kind <> '' THEN x.kind END
