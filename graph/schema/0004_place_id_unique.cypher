// Place.id is the identity of a Place node.
CREATE CONSTRAINT place_id_unique IF NOT EXISTS
FOR (n:Place) REQUIRE n.id IS UNIQUE
