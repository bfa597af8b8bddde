// IngestRun.started_at orders the history of runs.
CREATE INDEX ingest_run_started IF NOT EXISTS
FOR (n:IngestRun) ON (n.started_at)
