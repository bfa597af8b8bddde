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
  AND al.start >= date.truncate(al.period_kind, $from)
// The aggregate's properties are read once, as a map (one read instead
// of one per type and count).
WITH properties(al) AS al
WITH al, CASE WHEN al.period_kind = 'year' THEN 'year' ELSE $period END AS precision,
     [t IN keys($weights) | (coalesce(al[t], 0) + $planned_factor * coalesce(al[t + '_planned'], 0)) * toFloat($weights[t])] AS scored
WITH al, precision, date.truncate(precision, al.start) AS start,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS coop,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS confl
WITH precision, start, sum(al.events) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
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
