// The events that new reports could join, one probe per event key (type,
// source, target, class and precision, as events hold it in `key`) and
// date range lo..hi (a day's window, or its month or year): the stored
// events of that key that reach into the range. Events of one key do not
// overlap and lie more than the window apart, so at most two reach into a
// window: the two latest that start before its end, read through the
// (key, date) index of their type. Undated reports join no stored event
// (one event per article). One branch per type of graph.RelationTypes.
UNWIND $probes AS p
CALL (p) {
  WITH p WHERE p.type = 'MET_WITH'
  MATCH ()-[e:MET_WITH {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'AGREED_WITH'
  MATCH ()-[e:AGREED_WITH {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'SUPPORTED'
  MATCH ()-[e:SUPPORTED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'AIDED'
  MATCH ()-[e:AIDED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'REQUESTED'
  MATCH ()-[e:REQUESTED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'ACCUSED'
  MATCH ()-[e:ACCUSED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'REJECTED'
  MATCH ()-[e:REJECTED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'WARNED'
  MATCH ()-[e:WARNED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'SANCTIONED'
  MATCH ()-[e:SANCTIONED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'DEPLOYED_TO'
  MATCH ()-[e:DEPLOYED_TO {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
  UNION ALL
  WITH p WHERE p.type = 'ATTACKED'
  MATCH ()-[e:ATTACKED {key: p.key}]->() WHERE e.date <= p.hi
  RETURN e ORDER BY e.date DESC LIMIT 2
}
WITH p, e WHERE e.last >= p.lo
WITH DISTINCT e
RETURN e.id AS id, type(e) AS type, startNode(e).code AS source, endNode(e).code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated
