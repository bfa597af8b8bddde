// Takes or renews the lock $name for $owner until now + $ttl_ms
// milliseconds, unless another owner holds it and it has not expired.
// Setting `touched` first takes the node's write lock, so concurrent
// callers are serialized and each sees the owner the previous one
// committed. The holder's process ($host, $pid, $started, $pidns: null when
// not recorded) and the run it records ($run) are kept on the lock, so that
// another process on the same host can tell that the holder died. Returns
// the holder after the attempt, and the holder before it (prev_*), so that
// a caller who took over an expired lock can mark the run it replaced.
MERGE (l:DiplographLock {name: $name})
SET l.touched = datetime()
WITH l, l.owner AS prev_owner, l.since AS prev_since, l.expires AS prev_expires, l.run AS prev_run
CALL (l) {
  WITH l
  WHERE l.owner IS NULL OR l.owner = $owner OR l.expires < datetime()
  SET l.since = CASE WHEN l.owner = $owner THEN l.since ELSE datetime() END,
      l.owner = $owner, l.expires = datetime() + duration({milliseconds: $ttl_ms}),
      l.host = $host, l.pid = $pid, l.started = $started, l.pidns = $pidns, l.run = $run
}
RETURN l.owner AS owner, l.since AS since, l.expires AS expires,
       l.host AS host, l.pid AS pid, l.started AS started, l.pidns AS pidns, l.run AS run,
       prev_owner, prev_since, prev_expires, prev_run
