// name: alliance-timeline
// description: A dyad's events by type, cooperation, conflict, net and alignment index per period, from the ALIGNMENT aggregates; events dated to a year only are rows of their own with precision year (dated events only: relations without a date are left out)
// param: a country - one state (name or code)
// param: b country - the other state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: period enum(month|quarter|year) = month - length of a period
// param: weights map = ACCUSED:-3,AGREED_WITH:4,AIDED:7,ATTACKED:-9,DEPLOYED_TO:0,MET_WITH:2.5,REJECTED:-2,REQUESTED:0,SANCTIONED:-6,SUPPORTED:5,WARNED:-4 - the weight of each relation type, TYPE:NUMBER separated by commas (in Browser, a map: {MET_WITH: 2.5, WARNED: -4.0, ...}); a type it does not name weighs 0
// param: planned_factor float = 0.5 - weight factor of planned events
// param: min_events int = 1 - a row whose index window has fewer events shows its counts but no index (alignment null)
// param: rolling int = 1 - the index of a row is over the last N periods of its precision (itself and the N-1 before it, empty ones included); 1 (or less) = its own period only
// Reads the pair's aggregates (index ALIGNMENT(dyad)) whose period overlaps
// the window: a month aggregate counts in its month, quarter or year, a
// year aggregate (events dated to a year only) in a row of precision year.
// Columns: period (2014-06, 2014-Q2 or 2014), precision (month, quarter or
// year), start (the period's first day), events, by_type (a map type ->
// events, asserted and planned; every type, 0 included), cooperation,
// conflict and net of the period, alignment: the index over the rolling
// window, null when that window has fewer than min_events events. Only
// periods with events are rows.
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS dyad
MATCH ()-[al:ALIGNMENT {dyad: dyad}]->()
WHERE al.start >= date.truncate('year', $from) AND al.start <= $to
  AND (al.period_kind = 'year' OR al.start >= date.truncate('month', $from))
// Each aggregate's properties are read once, as a map; the counts are
// summed per period first and weighed once per period.
WITH properties(al) AS p
WITH CASE WHEN p.period_kind = 'year' THEN 'year' ELSE $period END AS precision, p
WITH precision, date.truncate(precision, p.start) AS start, collect(p) AS ps
// counts: [type, asserted events, planned events] of each type.
WITH precision, start, reduce(s = 0, m IN ps | s + m.events) AS events,
     [t IN ['MET_WITH', 'AGREED_WITH', 'SUPPORTED', 'AIDED', 'REQUESTED', 'ACCUSED', 'REJECTED', 'WARNED',
            'SANCTIONED', 'DEPLOYED_TO', 'ATTACKED'] |
      [t, reduce(s = 0, m IN ps | s + coalesce(m[t], 0)), reduce(s = 0, m IN ps | s + coalesce(m[t + '_planned'], 0))]] AS counts
WITH precision, start, events, counts,
     [c IN counts | (c[1] + $planned_factor * c[2]) * toFloat(coalesce($weights[c[0]], 0))] AS scored
WITH precision, start, events,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS cooperation,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS conflict,
     {MET_WITH: counts[0][1] + counts[0][2], AGREED_WITH: counts[1][1] + counts[1][2],
      SUPPORTED: counts[2][1] + counts[2][2], AIDED: counts[3][1] + counts[3][2],
      REQUESTED: counts[4][1] + counts[4][2], ACCUSED: counts[5][1] + counts[5][2],
      REJECTED: counts[6][1] + counts[6][2], WARNED: counts[7][1] + counts[7][2],
      SANCTIONED: counts[8][1] + counts[8][2], DEPLOYED_TO: counts[9][1] + counts[9][2],
      ATTACKED: counts[10][1] + counts[10][2]} AS by_type
ORDER BY start, precision
WITH collect({precision: precision, start: start, events: events, cooperation: cooperation,
              conflict: conflict, by_type: by_type}) AS rows
UNWIND rows AS r
WITH rows, r, CASE WHEN $rolling < 1 THEN 1 ELSE $rolling END AS n
// Without a rolling window (n = 1) a row is its own window: the scan of
// all rows for each row is skipped.
WITH r, CASE WHEN n = 1 THEN [r]
             ELSE [q IN rows WHERE q.precision = r.precision AND q.start <= r.start
                   AND q.start > r.start - CASE r.precision WHEN 'month' THEN duration({months: n})
                                                            WHEN 'quarter' THEN duration({months: 3 * n})
                                                            ELSE duration({years: n}) END]
        END AS win
WITH r, reduce(acc = 0, q IN win | acc + q.events) AS wevents,
     reduce(s = 0.0, q IN win | s + q.cooperation) AS wcoop,
     reduce(s = 0.0, q IN win | s + q.conflict) AS wconfl
RETURN CASE r.precision
         WHEN 'year' THEN toString(r.start.year)
         WHEN 'quarter' THEN toString(r.start.year) + '-Q' + toString(r.start.quarter)
         ELSE toString(r.start.year) + '-' + right('0' + toString(r.start.month), 2)
       END AS period,
       r.precision AS precision, toString(r.start) AS start, r.events AS events, r.by_type AS by_type,
       r.cooperation AS cooperation, r.conflict AS conflict, r.cooperation + r.conflict AS net,
       CASE WHEN wevents < $min_events THEN null
            WHEN wcoop - wconfl = 0 THEN 0.0
            ELSE (wcoop + wconfl) / (wcoop - wconfl) END AS alignment
ORDER BY start, CASE precision WHEN 'year' THEN 1 ELSE 0 END
