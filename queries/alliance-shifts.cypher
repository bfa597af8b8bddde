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
// With the parameters the SHIFT markers are kept for (the (:ShiftMarkers)
// node: by month, min_events 1, the default threshold, planned factor and
// weights), when none is out of date (no (:ShiftDirty) node: ingest
// recomputes them after its last batch) it reads the markers: sums the
// window's ShiftCount cells (one per pair of periods: how many markers join
// them; index shift_count_window) and reads the first $limit markers in the
// order of shift_rank, so its work does not grow with the events. With any
// other parameters it reads the window's aggregates (index
// ALIGNMENT(start)), each one's properties once; the counts are summed per
// pair and period first and weighed once per period. Both give the same
// rows. Each pair's periods of one precision (events dated to a year only
// are compared with the pair's other year-precision periods) with at least
// min_events events are compared with the one before: gap = 0 when the
// periods are adjacent, else the number of periods between them.
// Columns: a, b, precision, period_before, period_after, gap,
// alignment_before, alignment_after, change, events_before, events_after,
// by_type_after (a map type -> events of the later period), total.
OPTIONAL MATCH (m:ShiftMarkers {name: 'default'})
WITH m IS NOT NULL AND NOT EXISTS { MATCH (:ShiftDirty) } AND $period = m.period AND $min_events = m.min_events AND $threshold = m.threshold
     AND $planned_factor = m.planned_factor
     AND all(i IN range(0, size(m.types) - 1) WHERE toFloat(coalesce($weights[m.types[i]], 0)) = m.weights[i]) AS marked
