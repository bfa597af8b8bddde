// name: rivals
// description: A state's rivals (net conflict, below zero) in a window, ranked, with the change against the previous window of equal length, from the ALIGNMENT aggregates (dated events only: relations without a date are left out)
// param: country country - the state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: weights map = ACCUSED:-3,AGREED_WITH:4,AIDED:7,ATTACKED:-9,DEPLOYED_TO:0,MET_WITH:2.5,REJECTED:-2,REQUESTED:0,SANCTIONED:-6,SUPPORTED:5,WARNED:-4 - the weight of each relation type, TYPE:NUMBER separated by commas (in Browser, a map: {MET_WITH: 2.5, WARNED: -4.0, ...}); a type it does not name weighs 0
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 20 - at most this many; total is the number before the cut
// The previous window: the same number of whole months before a window of
// whole months (2023 for 2024), else the same number of days. A month
// aggregate counts in the window its month overlaps (the current one when
// both), a year aggregate (events dated to a year only) in the window that
// holds its whole year, if one does. Reads the state's aggregates of the
// two windows only (indexes ALIGNMENT(a, start) and ALIGNMENT(b, start):
// the state is the lower code a or the higher code b of the pair), and
// for the years wholly inside one of the windows its ALIGNMENT_YEAR totals
// instead (the same indexes on them), each aggregate's properties once; the
// counts are summed per partner and window first, and weighed once per
// partner and window.
// Columns: rival, name, events, by_type (a map type -> events in the window;
// every type, 0 included), cooperation, conflict, net, alignment,
// previous (net of the previous window), change, total.
WITH $from AS from, $to AS to, $from.day = 1 AND ($to + duration('P1D')).day = 1 AS whole_months
WITH from, to,
     CASE WHEN whole_months
          THEN from - duration({months: (to.year - from.year) * 12 + to.month - from.month + 1})
          ELSE from - (duration.inDays(from, to) + duration('P1D'))
     END AS start
// The years wholly inside the window (now_years) or the previous one are
// read from the ALIGNMENT_YEAR totals, one row per partner and year; the
// months (and year-only aggregates) of the other years from the ALIGNMENT
// aggregates, one index range per year.
WITH from, to, start,
     [y IN range(start.year, to.year) WHERE date({year: y}) >= from AND date({year: y, month: 12, day: 31}) <= to] AS now_years,
     [y IN range(start.year, to.year) WHERE date({year: y}) >= start AND date({year: y, month: 12, day: 31}) < from] AS before_years
WITH from, to, start, now_years, before_years + now_years AS whole
WITH from, to, start, now_years, whole,
     [y IN range(start.year, to.year) WHERE NOT y IN whole |
      [CASE WHEN date({year: y}) < date.truncate('month', start) THEN date.truncate('month', start) ELSE date({year: y}) END,
       CASE WHEN date({year: y, month: 12, day: 31}) > to THEN to ELSE date({year: y, month: 12, day: 31}) END]] AS ranges
CALL (from, to, start, now_years, whole, ranges) {
  UNWIND ranges AS r
  CALL (r) {
    MATCH (c:Country)-[al:ALIGNMENT]->(o)
    WHERE al.a = $country AND al.start >= r[0] AND al.start <= r[1] AND c.code = $country
    RETURN o, al
    UNION ALL
    MATCH (o)-[al:ALIGNMENT]->(c:Country)
    WHERE al.b = $country AND al.start >= r[0] AND al.start <= r[1] AND c.code = $country
    RETURN o, al
  }
  WITH from, start, o, properties(al) AS p
  WITH o, p,
       CASE WHEN p.period_kind = 'month' THEN p.start >= date.truncate('month', from)
            WHEN p.start >= from AND p.start + duration('P1Y') <= to + duration('P1D') THEN true
            WHEN p.start >= start AND p.start + duration('P1Y') <= from THEN false
       END AS current
  WHERE current IS NOT NULL
  RETURN o, p, current
  UNION ALL
  WITH now_years, whole
  WHERE size(whole) > 0
  CALL (whole) {
    MATCH (c:Country)-[al:ALIGNMENT_YEAR]->(o)
    WHERE al.a = $country AND al.start >= date({year: whole[0]}) AND al.start <= date({year: last(whole)}) AND c.code = $country
    RETURN o, al
    UNION ALL
    MATCH (o)-[al:ALIGNMENT_YEAR]->(c:Country)
    WHERE al.b = $country AND al.start >= date({year: whole[0]}) AND al.start <= date({year: last(whole)}) AND c.code = $country
    RETURN o, al
  }
  WITH now_years, whole, o, properties(al) AS p
  WHERE p.start.year IN whole
  RETURN o, p, p.start.year IN now_years AS current
}
WITH o, current, collect(p) AS ps
// counts: [type, asserted events, planned events] of each type.
WITH o, current, reduce(s = 0, m IN ps | s + m.events) AS events,
     [t IN ['MET_WITH', 'AGREED_WITH', 'SUPPORTED', 'AIDED', 'REQUESTED', 'ACCUSED', 'REJECTED', 'WARNED',
            'SANCTIONED', 'DEPLOYED_TO', 'ATTACKED'] |
      [t, reduce(s = 0, m IN ps | s + coalesce(m[t], 0)), reduce(s = 0, m IN ps | s + coalesce(m[t + '_planned'], 0))]] AS counts
WITH o, current, events, counts,
     [c IN counts | (c[1] + $planned_factor * c[2]) * toFloat(coalesce($weights[c[0]], 0))] AS scored
WITH o, current, events, counts,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS coop,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS confl
WITH o, collect(CASE WHEN current THEN {events: events, counts: counts, coop: coop, confl: confl} END) AS now,
     sum(CASE WHEN current THEN 0.0 ELSE coop + confl END) AS previous
WITH o, previous, now[0] AS c
WHERE c IS NOT NULL AND c.events > 0
WITH o, previous, c.events AS events, c.coop AS cooperation, c.confl AS conflict, c.coop + c.confl AS net,
     {MET_WITH: c.counts[0][1] + c.counts[0][2], AGREED_WITH: c.counts[1][1] + c.counts[1][2],
      SUPPORTED: c.counts[2][1] + c.counts[2][2], AIDED: c.counts[3][1] + c.counts[3][2],
      REQUESTED: c.counts[4][1] + c.counts[4][2], ACCUSED: c.counts[5][1] + c.counts[5][2],
      REJECTED: c.counts[6][1] + c.counts[6][2], WARNED: c.counts[7][1] + c.counts[7][2],
      SANCTIONED: c.counts[8][1] + c.counts[8][2], DEPLOYED_TO: c.counts[9][1] + c.counts[9][2],
      ATTACKED: c.counts[10][1] + c.counts[10][2]} AS by_type
WHERE net < 0
ORDER BY net ASC, o.code
WITH collect({o: o, events: events, by_type: by_type, cooperation: cooperation, conflict: conflict,
              net: net, previous: previous}) AS rows
UNWIND rows[0..$limit] AS r
WITH r, size(rows) AS total
RETURN r.o.code AS rival, r.o.name AS name, r.events AS events, r.by_type AS by_type,
       r.cooperation AS cooperation, r.conflict AS conflict, r.net AS net,
       CASE WHEN r.cooperation - r.conflict = 0 THEN 0.0
            ELSE r.net / (r.cooperation - r.conflict) END AS alignment,
       r.previous AS previous, r.net - r.previous AS change, total
