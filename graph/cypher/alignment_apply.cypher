// Adds a difference of event counts to the ALIGNMENT aggregates (one per
// pair, lower code first, and period) and to the ALIGNMENT_YEAR totals
// (one per pair and calendar year: the sum of its month and year
// aggregates): created when missing, a count removed when it falls to 0,
// the aggregate or total deleted when its events do. Each is found through
// its (dyad, period) index, not among all the relationships of the pair;
// writers are serialized (writes_mark), so two never create the same one.
// Last it records, for each pair and precision in $dirty (id, dyad, kind,
// and the first and last day of the periods changed: lo, hi), that its
// SHIFT markers are out of date (one ShiftDirty node, its range widened to
// take in the new one), for RefreshShifts to recompute them.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
CALL () {
  UNWIND $aggregates AS d
  OPTIONAL MATCH ()-[found:ALIGNMENT {dyad: d.dyad, period: d.period}]->()
    USING INDEX SEEK found:ALIGNMENT(dyad, period)
  CALL (d, found) {
    WITH d, found
    WHERE found IS NULL
    MATCH (a:Actor {code: d.a})
    MATCH (b:Actor {code: d.b})
    CREATE (a)-[al:ALIGNMENT {dyad: d.dyad, a: d.a, b: d.b, period_kind: d.period_kind, period: d.period, start: d.start}]->(b)
    RETURN al
    UNION ALL
    WITH d, found
    WHERE found IS NOT NULL
    RETURN found AS al
  }
  FOREACH (c IN d.counts |
    SET al[c.name] = CASE WHEN coalesce(al[c.name], 0) + c.n = 0 THEN null ELSE coalesce(al[c.name], 0) + c.n END)
  WITH al
  WHERE coalesce(al.events, 0) = 0
  DELETE al
}
CALL () {
  UNWIND $years AS d
  OPTIONAL MATCH ()-[found:ALIGNMENT_YEAR {dyad: d.dyad, period: d.period}]->()
    USING INDEX SEEK found:ALIGNMENT_YEAR(dyad, period)
  CALL (d, found) {
    WITH d, found
    WHERE found IS NULL
    MATCH (a:Actor {code: d.a})
    MATCH (b:Actor {code: d.b})
    CREATE (a)-[al:ALIGNMENT_YEAR {dyad: d.dyad, a: d.a, b: d.b, period: d.period, start: d.start}]->(b)
    RETURN al
    UNION ALL
    WITH d, found
    WHERE found IS NOT NULL
    RETURN found AS al
  }
  FOREACH (c IN d.counts |
    SET al[c.name] = CASE WHEN coalesce(al[c.name], 0) + c.n = 0 THEN null ELSE coalesce(al[c.name], 0) + c.n END)
  WITH al
  WHERE coalesce(al.events, 0) = 0
  DELETE al
}
CALL () {
  UNWIND $dirty AS d
  MERGE (x:ShiftDirty {id: d.id})
    ON CREATE SET x.dyad = d.dyad, x.kind = d.kind, x.lo = d.lo, x.hi = d.hi
    ON MATCH SET x.lo = CASE WHEN d.lo < x.lo THEN d.lo ELSE x.lo END,
                 x.hi = CASE WHEN d.hi > x.hi THEN d.hi ELSE x.hi END
}
