// Records that the ALIGNMENT edges of one period length are complete for
// the articles of the first $writes write transactions, with
// $planned_factor.
MERGE (m:Materialization {period_kind: $period})
SET m.writes = $writes, m.planned_factor = $planned_factor, m.finished_at = datetime()
