// name: warnings
// description: Warnings and threats: who warned whom, when, with the sentence and source
// param: by country = - the acting state (name or code); empty = any
// param: target country = - the state at the other end; empty = any
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many
MATCH (x:Actor)-[r:WARNED]->(y:Actor)
WHERE r.date >= $from AND r.date <= $to AND NOT coalesce(r.negated, false)
  AND ($by = '' OR x.code = $by)
  AND ($target = '' OR y.code = $target)
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN toString(r.date) AS date, x.code AS by, y.code AS target, r.modality AS modality,
       r.sentence AS sentence, a.id AS article, a.url AS url
ORDER BY date, by, target
LIMIT $limit
