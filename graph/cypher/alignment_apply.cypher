// Adds a difference of event counts to the ALIGNMENT aggregates (one per
// pair, lower code first, and period): created when missing, a count
// removed when it falls to 0, the aggregate deleted when its events do.
UNWIND $aggregates AS d
MATCH (a:Actor {code: d.a})
MATCH (b:Actor {code: d.b})
MERGE (a)-[al:ALIGNMENT {dyad: d.dyad, period_kind: d.period_kind, period: d.period}]->(b)
  ON CREATE SET al.start = d.start
FOREACH (c IN d.counts |
  SET al[c.name] = CASE WHEN coalesce(al[c.name], 0) + c.n = 0 THEN null ELSE coalesce(al[c.name], 0) + c.n END)
WITH al
WHERE coalesce(al.events, 0) = 0
DELETE al
