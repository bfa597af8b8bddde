// name: alliance-shifts
// description: Pairs of states whose alignment changed sign, or moved by more than a threshold, between consecutive periods; largest change first, with the events of the later period
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: period enum(month|quarter|year) = month - length of a period
// param: min_events int = 1 - both periods need at least this many events
// param: threshold float = 0.5 - smallest change of the alignment index that counts without a change of sign
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 100 - at most this many shifts
MATCH (x:Country)-[r]->(y:Country)
WHERE r.date >= $from AND r.date <= $to
  AND NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH CASE WHEN x.code < y.code THEN x.code ELSE y.code END AS a,
     CASE WHEN x.code < y.code THEN y.code ELSE x.code END AS b,
     CASE $period
       WHEN 'year' THEN toString(r.date.year)
       WHEN 'quarter' THEN toString(r.date.year) + '-Q' + toString(r.date.quarter)
       ELSE toString(r.date.year) + '-' + right('0' + toString(r.date.month), 2)
     END AS period,
     type(r) AS type,
     coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH a, b, period, type, count(*) AS n,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS coop,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS confl
WITH a, b, period, sum(n) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
     collect(type + ':' + toString(n)) AS by_type
WITH a, b, period, events, by_type,
     CASE WHEN cooperation - conflict = 0 THEN 0.0
          ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment
ORDER BY a, b, period
WITH a, b, collect({period: period, events: events, alignment: alignment, by_type: by_type}) AS ps
UNWIND range(1, size(ps) - 1) AS i
WITH a, b, ps[i - 1] AS before, ps[i] AS after
WHERE before.events >= $min_events AND after.events >= $min_events
  AND (sign(before.alignment) <> sign(after.alignment) OR abs(after.alignment - before.alignment) > $threshold)
RETURN a, b, before.period AS period_before, after.period AS period_after,
       before.alignment AS alignment_before, after.alignment AS alignment_after,
       after.alignment - before.alignment AS change, after.by_type AS events_after
ORDER BY abs(change) DESC, a, b, period_after
LIMIT $limit
