// The events the reports of some articles belong to (read before the
// articles are deleted, so that the writer re-forms them), found by id
// through the index on each relation type's event ids.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $ids AS id
MATCH (a:Article {id: id})-[:HAS_REPORT]->(r:Report)
USING INDEX SEEK a:Article(id)
WITH DISTINCT r.event_id AS eid, r.type AS type
CALL (type, eid) {
  WITH type, eid WHERE type = 'MET_WITH' MATCH ()-[e:MET_WITH {id: eid}]->() USING INDEX SEEK e:MET_WITH(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'AGREED_WITH' MATCH ()-[e:AGREED_WITH {id: eid}]->() USING INDEX SEEK e:AGREED_WITH(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'SUPPORTED' MATCH ()-[e:SUPPORTED {id: eid}]->() USING INDEX SEEK e:SUPPORTED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'AIDED' MATCH ()-[e:AIDED {id: eid}]->() USING INDEX SEEK e:AIDED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'REQUESTED' MATCH ()-[e:REQUESTED {id: eid}]->() USING INDEX SEEK e:REQUESTED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'ACCUSED' MATCH ()-[e:ACCUSED {id: eid}]->() USING INDEX SEEK e:ACCUSED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'REJECTED' MATCH ()-[e:REJECTED {id: eid}]->() USING INDEX SEEK e:REJECTED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'WARNED' MATCH ()-[e:WARNED {id: eid}]->() USING INDEX SEEK e:WARNED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'SANCTIONED' MATCH ()-[e:SANCTIONED {id: eid}]->() USING INDEX SEEK e:SANCTIONED(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'DEPLOYED_TO' MATCH ()-[e:DEPLOYED_TO {id: eid}]->() USING INDEX SEEK e:DEPLOYED_TO(id) RETURN e
  UNION ALL
WITH type, eid WHERE type = 'ATTACKED' MATCH ()-[e:ATTACKED {id: eid}]->() USING INDEX SEEK e:ATTACKED(id) RETURN e
}
RETURN DISTINCT e.id AS id, type(e) AS type, startNode(e).code AS source, endNode(e).code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated
