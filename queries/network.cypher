// name: network
// description: The country-level aligned network of a window: each pair with events, net score, alignment and sign (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - leave out pairs with fewer events
// param: planned_factor float = 0.5 - weight factor of planned events
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
WITH x.code AS xc, y.code AS yc,
     coalesce(r.weight, 0.0) * CASE WHEN modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH CASE WHEN xc < yc THEN xc ELSE yc END AS a,
     CASE WHEN xc < yc THEN yc ELSE xc END AS b, w
WITH a, b, count(*) AS events,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS cooperation,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS conflict
WHERE events >= $min_events
WITH a, b, events, cooperation + conflict AS net,
     CASE WHEN cooperation - conflict = 0 THEN 0.0 ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment
RETURN a, b, events, net, alignment,
       CASE WHEN net > 0 THEN 'friendly' WHEN net < 0 THEN 'hostile' ELSE 'neutral' END AS sign
ORDER BY a, b