// Each branch seeks its index from a bound that is null unless the branch
// applies (lo, zero): a seek from null finds nothing, so the branch not
// taken reads nothing (a WHERE on marked would be checked after the seek).
CALL (marked) {
  WITH CASE WHEN marked THEN date.truncate('year', $from) END AS lo, CASE WHEN marked THEN 0 END AS zero
  CALL (lo) {
    MATCH (c:ShiftCount)
    WHERE c.precision = 'month' AND c.start >= lo AND c.start <= $to AND c.before >= date.truncate('month', $from)
    RETURN sum(c.n) AS n
    UNION ALL
    MATCH (c:ShiftCount)
    WHERE c.precision = 'year' AND c.start >= lo AND c.start <= $to AND c.before >= date.truncate('year', $from)
    RETURN sum(c.n) AS n
  }
  WITH lo, zero, sum(n) AS total
  CALL (lo, zero) {
    MATCH ()-[s:SHIFT]->()
    WHERE s.rank < zero AND s.a IS NOT NULL AND s.b IS NOT NULL AND s.precision IS NOT NULL
      AND s.start >= lo AND s.start <= $to
      AND s.before_start >= CASE s.precision WHEN 'year' THEN lo ELSE date.truncate('month', $from) END
    WITH s
    ORDER BY s.rank, s.a, s.b, s.start, s.precision
    LIMIT $limit
    RETURN s
  }
  RETURN s.a AS a, s.b AS b, s.precision AS precision, s.before_start AS before_start, s.start AS after_start, s.gap AS gap,
         s.alignment_before AS alignment_before, s.alignment_after AS alignment_after, s.change AS change,
         s.events_before AS events_before, s.events_after AS events_after,
         {MET_WITH: coalesce(s.MET_WITH, 0), AGREED_WITH: coalesce(s.AGREED_WITH, 0), SUPPORTED: coalesce(s.SUPPORTED, 0),
          AIDED: coalesce(s.AIDED, 0), REQUESTED: coalesce(s.REQUESTED, 0), ACCUSED: coalesce(s.ACCUSED, 0),
          REJECTED: coalesce(s.REJECTED, 0), WARNED: coalesce(s.WARNED, 0), SANCTIONED: coalesce(s.SANCTIONED, 0),
          DEPLOYED_TO: coalesce(s.DEPLOYED_TO, 0), ATTACKED: coalesce(s.ATTACKED, 0)} AS by_type_after, total
  UNION ALL
  WITH CASE WHEN NOT marked THEN date.truncate('year', $from) END AS lo
  MATCH (x:Country)-[al:ALIGNMENT]->(y:Country)
  WHERE al.start >= lo AND al.start <= $to
    AND (al.period_kind = 'year' OR al.start >= date.truncate('month', $from))
  WITH x.code AS a, y.code AS b, properties(al) AS p
  WITH a, b, CASE WHEN p.period_kind = 'year' THEN 'year' ELSE $period END AS precision, p
  WITH a, b, precision, date.truncate(precision, p.start) AS start, collect(p) AS ps
  // counts: [type, asserted events, planned events] of each type.
  WITH a, b, precision, start, reduce(s = 0, m IN ps | s + m.events) AS events,
       [t IN ['MET_WITH', 'AGREED_WITH', 'SUPPORTED', 'AIDED', 'REQUESTED', 'ACCUSED', 'REJECTED', 'WARNED',
              'SANCTIONED', 'DEPLOYED_TO', 'ATTACKED'] |
        [t, reduce(s = 0, m IN ps | s + coalesce(m[t], 0)), reduce(s = 0, m IN ps | s + coalesce(m[t + '_planned'], 0))]] AS counts
  WITH a, b, precision, start, events, counts,
       [c IN counts | (c[1] + $planned_factor * c[2]) * toFloat(coalesce($weights[c[0]], 0))] AS scored
  WITH a, b, precision, start, events, counts,
       reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS cooperation,
       reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS conflict
  WHERE events >= $min_events
  WITH a, b, precision, start, events, counts,
       CASE WHEN cooperation - conflict = 0 THEN 0.0
            ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment
  ORDER BY a, b, precision, start
  WITH a, b, precision, collect({start: start, events: events, alignment: alignment, counts: counts}) AS ps
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
  RETURN r.a AS a, r.b AS b, r.precision AS precision, r.before.start AS before_start, r.after.start AS after_start,
         r.gap AS gap, r.before.alignment AS alignment_before, r.after.alignment AS alignment_after,
         r.change AS change, r.before.events AS events_before, r.after.events AS events_after,
         {MET_WITH: r.after.counts[0][1] + r.after.counts[0][2], AGREED_WITH: r.after.counts[1][1] + r.after.counts[1][2],
          SUPPORTED: r.after.counts[2][1] + r.after.counts[2][2], AIDED: r.after.counts[3][1] + r.after.counts[3][2],
          REQUESTED: r.after.counts[4][1] + r.after.counts[4][2], ACCUSED: r.after.counts[5][1] + r.after.counts[5][2],
          REJECTED: r.after.counts[6][1] + r.after.counts[6][2], WARNED: r.after.counts[7][1] + r.after.counts[7][2],
          SANCTIONED: r.after.counts[8][1] + r.after.counts[8][2], DEPLOYED_TO: r.after.counts[9][1] + r.after.counts[9][2],
          ATTACKED: r.after.counts[10][1] + r.after.counts[10][2]} AS by_type_after, total
}
RETURN a, b, precision,
       CASE precision
         WHEN 'year' THEN toString(before_start.year)
         WHEN 'quarter' THEN toString(before_start.year) + '-Q' + toString(before_start.quarter)
         ELSE toString(before_start.year) + '-' + right('0' + toString(before_start.month), 2)
       END AS period_before,
       CASE precision
         WHEN 'year' THEN toString(after_start.year)
         WHEN 'quarter' THEN toString(after_start.year) + '-Q' + toString(after_start.quarter)
         ELSE toString(after_start.year) + '-' + right('0' + toString(after_start.month), 2)
       END AS period_after,
       gap, alignment_before, alignment_after, change, events_before, events_after, by_type_after, total
ORDER BY abs(change) DESC, a, b, after_start, precision
