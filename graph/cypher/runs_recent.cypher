// The most recent ingest runs, newest first.
MATCH (r:IngestRun)
RETURN r.id AS id, r.started_at AS started_at, r.finished_at AS finished_at, r.status AS status,
       r.host AS host, r.pid AS pid, r.sources AS sources, r.seen AS seen, r.new AS new,
       r.updated AS updated, r.unchanged AS unchanged, r.failed AS failed,
       r.relations AS relations, r.seconds AS seconds, r.error AS error
ORDER BY r.started_at DESC
LIMIT $limit
