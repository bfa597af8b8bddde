// name: meetings
// description: Who met whom, when, where, at which meeting, with the article as source; undated meetings last
// param: country country = - one state (name or code); empty = all
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many
// param: undated bool = true - also list meetings without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
CALL () {
  // No country: every meeting of the window, through the date index.
  WITH 0 AS all WHERE $country = ''
  MATCH (x:Country)-[r:MET_WITH]-(y) USING INDEX r:MET_WITH(date)
  WHERE r.date >= $from AND r.date <= $to AND (NOT y:Country OR x.code < y.code)
  RETURN x, r, y
  UNION ALL
  // One country: along its MET_WITH relationships or through the date
  // index, whichever reads fewer (the window's meetings are estimated from
  // the count store and the date span of MET_WITH).
  MATCH (x:Country {code: $country})
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
  WITH x, firsts[0] AS first, lasts[0] AS last, COUNT { (x)-[:MET_WITH]-() } AS degree,
       COUNT { ()-[:MET_WITH]->() } AS events
  WITH x, degree,
       CASE WHEN first IS NULL THEN events
            ELSE events * (duration.inDays(CASE WHEN $from > first THEN $from ELSE first END,
                                           CASE WHEN $to < last THEN $to ELSE last END).days + 1)
                 / (duration.inDays(first, last).days + 1)
       END AS estimate
  WITH x, estimate < degree AS by_index
  CALL (x, by_index) {
    WITH * WHERE NOT by_index
    MATCH (x)-[r:MET_WITH]-(y)
    WHERE r.date >= $from AND r.date <= $to
    RETURN r, y
    UNION ALL
    WITH * WHERE by_index
    CALL (x) {
      MATCH (x)-[r:MET_WITH]-(y) USING INDEX r:MET_WITH(date)
      WHERE r.date >= $from AND r.date <= $to
      RETURN r, y
    }
    RETURN r, y
  }
  RETURN x, r, y
  UNION ALL
  // Meetings without a date, only when the graph has undated articles
  // (:Undated, a label lookup): every one, or along the state's edges.
  WITH 0 AS all WHERE $undated AND $country = '' AND EXISTS { MATCH (:Undated) }
  MATCH (x:Country)-[r:MET_WITH]-(y)
  WHERE r.date IS NULL AND (NOT y:Country OR x.code < y.code)
  RETURN x, r, y
  UNION ALL
  WITH 0 AS all WHERE $undated AND $country <> '' AND EXISTS { MATCH (:Undated) }
  MATCH (x:Country {code: $country})-[r:MET_WITH]-(y)
  WHERE r.date IS NULL
  RETURN x, r, y
}
WITH r, coalesce(toString(r.date), 'undated') AS date, x.code AS code_a, y.code AS code_b
WHERE y:Actor AND NOT coalesce(r.negated, false)
// Sorted and cut before the look-ups, which find at most one node each.
ORDER BY date, code_a, code_b
LIMIT $limit
OPTIONAL MATCH (m:Meeting {id: r.meeting})
OPTIONAL MATCH (a:Article {id: r.article_id})
OPTIONAL MATCH (sp:Person {id: r.source_person})
OPTIONAL MATCH (tp:Person {id: r.target_person})
RETURN date, code_a AS a, code_b AS b, r.modality AS modality,
       m.kind AS meeting, m.place AS place,
       [p IN [sp.name, tp.name] WHERE p IS NOT NULL] AS people,
       a.id AS article, a.url AS url
ORDER BY date, a, b
