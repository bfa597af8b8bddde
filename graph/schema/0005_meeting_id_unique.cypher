// Meeting.id is the identity of a Meeting node.
CREATE CONSTRAINT meeting_id_unique IF NOT EXISTS
FOR (n:Meeting) REQUIRE n.id IS UNIQUE
