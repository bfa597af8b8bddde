// DiplographLock.name identifies a lock held in the graph (the scheduled
// ingest's); the constraint makes concurrent MERGEs of it safe.
CREATE CONSTRAINT lock_name_unique IF NOT EXISTS
FOR (n:DiplographLock) REQUIRE n.name IS UNIQUE
