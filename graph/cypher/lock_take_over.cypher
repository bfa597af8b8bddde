// Takes the lock $name over for $owner (its process $host, $pid,
// $started, $pidns and run $run) from $dead_owner, whose process $dead_pid
// on $dead_host the caller found gone, and marks the run the dead holder
// recorded ($dead_run), if it has not finished, with $status and $error.
// Setting `touched` first takes the node's write lock; nothing else
// changes unless the lock still names that owner and process, so of two
// callers that find the same holder dead only one takes the lock. Returns
// the holder after the attempt.
MATCH (l:DiplographLock {name: $name})
SET l.touched = datetime()
WITH l
CALL (l) {
  WITH l
  WHERE l.owner = $dead_owner AND l.host = $dead_host AND l.pid = $dead_pid
  SET l.owner = $owner, l.since = datetime(), l.expires = datetime() + duration({milliseconds: $ttl_ms}),
      l.host = $host, l.pid = $pid, l.started = $started, l.pidns = $pidns, l.run = $run
  WITH l
  OPTIONAL MATCH (r:IngestRun {id: $dead_run})
  WHERE r.finished_at IS NULL
  SET r.status = $status, r.error = $error, r.finished_at = datetime()
}
RETURN l.owner AS owner, l.since AS since, l.expires AS expires,
       l.host AS host, l.pid AS pid, l.started AS started, l.pidns AS pidns, l.run AS run
