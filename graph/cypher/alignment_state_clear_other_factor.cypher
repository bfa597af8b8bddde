// Recomputing some periods with another planned factor leaves the edges of
// one period length mixed: they are no longer a complete materialization.
MATCH (m:Materialization {period_kind: $period})
WHERE m.planned_factor <> $planned_factor
DELETE m
