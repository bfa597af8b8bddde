// Deletes events by key and id (the elements of $events: type, source,
// target, id). An event with an id is found through the index on its
// type's event ids; an id of null deletes the relationships without one
// between the two actors, which only a graph of the old model holds.
UNWIND $events AS k
CALL (k) {
  WITH k WHERE k.id IS NOT NULL AND k.type = 'MET_WITH' MATCH ()-[e:MET_WITH {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'AGREED_WITH' MATCH ()-[e:AGREED_WITH {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'SUPPORTED' MATCH ()-[e:SUPPORTED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'AIDED' MATCH ()-[e:AIDED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'REQUESTED' MATCH ()-[e:REQUESTED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'ACCUSED' MATCH ()-[e:ACCUSED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'REJECTED' MATCH ()-[e:REJECTED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'WARNED' MATCH ()-[e:WARNED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'SANCTIONED' MATCH ()-[e:SANCTIONED {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'DEPLOYED_TO' MATCH ()-[e:DEPLOYED_TO {id: k.id}]->() RETURN e
  UNION ALL
WITH k WHERE k.id IS NOT NULL AND k.type = 'ATTACKED' MATCH ()-[e:ATTACKED {id: k.id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.id IS NULL
  MATCH (:Actor {code: k.source})-[e:$(k.type)]->(:Actor {code: k.target})
  WHERE e.id IS NULL
  RETURN e
}
DELETE e
