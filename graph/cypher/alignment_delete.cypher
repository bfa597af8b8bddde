// Removes every materialized ALIGNMENT edge of one period length
// (Materialize, when the graph holds no events).
MATCH (:Country)-[al:ALIGNMENT {period_kind: $period}]->(:Country)
DELETE al
