// Country.code is the identity of a Country node.
CREATE CONSTRAINT country_code_unique IF NOT EXISTS
FOR (n:Country) REQUIRE n.code IS UNIQUE
