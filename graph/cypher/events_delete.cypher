// Deletes events by key and id (the elements of $events: type, source,
// target, id; an id of null deletes the relationships without one, which
// only a graph of the old model holds).
UNWIND $events AS k
MATCH (:Actor {code: k.source})-[e:$(k.type)]->(:Actor {code: k.target})
WHERE e.id = k.id OR (k.id IS NULL AND e.id IS NULL)
DELETE e
