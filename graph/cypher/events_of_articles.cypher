// The events the reports of some articles belong to (read before the
// articles are deleted, so that the writer re-forms them), found by id
// through the index on each relation type's event ids.
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_REPORT]->(r:Report)
WITH DISTINCT r.event_id AS eid, r.type AS type
CALL (type, eid) {
  WITH type, eid WHERE type = 'MET_WITH' MATCH ()-[e:MET_WITH {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'AGREED_WITH' MATCH ()-[e:AGREED_WITH {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'SUPPORTED' MATCH ()-[e:SUPPORTED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'AIDED' MATCH ()-[e:AIDED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'REQUESTED' MATCH ()-[e:REQUESTED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'ACCUSED' MATCH ()-[e:ACCUSED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'REJECTED' MATCH ()-[e:REJECTED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'WARNED' MATCH ()-[e:WARNED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'SANCTIONED' MATCH ()-[e:SANCTIONED {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'DEPLOYED_TO' MATCH ()-[e:DEPLOYED_TO {id: eid}]->() RETURN e
  UNION ALL
WITH type, eid WHERE type = 'ATTACKED' MATCH ()-[e:ATTACKED {id: eid}]->() RETURN e
}
RETURN DISTINCT e.id AS id, type(e) AS type, startNode(e).code AS source, endNode(e).code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated
