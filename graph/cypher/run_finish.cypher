// Records how an ingest run ended and what it did.
MATCH (r:IngestRun {id: $id})
SET r.finished_at = datetime(), r.status = $status, r.error = $error,
    r.seen = $seen, r.new = $new, r.updated = $updated, r.unchanged = $unchanged,
    r.failed = $failed, r.relations = $relations, r.seconds = $seconds
