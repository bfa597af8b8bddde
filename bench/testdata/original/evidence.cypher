// name: evidence
// description: The sentences and articles behind a dyad's relations, negated ones included and marked
// param: a country - one state (name or code)
// param: b country - the other state (name or code)
// param: type enum(any|MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED) = any - only this relation type
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many
MATCH (x:Country {code: $a})-[r]-(y:Country {code: $b})
WHERE r.date >= $from AND r.date <= $to
  AND ($type = 'any' OR type(r) = $type)
OPTIONAL MATCH (art:Article {id: r.article_id})
RETURN toString(r.date) AS date, type(r) AS type, startNode(r).code AS source, endNode(r).code AS target,
       r.negated AS negated, r.modality AS modality, r.sentence AS sentence,
       art.id AS article, art.url AS url
ORDER BY date, type, source, target
LIMIT $limit
