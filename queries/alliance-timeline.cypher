// name: alliance-timeline
// description: A dyad's events by type, cooperation, conflict, net and alignment index per period (dated events only: relations without a date are left out)
// param: a country - one state (name or code)
// param: b country - the other state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: period enum(month|quarter|year) = month - length of a period
// param: planned_factor float = 0.5 - weight factor of planned events
MATCH (x:Country {code: $a}), (y:Country {code: $b})
// When `alliances materialize --period month` has run since the latest
// article write ((:DiplographWrites).seq has not moved since), with this
// planned factor, and the window is whole months, the pair's month
// ALIGNMENT edges hold the same sums: they are read through the
// alignment_dyad index (a few hundred edges, not the events).
CALL () {
  OPTIONAL MATCH (m:Materialization {period_kind: 'month'})
  RETURN m
}
CALL () {
  OPTIONAL MATCH (w:DiplographWrites {name: 'articles'})
  RETURN coalesce(w.seq, 0) AS writes
}
WITH x, y, m IS NOT NULL AND m.planned_factor = $planned_factor AND m.writes = writes
           AND $from.day = 1 AND ($to + duration('P1D')).day = 1 AS materialized
// Two ways to the events: along the relation edges of the less connected state
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
WITH x, y, materialized, firsts, lasts,
     COUNT { (x)-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-() } AS dx,
     COUNT { (y)-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-() } AS dy
WITH x, y, materialized, firsts[0] AS first, lasts[0] AS last,
     CASE WHEN dx < dy THEN dx ELSE dy END AS degree,
     COUNT { ()-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]->() } AS events
WITH x, y, materialized, degree,
     CASE WHEN first IS NULL THEN events
          ELSE events * (duration.inDays(CASE WHEN $from > first THEN $from ELSE first END,
                                         CASE WHEN $to < last THEN $to ELSE last END).days + 1)
               / (duration.inDays(first, last).days + 1)
     END AS estimate
WITH x, y, materialized, estimate < degree AS by_index
CALL (x, y, materialized, by_index) {
  WITH * WHERE materialized
  MATCH ()-[al:ALIGNMENT]->()
  WHERE al.dyad = CASE WHEN x.code < y.code THEN x.code + '-' + y.code ELSE y.code + '-' + x.code END
    AND al.period_kind = 'month'
    AND al.period >= toString($from.year) + '-' + right('0' + toString($from.month), 2)
    AND al.period <= toString($to.year) + '-' + right('0' + toString($to.month), 2)
  WITH al, toInteger(left(al.period, 4)) AS year, toInteger(right(al.period, 2)) AS month
  WITH al, CASE $period
             WHEN 'year' THEN toString(year)
             WHEN 'quarter' THEN toString(year) + '-Q' + toString((month + 2) / 3)
             ELSE al.period
           END AS period
  WITH period, collect(al.by_type) AS counts, sum(al.events) AS events,
       sum(al.cooperation) AS cooperation, sum(al.conflict) AS conflict
  CALL (counts) {
    UNWIND counts AS list
    UNWIND list AS entry
    WITH split(entry, ':') AS part
    WITH part[0] AS type, sum(toInteger(part[1])) AS n
    ORDER BY n DESC, type
    RETURN collect(type + ':' + toString(n)) AS by_type
  }
  RETURN period, events, cooperation, conflict, by_type
  UNION ALL
  WITH * WHERE NOT materialized
  CALL (x, y, by_index) {
  WITH * WHERE NOT by_index
  MATCH (x)-[r:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(y)
  WHERE r.date >= $from AND r.date <= $to
  RETURN r, r.date AS date
  UNION ALL
  WITH * WHERE by_index
  CALL (x, y) {
    MATCH (x)-[r:MET_WITH]-(y) USING INDEX r:MET_WITH(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:AGREED_WITH]-(y) USING INDEX r:AGREED_WITH(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:SUPPORTED]-(y) USING INDEX r:SUPPORTED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:AIDED]-(y) USING INDEX r:AIDED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:REQUESTED]-(y) USING INDEX r:REQUESTED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:ACCUSED]-(y) USING INDEX r:ACCUSED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:REJECTED]-(y) USING INDEX r:REJECTED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:WARNED]-(y) USING INDEX r:WARNED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:SANCTIONED]-(y) USING INDEX r:SANCTIONED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:DEPLOYED_TO]-(y) USING INDEX r:DEPLOYED_TO(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
    UNION ALL
    MATCH (x)-[r:ATTACKED]-(y) USING INDEX r:ATTACKED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, r.date AS date
  }
  RETURN r, date
  }
  WITH r, date, r.modality AS modality
  WHERE NOT coalesce(r.negated, false)
    AND coalesce(modality, 'asserted') <> 'hypothetical'
  WITH CASE $period
         WHEN 'year' THEN toString(date.year)
         WHEN 'quarter' THEN toString(date.year) + '-Q' + toString(date.quarter)
         ELSE toString(date.year) + '-' + right('0' + toString(date.month), 2)
       END AS period,
       type(r) AS type,
       coalesce(r.weight, 0.0) * CASE WHEN modality = 'planned' THEN $planned_factor ELSE 1.0 END AS w
  WITH period, type, count(*) AS n,
       sum(CASE WHEN w > 0 THEN w ELSE 0.0 END) AS coop,
       sum(CASE WHEN w < 0 THEN w ELSE 0.0 END) AS confl
  // by_type lists the most frequent type first (ties by name), whatever the access path.
  ORDER BY n DESC, type
  WITH period, sum(n) AS events, sum(coop) AS cooperation, sum(confl) AS conflict,
       collect(type + ':' + toString(n)) AS by_type
  RETURN period, events, cooperation, conflict, by_type
}
RETURN period, events, cooperation, conflict, cooperation + conflict AS net,
       CASE WHEN cooperation - conflict = 0 THEN 0.0
            ELSE (cooperation + conflict) / (cooperation - conflict) END AS alignment,
       by_type
ORDER BY period
