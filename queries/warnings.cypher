// name: warnings
// description: Warnings and threats: who warned whom, when, with the sentence and source; undated ones last
// param: by country = - the acting state (name or code); empty = any
// param: target country = - the state at the other end; empty = any
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many
// param: undated bool = true - also list relations without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
CALL () {
  MATCH (x:Actor)-[r:WARNED]->(y:Actor)
  WHERE r.date >= $from AND r.date <= $to AND NOT coalesce(r.negated, false)
    AND ($by = '' OR x.code = $by)
    AND ($target = '' OR y.code = $target)
  RETURN x, r, y
  UNION ALL
  // Relations without a date, only when the graph has undated articles
  // (:Undated, a label lookup).
  WITH 0 AS all WHERE $undated AND EXISTS { MATCH (:Undated) }
  MATCH (x:Actor)-[r:WARNED]->(y:Actor)
  WHERE r.date IS NULL AND NOT coalesce(r.negated, false)
    AND ($by = '' OR x.code = $by)
    AND ($target = '' OR y.code = $target)
  RETURN x, r, y
}
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN coalesce(toString(r.date), 'undated') AS date, x.code AS by, y.code AS target, r.modality AS modality,
       r.sentence AS sentence, a.id AS article, a.url AS url
ORDER BY date, by, target
LIMIT $limit
