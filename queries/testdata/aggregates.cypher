// The stored ALIGNMENT aggregates and ALIGNMENT_YEAR totals, one row per
// counting property, in the form of recompute.cypher; from and to (a and
// b) must be the lower and higher code.
MATCH (x:Actor)-[al:ALIGNMENT]->(y:Actor)
WHERE x.code < y.code AND al.dyad = x.code + '-' + y.code AND al.a = x.code AND al.b = y.code
  AND al.period = CASE al.period_kind WHEN 'year' THEN toString(al.start.year)
                  ELSE toString(al.start.year) + '-' + right('0' + toString(al.start.month), 2) END
UNWIND [k IN keys(al) WHERE NOT k IN ['dyad', 'a', 'b', 'period_kind', 'period', 'start']] AS k
RETURN al.dyad + ' ' + al.period_kind + ' ' + toString(al.start) + ' ' + k + '=' + toString(al[k]) AS line
UNION ALL
MATCH (x:Actor)-[al:ALIGNMENT_YEAR]->(y:Actor)
WHERE x.code < y.code AND al.dyad = x.code + '-' + y.code AND al.a = x.code AND al.b = y.code
  AND al.period = toString(al.start.year) AND al.start = date.truncate('year', al.start)
UNWIND [k IN keys(al) WHERE NOT k IN ['dyad', 'a', 'b', 'period', 'start']] AS k
RETURN al.dyad + ' total ' + toString(al.start) + ' ' + k + '=' + toString(al[k]) AS line
