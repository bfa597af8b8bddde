// name: unbalanced-triads
// description: Triangles of states with two friendly and one hostile pair (structural imbalance) in a window
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - a pair counts only with at least this many events
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 100 - at most this many triangles
MATCH (x:Country)-[r]->(y:Country)
WHERE r.date >= $from AND r.date <= $to
  AND NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH CASE WHEN x.code < y.code THEN x.code ELSE y.code END AS a,
     CASE WHEN x.code < y.code THEN y.code ELSE x.code END AS b,
     coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH a, b, count(*) AS events, sum(w) AS net
WHERE events >= $min_events AND net <> 0
WITH collect({a: a, b: b, net: net}) AS dyads
UNWIND dyads AS ab
UNWIND dyads AS ac
WITH dyads, ab, ac
WHERE ab.a = ac.a AND ab.b < ac.b
UNWIND dyads AS bc
WITH ab, ac, bc
WHERE bc.a = ab.b AND bc.b = ac.b
  AND size([n IN [ab.net, ac.net, bc.net] WHERE n > 0]) = 2
RETURN ab.a AS a, ab.b AS b, ac.b AS c, ab.net AS net_ab, ac.net AS net_ac, bc.net AS net_bc,
       CASE WHEN ab.net < 0 THEN ab.a + '-' + ab.b
            WHEN ac.net < 0 THEN ab.a + '-' + ac.b
            ELSE ab.b + '-' + ac.b END AS hostile_pair
ORDER BY a, b, c
LIMIT $limit
