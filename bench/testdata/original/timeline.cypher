// name: timeline
// description: The chronology of events involving a state
// param: country country - the state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 500 - at most this many
MATCH (c:Country {code: $country})-[r]-(o:Actor)
WHERE r.date >= $from AND r.date <= $to
RETURN toString(r.date) AS date, type(r) AS type, startNode(r).code AS source, endNode(r).code AS target,
       r.negated AS negated, r.modality AS modality, r.weight AS weight, r.sentence AS sentence,
       r.article_id AS article
ORDER BY date, type, source, target
LIMIT $limit
