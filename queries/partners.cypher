// name: partners
// description: A state's partners (net cooperation above zero) in a window, ranked, with the change against the previous window of equal length, from the ALIGNMENT aggregates (dated events only: relations without a date are left out)
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
// holds its whole year, if one does. Reads the state's aggregates.
// Columns: partner, name, events, by_type (a map type -> events in the window;
// every type, 0 included), cooperation, conflict, net, alignment,
// previous (net of the previous window), change, total.
WITH $from AS from, $to AS to, $from.day = 1 AND ($to + duration('P1D')).day = 1 AS whole_months
WITH from, to,
     CASE WHEN whole_months
          THEN from - duration({months: (to.year - from.year) * 12 + to.month - from.month + 1})
          ELSE from - (duration.inDays(from, to) + duration('P1D'))
     END AS start
MATCH (c:Country {code: $country})-[al:ALIGNMENT]-(o:Actor)
WHERE al.start >= date.truncate('month', start) AND al.start <= to
WITH o, al,
     CASE WHEN al.period_kind = 'month' THEN al.start >= date.truncate('month', from)
          WHEN al.start >= from AND al.start + duration('P1Y') <= to + duration('P1D') THEN true
          WHEN al.start >= start AND al.start + duration('P1Y') <= from THEN false
     END AS current
WHERE current IS NOT NULL
WITH o, al, current,
     [t IN keys($weights) | (coalesce(al[t], 0) + $planned_factor * coalesce(al[t + '_planned'], 0)) * toFloat($weights[t])] AS scored
WITH o, al, current,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x > 0 THEN x ELSE 0.0 END) AS coop,
     reduce(s = 0.0, x IN scored | s + CASE WHEN x < 0 THEN x ELSE 0.0 END) AS confl
WITH o, al, current, CASE WHEN current THEN 1 ELSE 0 END AS k, coop, confl
WITH o, sum(k * al.events) AS events, sum(k * coop) AS cooperation, sum(k * confl) AS conflict,
     sum((1 - k) * (coop + confl)) AS previous,
     {MET_WITH: sum(k * (coalesce(al.MET_WITH, 0) + coalesce(al.MET_WITH_planned, 0))),
      AGREED_WITH: sum(k * (coalesce(al.AGREED_WITH, 0) + coalesce(al.AGREED_WITH_planned, 0))),
      SUPPORTED: sum(k * (coalesce(al.SUPPORTED, 0) + coalesce(al.SUPPORTED_planned, 0))),
      AIDED: sum(k * (coalesce(al.AIDED, 0) + coalesce(al.AIDED_planned, 0))),
      REQUESTED: sum(k * (coalesce(al.REQUESTED, 0) + coalesce(al.REQUESTED_planned, 0))),
      ACCUSED: sum(k * (coalesce(al.ACCUSED, 0) + coalesce(al.ACCUSED_planned, 0))),
      REJECTED: sum(k * (coalesce(al.REJECTED, 0) + coalesce(al.REJECTED_planned, 0))),
      WARNED: sum(k * (coalesce(al.WARNED, 0) + coalesce(al.WARNED_planned, 0))),
      SANCTIONED: sum(k * (coalesce(al.SANCTIONED, 0) + coalesce(al.SANCTIONED_planned, 0))),
      DEPLOYED_TO: sum(k * (coalesce(al.DEPLOYED_TO, 0) + coalesce(al.DEPLOYED_TO_planned, 0))),
      ATTACKED: sum(k * (coalesce(al.ATTACKED, 0) + coalesce(al.ATTACKED_planned, 0)))} AS by_type
WITH o, events, by_type, cooperation, conflict, cooperation + conflict AS net, previous
WHERE events > 0 AND net > 0
ORDER BY net DESC, o.code
WITH collect({o: o, events: events, by_type: by_type, cooperation: cooperation, conflict: conflict,
              net: net, previous: previous}) AS rows
UNWIND rows[0..$limit] AS r
WITH r, size(rows) AS total
RETURN r.o.code AS partner, r.o.name AS name, r.events AS events, r.by_type AS by_type,
       r.cooperation AS cooperation, r.conflict AS conflict, r.net AS net,
       CASE WHEN r.cooperation - r.conflict = 0 THEN 0.0
            ELSE r.net / (r.cooperation - r.conflict) END AS alignment,
       r.previous AS previous, r.net - r.previous AS change, total
