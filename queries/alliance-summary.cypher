// name: alliance-summary
// description: Every pair of states with its events, cooperation, conflict, net score and alignment index over a window (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - leave out pairs with fewer events
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 50 - at most this many pairs
// The window's events between states, read through the date index of each
// relation type, one branch per type (the types of graph.RelationTypes):
// an untyped pattern would read every relationship of every state.
CALL () {
  MATCH (x:Country)-[r:MET_WITH]->(y:Country) USING INDEX r:MET_WITH(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:AGREED_WITH]->(y:Country) USING INDEX r:AGREED_WITH(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:SUPPORTED]->(y:Country) USING INDEX r:SUPPORTED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:AIDED]->(y:Country) USING INDEX r:AIDED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:REQUESTED]->(y:Country) USING INDEX r:REQUESTED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:ACCUSED]->(y:Country) USING INDEX r:ACCUSED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:REJECTED]->(y:Country) USING INDEX r:REJECTED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:WARNED]->(y:Country) USING INDEX r:WARNED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:SANCTIONED]->(y:Country) USING INDEX r:SANCTIONED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:DEPLOYED_TO]->(y:Country) USING INDEX r:DEPLOYED_TO(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
  UNION ALL
  MATCH (x:Country)-[r:ATTACKED]->(y:Country) USING INDEX r:ATTACKED(date)
  WHERE r.date >= $from AND r.date <= $to RETURN x, r, y, r.date AS date
}
WITH x, y, r, date, r.modality AS modality
WHERE NOT coalesce(r.negated, false)
  AND coalesce(modality, 'asserted') <> 'hypothetical'
WITH x.code AS xc, y.code AS yc, type(r) AS type,
     coalesce(r.weight, 0.0) * CASE WHEN modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH CASE WHEN xc < yc THEN xc ELSE yc END AS a,
     CASE WHEN xc < yc THEN yc ELSE xc END AS b,
     type, w
WITH a, b, type, count(*) AS n,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS coop,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS confl
// by_type lists the most frequent type first (ties by name), whatever the access path.
ORDER BY n DESC, type
WITH a, b, sum(n) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
     collect(type + ':' + toString(n)) AS by_type
WHERE events >= $min_events
RETURN a, b, events, cooperation, conflict, cooperation + conflict AS net,
       CASE WHEN cooperation - conflict = 0 THEN 0.0
            ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment,
       by_type
ORDER BY events DESC, a, b
LIMIT $limit
