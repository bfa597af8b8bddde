// name: timeline
// description: The chronology of events involving a state; undated events last
// param: country country - the state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 500 - at most this many
// param: undated bool = true - also list relations without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
MATCH (c:Country {code: $country})
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
WITH c, firsts[0] AS first, lasts[0] AS last,
     COUNT { (c)-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-() } AS degree,
     COUNT { ()-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]->() } AS events
WITH c, degree,
     CASE WHEN first IS NULL THEN events
          ELSE events * (duration.inDays(CASE WHEN $from > first THEN $from ELSE first END,
                                         CASE WHEN $to < last THEN $to ELSE last END).days + 1)
               / (duration.inDays(first, last).days + 1)
     END AS estimate
WITH c, estimate < degree AS by_index
CALL (c, by_index) {
  WITH * WHERE NOT by_index
  MATCH (c)-[r:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(o)
  WHERE r.date >= $from AND r.date <= $to
  RETURN r, o, r.date AS date
  UNION ALL
  WITH * WHERE by_index
  CALL (c) {
    MATCH (c)-[r:MET_WITH]-(o) USING INDEX r:MET_WITH(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:AGREED_WITH]-(o) USING INDEX r:AGREED_WITH(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:SUPPORTED]-(o) USING INDEX r:SUPPORTED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:AIDED]-(o) USING INDEX r:AIDED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:REQUESTED]-(o) USING INDEX r:REQUESTED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:ACCUSED]-(o) USING INDEX r:ACCUSED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:REJECTED]-(o) USING INDEX r:REJECTED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:WARNED]-(o) USING INDEX r:WARNED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:SANCTIONED]-(o) USING INDEX r:SANCTIONED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:DEPLOYED_TO]-(o) USING INDEX r:DEPLOYED_TO(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
    UNION ALL
    MATCH (c)-[r:ATTACKED]-(o) USING INDEX r:ATTACKED(date)
    WHERE r.date >= $from AND r.date <= $to RETURN r, o, r.date AS date
  }
  RETURN r, o, date
  UNION ALL
  // Relations without a date, only when the graph has undated articles
  // (:Undated, a label lookup): along the state's edges.
  WITH * WHERE $undated AND EXISTS { MATCH (:Undated) }
  MATCH (c)-[r:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(o)
  WHERE r.date IS NULL
  RETURN r, o, null AS date
}
WITH r, o, date
WHERE o:Actor
RETURN coalesce(toString(date), 'undated') AS date, type(r) AS type, startNode(r).code AS source, endNode(r).code AS target,
       r.negated AS negated, r.modality AS modality, r.weight AS weight, r.sentence AS sentence,
       r.article_id AS article
ORDER BY date, type, source, target
LIMIT $limit
