// The events the reports of some articles belong to (read before the
// articles are deleted, so that the writer re-forms them). Events of the
// symmetric types ($symmetric) run from the lower to the higher code.
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_REPORT]->(r:Report)
WITH DISTINCT r.event_id AS eid, r.type AS type,
     CASE WHEN r.type IN $symmetric AND r.source > r.target THEN r.target ELSE r.source END AS source,
     CASE WHEN r.type IN $symmetric AND r.source > r.target THEN r.source ELSE r.target END AS target
MATCH (s:Actor {code: source})-[e:$(type)]->(t:Actor {code: target})
WHERE e.id = eid
RETURN DISTINCT e.id AS id, type(e) AS type, s.code AS source, t.code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated
