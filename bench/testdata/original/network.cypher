// name: network
// description: The country-level aligned network of a window: each pair with events, net score, alignment and sign
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - leave out pairs with fewer events
// param: planned_factor float = 0.5 - weight factor of planned events
MATCH (x:Country)-[r]->(y:Country)
WHERE r.date >= $from AND r.date <= $to
  AND NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH CASE WHEN x.code < y.code THEN x.code ELSE y.code END AS a,
     CASE WHEN x.code < y.code THEN y.code ELSE x.code END AS b,
     coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH a, b, count(*) AS events,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS cooperation,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS conflict
WHERE events >= $min_events
WITH a, b, events, cooperation + conflict AS net,
     CASE WHEN cooperation - conflict = 0 THEN 0.0 ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment
RETURN a, b, events, net, alignment,
       CASE WHEN net > 0 THEN 'friendly' WHEN net < 0 THEN 'hostile' ELSE 'neutral' END AS sign
ORDER BY a, b
