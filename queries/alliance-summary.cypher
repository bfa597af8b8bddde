// name: alliance-summary
// description: Every pair of states with its events by type, cooperation, conflict, net score and alignment index over a window, from the ALIGNMENT aggregates; most events first (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: min_events int = 1 - leave out pairs with fewer events
// param: weights map = ACCUSED:-3,AGREED_WITH:4,AIDED:7,ATTACKED:-9,DEPLOYED_TO:0,MET_WITH:2.5,REJECTED:-2,REQUESTED:0,SANCTIONED:-6,SUPPORTED:5,WARNED:-4 - the weight of each relation type, TYPE:NUMBER separated by commas (in Browser, a map: {MET_WITH: 2.5, WARNED: -4.0, ...}); a type it does not name weighs 0
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 50 - at most this many pairs; total is the number before the cut
// Reads the window's aggregates (index ALIGNMENT(start)): a month
// aggregate when its month overlaps the window, a year aggregate (events
// dated to a year only) when the window holds its whole year.
// Columns: a, b (a < b), events, by_type (a map type -> events, asserted
// and planned; every type, 0 included), cooperation, conflict, net,
// alignment, total.
MATCH (x:Country)-[al:ALIGNMENT]->(y:Country)
WHERE al.start >= date.truncate('month', $from) AND al.start <= $to
  AND (al.period_kind = 'month' OR al.start >= $from AND al.start + duration('P1Y') <= $to + duration('P1D'))
WITH x.code AS a, y.code AS b, al,
     [t IN keys($weights) | (coalesce(al[t], 0) + $planned_factor * coalesce(al[t + '_planned'], 0)) * toFloat($weights[t])] AS scored
WITH a, b, al,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS coop,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS confl
WITH a, b, sum(al.events) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
     {MET_WITH: sum(coalesce(al.MET_WITH, 0) + coalesce(al.MET_WITH_planned, 0)),
      AGREED_WITH: sum(coalesce(al.AGREED_WITH, 0) + coalesce(al.AGREED_WITH_planned, 0)),
      SUPPORTED: sum(coalesce(al.SUPPORTED, 0) + coalesce(al.SUPPORTED_planned, 0)),
      AIDED: sum(coalesce(al.AIDED, 0) + coalesce(al.AIDED_planned, 0)),
      REQUESTED: sum(coalesce(al.REQUESTED, 0) + coalesce(al.REQUESTED_planned, 0)),
      ACCUSED: sum(coalesce(al.ACCUSED, 0) + coalesce(al.ACCUSED_planned, 0)),
      REJECTED: sum(coalesce(al.REJECTED, 0) + coalesce(al.REJECTED_planned, 0)),
      WARNED: sum(coalesce(al.WARNED, 0) + coalesce(al.WARNED_planned, 0)),
      SANCTIONED: sum(coalesce(al.SANCTIONED, 0) + coalesce(al.SANCTIONED_planned, 0)),
      DEPLOYED_TO: sum(coalesce(al.DEPLOYED_TO, 0) + coalesce(al.DEPLOYED_TO_planned, 0)),
      ATTACKED: sum(coalesce(al.ATTACKED, 0) + coalesce(al.ATTACKED_planned, 0))} AS by_type
WHERE events >= $min_events
ORDER BY events DESC, a, b
WITH collect({a: a, b: b, events: events, by_type: by_type, cooperation: cooperation, conflict: conflict}) AS rows
UNWIND rows[0..$limit] AS r
WITH r, size(rows) AS total
RETURN r.a AS a, r.b AS b, r.events AS events, r.by_type AS by_type,
       r.cooperation AS cooperation, r.conflict AS conflict, r.cooperation + r.conflict AS net,
       CASE WHEN r.cooperation - r.conflict = 0 THEN 0.0
            ELSE (r.cooperation + r.conflict) / (r.cooperation - r.conflict) END AS alignment,
       total
