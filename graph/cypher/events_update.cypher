// Replaces the properties of events that stay (same key and id) with their
// re-formed ones. Returns how many it found.
UNWIND $events AS ev
MATCH (:Actor {code: ev.source})-[e:$(ev.type)]->(:Actor {code: ev.target})
WHERE e.id = ev.id
SET e = ev.props
RETURN count(e) AS updated
