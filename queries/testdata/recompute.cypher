// The ALIGNMENT aggregates a recomputation from the events gives, as
// docs/events.md defines them: events of class actual (not negated, not
// hypothetical) with a date, per pair (lower code first) and month (day
// and month precision) or year (year precision); asserted and planned
// counted apart; and their totals per pair and calendar year (kind
// total). One row per aggregate property. $types: the relation types (an
// event is a relationship of one of them; ALIGNMENT, SHIFT and the other
// derived relationships are not).
MATCH (x:Actor)-[e]->(y:Actor)
WHERE type(e) IN $types AND e.date IS NOT NULL AND NOT coalesce(e.negated, false)
  AND e.modality IN ['asserted', 'planned']
WITH CASE WHEN x.code < y.code THEN x.code + '-' + y.code ELSE y.code + '-' + x.code END AS dyad,
     CASE e.date_precision WHEN 'year' THEN 'year' ELSE 'month' END AS kind, e,
     type(e) + CASE e.modality WHEN 'planned' THEN '_planned' ELSE '' END AS prop
WITH dyad, kind, toString(date.truncate(kind, e.date)) AS start, prop, count(*) AS n
RETURN dyad + ' ' + kind + ' ' + start + ' ' + prop + '=' + toString(n) AS line
UNION ALL
MATCH (x:Actor)-[e]->(y:Actor)
WHERE type(e) IN $types AND e.date IS NOT NULL AND NOT coalesce(e.negated, false)
  AND e.modality IN ['asserted', 'planned']
WITH CASE WHEN x.code < y.code THEN x.code + '-' + y.code ELSE y.code + '-' + x.code END AS dyad,
     CASE e.date_precision WHEN 'year' THEN 'year' ELSE 'month' END AS kind, e
WITH dyad, kind, toString(date.truncate(kind, e.date)) AS start, count(*) AS n
RETURN dyad + ' ' + kind + ' ' + start + ' events=' + toString(n) AS line
UNION ALL
MATCH (x:Actor)-[e]->(y:Actor)
WHERE type(e) IN $types AND e.date IS NOT NULL AND NOT coalesce(e.negated, false)
  AND e.modality IN ['asserted', 'planned']
WITH CASE WHEN x.code < y.code THEN x.code + '-' + y.code ELSE y.code + '-' + x.code END AS dyad, e,
     type(e) + CASE e.modality WHEN 'planned' THEN '_planned' ELSE '' END AS prop
WITH dyad, toString(date.truncate('year', e.date)) AS start, prop, count(*) AS n
RETURN dyad + ' total ' + start + ' ' + prop + '=' + toString(n) AS line
UNION ALL
MATCH (x:Actor)-[e]->(y:Actor)
WHERE type(e) IN $types AND e.date IS NOT NULL AND NOT coalesce(e.negated, false)
  AND e.modality IN ['asserted', 'planned']
WITH CASE WHEN x.code < y.code THEN x.code + '-' + y.code ELSE y.code + '-' + x.code END AS dyad, e
WITH dyad, toString(date.truncate('year', e.date)) AS start, count(*) AS n
RETURN dyad + ' total ' + start + ' events=' + toString(n) AS line
