// The events of some relation types between some actors (source and
// target as events run), with whether any report still belongs to them.
UNWIND $pairs AS p
MATCH (s:Actor {code: p.source})-[e:$(p.type)]->(t:Actor {code: p.target})
RETURN e.id AS id, type(e) AS type, s.code AS source, t.code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated,
       e.id IS NULL OR NOT EXISTS { MATCH (r:Report {event_id: e.id}) } AS orphan
