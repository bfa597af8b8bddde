// name: alliance-shifts
// description: Pairs of states whose alignment changed sign, or moved by more than a threshold, from one active period to the next, from the ALIGNMENT aggregates; largest change first; gap says how many periods without enough events lie between (0 = adjacent periods) (dated events only: relations without a date are left out)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: period enum(month|quarter|year) = month - length of a period
// param: min_events int = 1 - both periods need at least this many events; periods with fewer count as gap
// param: threshold float = 0.5 - smallest change of the alignment index that counts without a change of sign
// param: weights map = ACCUSED:-3,AGREED_WITH:4,AIDED:7,ATTACKED:-9,DEPLOYED_TO:0,MET_WITH:2.5,REJECTED:-2,REQUESTED:0,SANCTIONED:-6,SUPPORTED:5,WARNED:-4 - the weight of each relation type, TYPE:NUMBER separated by commas (in Browser, a map: {MET_WITH: 2.5, WARNED: -4.0, ...}); a type it does not name weighs 0
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 100 - at most this many shifts; total is the number before the cut
// Reads the window's aggregates (index ALIGNMENT(start)). Each pair's
// periods of one precision (events dated to a year only are compared with
// the pair's other year-precision periods) with at least min_events
// events are compared with the one before: gap = 0 when the periods are
// adjacent, else the number of periods between them.
// Columns: a, b, precision, period_before, period_after, gap,
// alignment_before, alignment_after, change, events_before, events_after,
// by_type_after (a map type -> events of the later period), total.
MATCH (x:Country)-[al:ALIGNMENT]->(y:Country)
WHERE al.start >= date.truncate('year', $from) AND al.start <= $to
  AND al.start >= date.truncate(al.period_kind, $from)
WITH x.code AS a, y.code AS b, al, CASE WHEN al.period_kind = 'year' THEN 'year' ELSE $period END AS precision,
     [t IN keys($weights) | (coalesce(al[t], 0) + $planned_factor * coalesce(al[t + '_planned'], 0)) * toFloat($weights[t])] AS scored
WITH a, b, al, precision, date.truncate(precision, al.start) AS start,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS coop,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS confl
WITH a, b, precision, start, sum(al.events) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
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
WITH a, b, precision, start, events, by_type,
     CASE WHEN cooperation - conflict = 0 THEN 0.0
          ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment
ORDER BY a, b, precision, start
WITH a, b, precision, collect({start: start, events: events, alignment: alignment, by_type: by_type}) AS ps
UNWIND range(1, size(ps) - 1) AS i
WITH a, b, precision, ps[i - 1] AS before, ps[i] AS after
WITH a, b, precision, before, after,
     CASE precision
       WHEN 'year' THEN after.start.year - before.start.year
       WHEN 'quarter' THEN ((after.start.year - before.start.year) * 12 + after.start.month - before.start.month) / 3
       ELSE (after.start.year - before.start.year) * 12 + after.start.month - before.start.month
     END - 1 AS gap
WHERE sign(before.alignment) <> sign(after.alignment) OR abs(after.alignment - before.alignment) > $threshold
WITH a, b, precision, before, after, gap, after.alignment - before.alignment AS change
ORDER BY abs(change) DESC, a, b, after.start, precision
WITH collect({a: a, b: b, precision: precision, before: before, after: after, gap: gap, change: change}) AS rows
UNWIND rows[0..$limit] AS r
WITH r, size(rows) AS total
RETURN r.a AS a, r.b AS b, r.precision AS precision,
       CASE r.precision
         WHEN 'year' THEN toString(r.before.start.year)
         WHEN 'quarter' THEN toString(r.before.start.year) + '-Q' + toString(r.before.start.quarter)
         ELSE toString(r.before.start.year) + '-' + right('0' + toString(r.before.start.month), 2)
       END AS period_before,
       CASE r.precision
         WHEN 'year' THEN toString(r.after.start.year)
         WHEN 'quarter' THEN toString(r.after.start.year) + '-Q' + toString(r.after.start.quarter)
         ELSE toString(r.after.start.year) + '-' + right('0' + toString(r.after.start.month), 2)
       END AS period_after,
       r.gap AS gap, r.before.alignment AS alignment_before, r.after.alignment AS alignment_after,
       r.change AS change, r.before.events AS events_before, r.after.events AS events_after,
       r.after.by_type AS by_type_after, total
