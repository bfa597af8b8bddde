// Removes the materialized ALIGNMENT edges of one period length, before
// they are computed again.
MATCH (:Country)-[al:ALIGNMENT {period_kind: $period}]->(:Country)
DELETE al
