// name: evidence
// description: The sentences and articles behind a dyad's relations, negated ones included and marked, undated ones last
// param: a country - one state (name or code)
// param: b country - the other state (name or code)
// param: type enum(any|MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED) = any - only this relation type
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many
// param: undated bool = true - also list relations without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
MATCH (x:Country {code: $a}), (y:Country {code: $b})
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
WITH x, y, firsts, lasts,
     COUNT { (x)-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-() } AS dx,
     COUNT { (y)-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-() } AS dy
WITH x, y, firsts[0] AS first, lasts[0] AS last,
     CASE WHEN dx < dy THEN dx ELSE dy END AS degree,
     COUNT { ()-[:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]->() } AS events
WITH x, y, degree,
     CASE WHEN first IS NULL THEN events
          ELSE events * (duration.inDays(CASE WHEN $from > first THEN $from ELSE first END,
                                         CASE WHEN $to < last THEN $to ELSE last END).days + 1)
               / (duration.inDays(first, last).days + 1)
     END AS estimate
WITH x, y, estimate < degree AS by_index
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
  UNION ALL
  // Relations without a date, only when the graph has undated articles
  // (:Undated, a label lookup): along the edges between the two states.
  WITH * WHERE $undated AND EXISTS { MATCH (:Undated) }
  MATCH (x)-[r:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(y)
  WHERE r.date IS NULL
  RETURN r, null AS date
}
WITH r, coalesce(toString(date), 'undated') AS day, type(r) AS type
WHERE $type = 'any' OR type = $type
WITH r, day, type, startNode(r).code AS source, endNode(r).code AS target
// Sorted and cut before the look-up, which finds at most one article.
ORDER BY day, type, source, target
LIMIT $limit
OPTIONAL MATCH (art:Article {id: r.article_id})
RETURN day AS date, type, source, target,
       r.negated AS negated, r.modality AS modality, r.sentence AS sentence,
       art.id AS article, art.url AS url
ORDER BY date, type, source, target
