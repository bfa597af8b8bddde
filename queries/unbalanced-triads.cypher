// name: unbalanced-triads
// description: Triangles of states with two friendly and one hostile pair (structural imbalance) in a window, from the ALIGNMENT aggregates (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - a pair counts only with at least this many events
// param: weights map = ACCUSED:-3,AGREED_WITH:4,AIDED:7,ATTACKED:-9,DEPLOYED_TO:0,MET_WITH:2.5,REJECTED:-2,REQUESTED:0,SANCTIONED:-6,SUPPORTED:5,WARNED:-4 - the weight of each relation type, TYPE:NUMBER separated by commas (in Browser, a map: {MET_WITH: 2.5, WARNED: -4.0, ...}); a type it does not name weighs 0
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 100 - at most this many triangles; total is the number before the cut
// The pairs' net scores over the window, from its aggregates (index
// ALIGNMENT(start)): a month aggregate when its month overlaps the window,
// a year aggregate (events dated to a year only) when the window holds its
// whole year.
// Columns: a, b, c (a < b < c), net_ab, net_ac, net_bc, hostile_pair, total.
MATCH (x:Country)-[al:ALIGNMENT]->(y:Country)
WHERE al.start >= date.truncate('month', $from) AND al.start <= $to
  AND (al.period_kind = 'month' OR al.start >= $from AND al.start + duration('P1Y') <= $to + duration('P1D'))
WITH x.code AS a, y.code AS b, properties(al) AS p
WITH a, b, collect(p) AS ps
// The pair's counts summed over its aggregates, then weighed once.
WITH a, b, reduce(s = 0, m IN ps | s + m.events) AS events,
     reduce(s = 0.0, t IN keys($weights) |
       s + (reduce(n = 0, m IN ps | n + coalesce(m[t], 0))
            + $planned_factor * reduce(n = 0, m IN ps | n + coalesce(m[t + '_planned'], 0))) * toFloat($weights[t])) AS net
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
// has dyads with both a and b; the dyads are in code order and c ascends,
// so the triangles come in (a, b, c) order. All are counted (total), the
// first $limit returned.
UNWIND dyads AS ab
UNWIND [k IN range(ab.j + 1, size(codes) - 1) WHERE matrix[ab.i][k] <> 0.0 AND matrix[ab.j][k] <> 0.0] AS k
WITH ab, codes[k] AS c, matrix[ab.i][k] AS net_ac, matrix[ab.j][k] AS net_bc
WHERE size([n IN [ab.net, net_ac, net_bc] WHERE n > 0]) = 2
WITH collect({a: ab.a, b: ab.b, c: c, net_ab: ab.net, net_ac: net_ac, net_bc: net_bc}) AS triads
UNWIND triads[0..$limit] AS t
WITH t, size(triads) AS total
RETURN t.a AS a, t.b AS b, t.c AS c, t.net_ab AS net_ab, t.net_ac AS net_ac, t.net_bc AS net_bc,
       CASE WHEN t.net_ab < 0 THEN t.a + '-' + t.b
            WHEN t.net_ac < 0 THEN t.a + '-' + t.c
            ELSE t.b + '-' + t.c END AS hostile_pair,
       total
ORDER BY a, b, c
