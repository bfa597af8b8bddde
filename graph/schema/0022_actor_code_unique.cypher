// Country and Organization nodes are also :Actor, the two ends of every
// relation; relations find their ends through this constraint.
CREATE CONSTRAINT actor_code_unique IF NOT EXISTS
FOR (n:Actor) REQUIRE n.code IS UNIQUE
