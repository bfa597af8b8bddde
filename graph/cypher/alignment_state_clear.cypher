// Forgets that the ALIGNMENT edges of one period length are complete,
// before they are recomputed: until the recomputation ends, queries read
// the events themselves.
MATCH (m:Materialization {period_kind: $period})
DELETE m
