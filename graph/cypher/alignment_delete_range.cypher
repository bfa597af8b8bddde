// Removes the materialized ALIGNMENT edges of some periods of one length,
// before they are computed again (found through the alignment_period index).
MATCH ()-[al:ALIGNMENT]->()
WHERE al.period IN $periods AND al.period_kind = $period
DELETE al
