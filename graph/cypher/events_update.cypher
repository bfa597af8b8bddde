// Rewrites events that new reports joined, in place (the elements of
// $events: type, old_id, props): each is found by its stored id through the
// index on its type's event ids and gets the properties of the event it
// became (props, its id included). When the id changed (a new report is
// now the event's first), its stored reports move to the new id.
UNWIND $events AS k
CALL (k) {
  WITH k WHERE k.type = 'MET_WITH' MATCH ()-[e:MET_WITH {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'AGREED_WITH' MATCH ()-[e:AGREED_WITH {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'SUPPORTED' MATCH ()-[e:SUPPORTED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'AIDED' MATCH ()-[e:AIDED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'REQUESTED' MATCH ()-[e:REQUESTED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'ACCUSED' MATCH ()-[e:ACCUSED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'REJECTED' MATCH ()-[e:REJECTED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'WARNED' MATCH ()-[e:WARNED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'SANCTIONED' MATCH ()-[e:SANCTIONED {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'DEPLOYED_TO' MATCH ()-[e:DEPLOYED_TO {id: k.old_id}]->() RETURN e
  UNION ALL
  WITH k WHERE k.type = 'ATTACKED' MATCH ()-[e:ATTACKED {id: k.old_id}]->() RETURN e
}
SET e = k.props
WITH k, count(e) AS updated
CALL (k) {
  WITH k WHERE k.props.id <> k.old_id
  MATCH (r:Report {event_id: k.old_id})
  SET r.event_id = k.props.id
}
RETURN sum(updated) AS updated
