// name: rivals
// description: A state's rivals (net conflict) in a window, ranked, with the change against the previous window of equal length (dated events only: relations without a date are left out)
// param: country country - the state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: planned_factor float = 0.5 - weight factor of planned events
// param: limit int = 20 - at most this many
// The previous window: the same number of whole months before a window of
// whole months (2023 for 2024), else the same number of days.
WITH $from AS from, $to AS to, $from.day = 1 AND ($to + duration('P1D')).day = 1 AS whole_months
WITH from, to, whole_months,
     CASE WHEN whole_months
          THEN from - duration({months: (to.year - from.year) * 12 + to.month - from.month + 1})
          ELSE from - (duration.inDays(from, to) + duration('P1D'))
     END AS start
MATCH (c:Country {code: $country})
// When `alliances materialize --period month` has run since the latest
// article write, with this planned factor, and the windows are whole
// months, the month ALIGNMENT edges of the two windows hold the same sums:
// they are found through the alignment_period index, a seek per month.
CALL () {
  OPTIONAL MATCH (m:Materialization {period_kind: 'month'})
  RETURN m
}
CALL () {
  OPTIONAL MATCH (w:DiplographWrites {name: 'articles'})
  RETURN coalesce(w.seq, 0) AS writes
}
WITH c, from, start, to,
     whole_months AND m IS NOT NULL AND m.planned_factor = $planned_factor AND m.writes = writes AS materialized
// Two ways to the events: along the relation edges of the state
// (reads all of them, whatever their date), or through the date index of
// each relation type (reads the window's events of all states). The
// window's events are estimated from the count store and the date span of
// MET_WITH (a few entries), and the way that reads fewer is taken; both
// find the same edges.
CALL () {
  MATCH ()-[e:MET_WITH]->() WHERE e.date IS NOT NULL
  WITH e.date AS d ORDER BY d LIMIT 1
  RETURN collect(d) AS firsts
}
CALL () {
  MATCH ()-[e:MET_WITH]->() WHERE e.date IS NOT NULL
  WITH e.date AS d ORDER BY d DESC LIMIT 1
  RETURN collect(d) AS lasts
}
WITH c, from, start, to, materialized, firsts[0] AS first, lasts[0] AS last,
     COUNT { (c)-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-() } AS degree,
     COUNT { ()-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]->() } AS events
WITH c, from, start, to, materialized, degree,
     CASE WHEN first IS NULL THEN events
          ELSE events * (duration.inDays(CASE WHEN start > first THEN start ELSE first END,
                                         CASE WHEN to < last THEN to ELSE last END).days + 1)
               / (duration.inDays(first, last).days + 1)
     END AS estimate
WITH c, from, start, to, materialized, estimate < degree AS by_index
CALL (c, from, start, to, materialized, by_index) {
  WITH * WHERE materialized
  WITH c, toString(from.year) + '-' + right('0' + toString(from.month), 2) AS first_current,
       [i IN range(0, (to.year - start.year) * 12 + to.month - start.month) |
        start + duration({months: i})] AS months
  WITH c, first_current, [d IN months | toString(d.year) + '-' + right('0' + toString(d.month), 2)] AS periods
  MATCH (c)-[al:ALIGNMENT]-(o) USING INDEX al:ALIGNMENT(period)
  WHERE al.period IN periods AND al.period_kind = 'month'
  WITH o, al.period >= first_current AS current, al
  WITH o, sum(CASE WHEN current THEN al.net ELSE 0.0 END) AS net,
       sum(CASE WHEN current THEN 0.0 ELSE al.net END) AS previous,
       sum(CASE WHEN current THEN al.events ELSE 0 END) AS events
  RETURN o, net, previous, events
  UNION ALL
  WITH * WHERE NOT materialized
  CALL (c, start, to, by_index) {
  WITH * WHERE NOT by_index
  MATCH (c)-[r:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(o)
  WHERE r.date >= start AND r.date <= to
  RETURN r, o, r.date AS date
  UNION ALL
  WITH * WHERE by_index
  CALL (c, start, to) {
    MATCH (c)-[r:MET_WITH]-(o) USING INDEX r:MET_WITH(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:AGREED_WITH]-(o) USING INDEX r:AGREED_WITH(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:SUPPORTED]-(o) USING INDEX r:SUPPORTED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:AIDED]-(o) USING INDEX r:AIDED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:REQUESTED]-(o) USING INDEX r:REQUESTED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:ACCUSED]-(o) USING INDEX r:ACCUSED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:REJECTED]-(o) USING INDEX r:REJECTED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:WARNED]-(o) USING INDEX r:WARNED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:SANCTIONED]-(o) USING INDEX r:SANCTIONED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:DEPLOYED_TO]-(o) USING INDEX r:DEPLOYED_TO(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:ATTACKED]-(o) USING INDEX r:ATTACKED(date)
    WHERE r.date >= start AND r.date <= to RETURN r, o, r.date AS date
  }
  RETURN r, o, date
  }
  WITH o, r, date, from, r.modality AS modality
  WHERE NOT coalesce(r.negated, false)
    AND coalesce(modality, 'asserted') <> 'hypothetical'
  WITH o, date >= from AS current,
       coalesce(r.weight, 0.0) * CASE WHEN modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
  WITH o, sum(CASE WHEN current THEN w ELSE 0.0 END) AS net,
       sum(CASE WHEN current THEN 0.0 ELSE w END) AS previous,
       sum(CASE WHEN current THEN 1 ELSE 0 END) AS events
  RETURN o, net, previous, events
}
WITH o, net, previous, events
WHERE o:Actor AND events > 0 AND net < 0
RETURN o.code AS rival, o.name AS name, events, net, previous, net - previous AS change
ORDER BY net ASC, rival
LIMIT $limit
