// Removes every materialized ALIGNMENT edge of one period length
// (Materialize, when the graph holds no events).
MATCH ()-[al:ALIGNMENT {period_kind: $period}]->()
DELETE al
