// name: network
// description: The country-level aligned network of a window, from the ALIGNMENT aggregates: each pair with events by type, cooperation, conflict, net score, alignment and sign (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - leave out pairs with fewer events
// param: weights map = ACCUSED:-3,AGREED_WITH:4,AIDED:7,ATTACKED:-9,DEPLOYED_TO:0,MET_WITH:2.5,REJECTED:-2,REQUESTED:0,SANCTIONED:-6,SUPPORTED:5,WARNED:-4 - the weight of each relation type, TYPE:NUMBER separated by commas (in Browser, a map: {MET_WITH: 2.5, WARNED: -4.0, ...}); a type it does not name weighs 0
// param: planned_factor float = 0.5 - weight factor of planned events
// Reads the window's aggregates (index ALIGNMENT(start)): a month
// aggregate when its month overlaps the window, a year aggregate (events
// dated to a year only) when the window holds its whole year. No limit:
// every pair is a row.
// Columns: a, b (a < b), events, by_type (a map type -> events; every
// type, 0 included), cooperation, conflict, net, alignment, sign
// (friendly, hostile or neutral).
MATCH (x:Country)-[al:ALIGNMENT]->(y:Country)
WHERE al.start >= date.truncate('month', $from) AND al.start <= $to
  AND (al.period_kind = 'month' OR al.start >= $from AND al.start + duration('P1Y') <= $to + duration('P1D'))
WITH x.code AS a, y.code AS b, properties(al) AS p
WITH a, b, collect(p) AS ps
// counts: [type, asserted events, planned events] of each type, summed
// over the pair's aggregates, then weighed once per pair.
WITH a, b, reduce(s = 0, m IN ps | s + m.events) AS events,
     [t IN ['MET_WITH', 'AGREED_WITH', 'SUPPORTED', 'AIDED', 'REQUESTED', 'ACCUSED', 'REJECTED', 'WARNED',
            'SANCTIONED', 'DEPLOYED_TO', 'ATTACKED'] |
      [t, reduce(s = 0, m IN ps | s + coalesce(m[t], 0)), reduce(s = 0, m IN ps | s + coalesce(m[t + '_planned'], 0))]] AS counts
WITH a, b, events, counts,
     [c IN counts | (c[1] + $planned_factor * c[2]) * toFloat(coalesce($weights[c[0]], 0))] AS scored
WITH a, b, events,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS cooperation,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS conflict,
     {MET_WITH: counts[0][1] + counts[0][2], AGREED_WITH: counts[1][1] + counts[1][2],
      SUPPORTED: counts[2][1] + counts[2][2], AIDED: counts[3][1] + counts[3][2],
      REQUESTED: counts[4][1] + counts[4][2], ACCUSED: counts[5][1] + counts[5][2],
      REJECTED: counts[6][1] + counts[6][2], WARNED: counts[7][1] + counts[7][2],
      SANCTIONED: counts[8][1] + counts[8][2], DEPLOYED_TO: counts[9][1] + counts[9][2],
      ATTACKED: counts[10][1] + counts[10][2]} AS by_type
WHERE events >= $min_events
WITH a, b, events, by_type, cooperation, conflict, cooperation + conflict AS net
RETURN a, b, events, by_type, cooperation, conflict, net,
       CASE WHEN cooperation - conflict = 0 THEN 0.0 ELSE net / (cooperation - conflict) END AS alignment,
       CASE WHEN net > 0 THEN 'friendly' WHEN net < 0 THEN 'hostile' ELSE 'neutral' END AS sign
ORDER BY a, b
