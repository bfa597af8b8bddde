// Removes the materialized ALIGNMENT edges of one period length whose
// period lies outside $first..$last (period names of that length sort in
// time order), left over from events that are gone.
MATCH ()-[al:ALIGNMENT {period_kind: $period}]->()
WHERE al.period < $first OR al.period > $last
DELETE al
