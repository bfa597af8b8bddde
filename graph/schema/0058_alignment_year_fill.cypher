// ALIGNMENT_YEAR totals (one per pair and calendar year, the sum of the
// pair's month and year aggregates of that year; the writer keeps them up
// to date from this version on) for the aggregates written before it, a
// pair at a time. A total is merged between the pair's two actors, which
// locks them, and counted only when it is new (start still null), so a
// second process migrating at the same time adds nothing twice and an
// interrupted run is completed by the next.
MATCH (x:Actor)-[:ALIGNMENT]->(y:Actor)
WITH DISTINCT x, y
CALL (x, y) {
  MATCH (x)-[al:ALIGNMENT]->(y)
  WHERE al.start IS NOT NULL AND al.dyad IS NOT NULL
  WITH x, y, al.dyad AS dyad, al.start.year AS year, collect(properties(al)) AS ps
  MERGE (x)-[t:ALIGNMENT_YEAR {dyad: dyad, period: toString(year)}]->(y)
  WITH x, y, year, t, ps
  WHERE t.start IS NULL
  SET t.a = x.code, t.b = y.code, t.start = date({year: year})
  FOREACH (p IN ps |
    FOREACH (k IN [k IN keys(p) WHERE NOT k IN ['dyad', 'a', 'b', 'period_kind', 'period', 'start']] |
      SET t[k] = coalesce(t[k], 0) + p[k]))
} IN TRANSACTIONS OF 200 ROWS
