// Records that the ALIGNMENT edges of one period length are complete for
// the articles written up to $as_of (null: none), with $planned_factor.
MERGE (m:Materialization {period_kind: $period})
SET m.as_of = $as_of, m.planned_factor = $planned_factor, m.finished_at = datetime()
