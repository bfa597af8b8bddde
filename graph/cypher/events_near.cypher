// The events that new reports could join, one probe per key, precision
// and date (lo..hi: the event window around a day, or the month or year
// of a date known only to the month or year). Any event a report can join
// has a report of the same key and precision dated within lo..hi (reports
// of one event are at most the window apart), so the events are found
// through the reports' (source, target, type, date) index and then by id
// (an index per relation type), never by reading all events between the
// two actors. Undated reports join no stored event (one event per
// article). The reports of a symmetric type may name its actors either
// way round: such a key has a probe for each order.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $probes AS p
CALL (p) {
  MATCH (r:Report)
  USING INDEX SEEK r:Report(source, target, type, date)
  WHERE r.source = p.source AND r.target = p.target AND r.type = p.type AND r.date >= p.lo AND r.date <= p.hi
  RETURN r
}
WITH p, r
WHERE CASE WHEN r.date_precision IN ['month', 'year'] THEN r.date_precision ELSE 'day' END = p.precision
  AND CASE WHEN coalesce(r.negated, false) THEN 'negated'
           WHEN r.modality = 'hypothetical' THEN 'hypothetical'
           ELSE 'actual' END = p.class
WITH DISTINCT p.type AS type, r.event_id AS eid
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
WITH DISTINCT e
RETURN e.id AS id, elementId(e) AS element_id, type(e) AS type, startNode(e).code AS source, endNode(e).code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated,
       properties(e) AS props
