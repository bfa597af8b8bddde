// name: alliance-summary
// description: Every pair of states with its events, cooperation, conflict, net score and alignment index over a window
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - leave out pairs with fewer events
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 50 - at most this many pairs
MATCH (x:Country)-[r]->(y:Country)
WHERE r.date >= $from AND r.date <= $to
  AND NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH CASE WHEN x.code < y.code THEN x.code ELSE y.code END AS a,
     CASE WHEN x.code < y.code THEN y.code ELSE x.code END AS b,
     type(r) AS type,
     coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH a, b, type, count(*) AS n,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS coop,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS confl
WITH a, b, sum(n) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
     collect(type + ':' + toString(n)) AS by_type
WHERE events >= $min_events
RETURN a, b, events, cooperation, conflict, cooperation + conflict AS net,
       CASE WHEN cooperation - conflict = 0 THEN 0.0
            ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment,
       by_type
ORDER BY events DESC, a, b
LIMIT $limit
