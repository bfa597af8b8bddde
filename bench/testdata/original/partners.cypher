// name: partners
// description: A state's partners (net cooperation above zero) in a window, ranked, with the change against the previous window of equal length
// param: country country - the state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 20 - at most this many
WITH $from AS from, $to AS to,
     CASE WHEN $from.day = 1 AND ($to + duration('P1D')).day = 1
          THEN $from - duration({months: ($to.year - $from.year) * 12 + $to.month - $from.month + 1})
          ELSE $from - (duration.inDays($from, $to) + duration('P1D'))
     END AS start
MATCH (c:Country {code: $country})-[r]-(o:Actor)
WHERE r.date >= start AND r.date <= to
  AND NOT coalesce(r.negated, false)
  AND coalesce(r.modality, 'asserted') <> 'hypothetical'
WITH o, from, r.date >= from AS current, coalesce(r.weight, 0.0) * CASE WHEN r.modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
WITH o, sum(CASE WHEN current THEN w ELSE 0.0 END) AS net,
     sum(CASE WHEN current THEN 0.0 ELSE w END) AS previous,
     sum(CASE WHEN current THEN 1 ELSE 0 END) AS events
WHERE events > 0 AND net > 0
RETURN o.code AS partner, o.name AS name, events, net, previous, net - previous AS change
ORDER BY net DESC, partner
LIMIT $limit
