// Materializes each pair of actors' score per period as an ALIGNMENT edge
// (from the lower to the higher code): cooperation, conflict, net, the
// alignment index, the event count and the counts by type, for the events
// dated from $from to $to (the caller aligns the window with whole
// periods). Actors are states and organizations: alliance-timeline reads
// the state pairs, partners and rivals all of a state's. Negated and
// hypothetical events do not count; planned ones count with
// $planned_factor. Each relation type is read through its date index, one
// branch per type of graph.RelationTypes.
CALL () {
  MATCH (x:Actor)-[r:MET_WITH]->(y:Actor) USING INDEX r:MET_WITH(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:AGREED_WITH]->(y:Actor) USING INDEX r:AGREED_WITH(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:SUPPORTED]->(y:Actor) USING INDEX r:SUPPORTED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:AIDED]->(y:Actor) USING INDEX r:AIDED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:REQUESTED]->(y:Actor) USING INDEX r:REQUESTED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:ACCUSED]->(y:Actor) USING INDEX r:ACCUSED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:REJECTED]->(y:Actor) USING INDEX r:REJECTED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:WARNED]->(y:Actor) USING INDEX r:WARNED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:SANCTIONED]->(y:Actor) USING INDEX r:SANCTIONED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:DEPLOYED_TO]->(y:Actor) USING INDEX r:DEPLOYED_TO(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
  UNION ALL
  MATCH (x:Actor)-[r:ATTACKED]->(y:Actor) USING INDEX r:ATTACKED(date) WHERE r.date >= $from AND r.date <= $to RETURN x, y, r
}
WITH x, y, r
WHERE NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH CASE WHEN x.code < y.code THEN x ELSE y END AS a,
     CASE WHEN x.code < y.code THEN y ELSE x END AS b,
     CASE $period
       WHEN 'year' THEN toString(r.date.year)
       WHEN 'quarter' THEN toString(r.date.year) + '-Q' + toString(r.date.quarter)
       ELSE toString(r.date.year) + '-' + right('0' + toString(r.date.month), 2)
     END AS period,
     type(r) AS type,
     coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH a, b, period, type, count(*) AS n,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS coop,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS confl
// by_type lists the most frequent type first (ties by name), as the
// alliance-timeline query does.
ORDER BY n DESC, type
WITH a, b, period, sum(n) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
     collect(type + ':' + toString(n)) AS by_type
CREATE (a)-[:ALIGNMENT {
  period_kind: $period, period: period, dyad: a.code + '-' + b.code, events: events,
  cooperation: cooperation, conflict: conflict, net: cooperation + conflict,
  index: CASE WHEN cooperation - conflict = 0 THEN 0.0 ELSE (cooperation + conflict) / (cooperation - conflict) END,
  by_type: by_type,
  computed_at: datetime()
}]->(b)
RETURN count(*) AS edges
