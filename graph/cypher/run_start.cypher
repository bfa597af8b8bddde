// Records the start of an ingest run.
CREATE (:IngestRun {
  id: $id, started_at: datetime(), status: $status, host: $host, pid: $pid,
  sources: $sources
})
