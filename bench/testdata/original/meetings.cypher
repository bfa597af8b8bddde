// name: meetings
// description: Who met whom, when, where, at which meeting, with the article as source
// param: country country = - one state (name or code); empty = all
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many
MATCH (x:Country)-[r:MET_WITH]-(y:Actor)
WHERE r.date >= $from AND r.date <= $to AND NOT coalesce(r.negated, false)
  AND ($country = '' OR x.code = $country)
  AND ($country <> '' OR NOT y:Country OR x.code < y.code)
OPTIONAL MATCH (m:Meeting {id: r.meeting})
OPTIONAL MATCH (a:Article {id: r.article_id})
OPTIONAL MATCH (sp:Person {id: r.source_person})
OPTIONAL MATCH (tp:Person {id: r.target_person})
RETURN toString(r.date) AS date, x.code AS a, y.code AS b, r.modality AS modality,
       m.kind AS meeting, m.place AS place,
       [p IN [sp.name, tp.name] WHERE p IS NOT NULL] AS people,
       a.id AS article, a.url AS url
ORDER BY date, a, b
LIMIT $limit
