// Organization.code is the identity of a Organization node.
CREATE CONSTRAINT organization_code_unique IF NOT EXISTS
FOR (n:Organization) REQUIRE n.code IS UNIQUE
