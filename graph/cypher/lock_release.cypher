// Releases the lock $name if $owner holds it.
MATCH (l:DiplographLock {name: $name})
WHERE l.owner = $owner
SET l.owner = null, l.since = null, l.expires = null,
    l.host = null, l.pid = null, l.started = null, l.pidns = null, l.run = null
