// name: alliance-timeline
// description: A dyad's events by type, cooperation, conflict, net and alignment index per period
// param: a country - one state (name or code)
// param: b country - the other state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: period enum(month|quarter|year) = month - length of a period
// param: planned_factor float = 0.5 - weight factor of planned events
MATCH (x:Country {code: $a})-[r]-(y:Country {code: $b})
WHERE r.date >= $from AND r.date <= $to
  AND NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH r,
     CASE $period
       WHEN 'year' THEN toString(r.date.year)
       WHEN 'quarter' THEN toString(r.date.year) + '-Q' + toString(r.date.quarter)
       ELSE toString(r.date.year) + '-' + right('0' + toString(r.date.month), 2)
     END AS period,
     coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH period, type(r) AS type, count(*) AS n,
     sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS coop,
     sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS confl
WITH period, sum(n) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
     collect(type + ':' + toString(n)) AS by_type
RETURN period, events, cooperation, conflict, cooperation + conflict AS net,
       CASE WHEN cooperation - conflict = 0 THEN 0.0
            ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment,
       by_type
ORDER BY period
