// The events that new reports could join, one probe per key, precision
// and date: of the same key (type, source, target, class), day events
// whose dates reach within the window of the date, the month event of
// its month, the year event of its year. Undated reports join no stored
// event (one event per article). Each relation type of
// graph.RelationTypes has a branch, so that only the relationships of the
// probe's type between the two actors are read.
UNWIND $probes AS p
MATCH (s:Actor {code: p.source})
MATCH (t:Actor {code: p.target})
CALL (p, s, t) {
  WITH p, s, t WHERE p.type = 'MET_WITH' MATCH (s)-[e:MET_WITH]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'AGREED_WITH' MATCH (s)-[e:AGREED_WITH]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'SUPPORTED' MATCH (s)-[e:SUPPORTED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'AIDED' MATCH (s)-[e:AIDED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'REQUESTED' MATCH (s)-[e:REQUESTED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'ACCUSED' MATCH (s)-[e:ACCUSED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'REJECTED' MATCH (s)-[e:REJECTED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'WARNED' MATCH (s)-[e:WARNED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'SANCTIONED' MATCH (s)-[e:SANCTIONED]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'DEPLOYED_TO' MATCH (s)-[e:DEPLOYED_TO]->(t) RETURN e
  UNION ALL
  WITH p, s, t WHERE p.type = 'ATTACKED' MATCH (s)-[e:ATTACKED]->(t) RETURN e
}
WITH p, s, t, e
WHERE e.date_precision = p.precision
  AND CASE WHEN coalesce(e.negated, false) THEN 'negated'
           WHEN e.modality = 'hypothetical' THEN 'hypothetical'
           ELSE 'actual' END = p.class
  AND CASE p.precision
        WHEN 'day' THEN e.date <= p.date + duration({days: $window}) AND e.last >= p.date - duration({days: $window})
        WHEN 'month' THEN e.date.year = p.date.year AND e.date.month = p.date.month
        WHEN 'year' THEN e.date.year = p.date.year
        ELSE false
      END
RETURN DISTINCT e.id AS id, type(e) AS type, s.code AS source, t.code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated
