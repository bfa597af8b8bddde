// Takes or renews the lock $name for $owner until now + $ttl, unless
// another owner holds it and it has not expired. Setting `touched` first
// takes the node's write lock, so concurrent callers are serialized and
// each sees the owner the previous one committed. Returns the holder
// after the attempt and when its hold expires.
MERGE (l:DiplographLock {name: $name})
SET l.touched = datetime()
WITH l
CALL (l) {
  WITH l
  WHERE l.owner IS NULL OR l.owner = $owner OR l.expires < datetime()
  SET l.since = CASE WHEN l.owner = $owner THEN l.since ELSE datetime() END,
      l.owner = $owner, l.expires = datetime() + duration($ttl)
}
RETURN l.owner AS owner, l.since AS since, l.expires AS expires
