// Marks run $id, if it has not finished, with $status and $error: its
// holder lost the ingest lock without finishing it.
MATCH (r:IngestRun {id: $id})
WHERE r.finished_at IS NULL
SET r.status = $status, r.error = $error, r.finished_at = datetime()
