// name: unbalanced-triads
// description: Triangles of states with two friendly and one hostile pair (structural imbalance) in a window (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - a pair counts only with at least this many events
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 100 - at most this many triangles
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
WITH a, b, count(*) AS events, sum(w) AS net
WHERE events >= $min_events AND net <> 0
WITH a, b, net
ORDER BY a, b
WITH collect({a: a, b: b, net: net}) AS dyads
// Number the states of the dyads in code order, then lay the dyads out as
// an adjacency matrix (net, or 0.0 for no dyad): the third side of a
// triangle is then looked up, not searched, and the work grows with
// dyads x states, not with dyads cubed.
CALL (dyads) {
  UNWIND dyads AS d
  UNWIND [d.a, d.b] AS code
  WITH DISTINCT code
  ORDER BY code
  RETURN collect(code) AS codes
}
// A dyad's indexes by binary search in codes: the number of codes below
// each end (at most 8191 states).
WITH codes, [d IN dyads | d {.*,
       i: reduce(k = 0, step IN [4096, 2048, 1024, 512, 256, 128, 64, 32, 16, 8, 4, 2, 1] |
            CASE WHEN k + step <= size(codes) AND codes[k + step - 1] < d.a THEN k + step ELSE k END),
       j: reduce(k = 0, step IN [4096, 2048, 1024, 512, 256, 128, 64, 32, 16, 8, 4, 2, 1] |
            CASE WHEN k + step <= size(codes) AND codes[k + step - 1] < d.b THEN k + step ELSE k END)}] AS dyads
CALL (codes, dyads) {
  CALL (codes, dyads) {
    UNWIND range(0, size(codes) - 1) AS i
    UNWIND range(0, size(codes) - 1) AS j
    RETURN i, j, 0.0 AS net
    UNION ALL
    UNWIND dyads AS d
    RETURN d.i AS i, d.j AS j, d.net AS net
  }
  WITH i, j, sum(net) AS net
  ORDER BY i, j
  WITH i, collect(net) AS row
  ORDER BY i
  RETURN collect(row) AS matrix
}
// Each triangle a < b < c once: from its dyad a-b, every c above b that
// has dyads with both a and b. The dyads are in code order and c ascends,
// so the triangles come in (a, b, c) order and the first $limit are the
// answer: the search stops there.
UNWIND dyads AS ab
UNWIND [k IN range(ab.j + 1, size(codes) - 1) WHERE matrix[ab.i][k] <> 0.0 AND matrix[ab.j][k] <> 0.0] AS k
WITH ab, codes[k] AS c, matrix[ab.i][k] AS net_ac, matrix[ab.j][k] AS net_bc
WHERE size([n IN [ab.net, net_ac, net_bc] WHERE n > 0]) = 2
WITH ab.a AS a, ab.b AS b, c, ab.net AS net_ab, net_ac, net_bc
LIMIT $limit
// Collected before sorting, so that the sort does not hold the matrix.
WITH collect({a: a, b: b, c: c, net_ab: net_ab, net_ac: net_ac, net_bc: net_bc}) AS triads
UNWIND triads AS t
RETURN t.a AS a, t.b AS b, t.c AS c, t.net_ab AS net_ab, t.net_ac AS net_ac, t.net_bc AS net_bc,
       CASE WHEN t.net_ab < 0 THEN t.a + '-' + t.b
            WHEN t.net_ac < 0 THEN t.a + '-' + t.c
            ELSE t.b + '-' + t.c END AS hostile_pair
ORDER BY a, b, c
