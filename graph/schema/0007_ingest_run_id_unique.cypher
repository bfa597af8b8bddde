// IngestRun.id is the identity of a IngestRun node.
CREATE CONSTRAINT ingest_run_id_unique IF NOT EXISTS
FOR (n:IngestRun) REQUIRE n.id IS UNIQUE
