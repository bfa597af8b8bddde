// name: timeline
// description: The chronology of the events involving a state, one row per event with its number of reports; undated events last
// param: country country - the state (name or code)
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 500 - at most this many; total is the number before the cut
// param: undated bool = true - also list events without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
// An event is in the window when its dates, at their precision, overlap it.
// Columns: date (the earliest report's, or "undated"), precision (day,
// month, year or unknown), last (the latest report's date when later),
// type, source, target, negated, modality, reports, articles, sentence and
// article (of the earliest report), total.
MATCH (c:Country {code: $country})-[e:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(o:Actor)
WITH e, CASE e.date_precision WHEN 'year' THEN 'year' WHEN 'month' THEN 'month' ELSE 'day' END AS unit
WHERE CASE WHEN e.date IS NULL THEN $undated
           ELSE date.truncate(unit, e.date) <= $to AND date.truncate(unit, coalesce(e.last, e.date)) >= date.truncate(unit, $from) END
WITH e, coalesce(toString(e.date), 'undated') AS date, type(e) AS type, startNode(e).code AS source, endNode(e).code AS target
ORDER BY date, type, source, target, e.id
WITH collect({e: e, date: date, type: type, source: source, target: target}) AS rows
UNWIND rows[0..$limit] AS row
WITH row, row.e AS e, size(rows) AS total
RETURN row.date AS date, e.date_precision AS precision,
       CASE WHEN e.last > e.date THEN toString(e.last) END AS last,
       row.type AS type, row.source AS source, row.target AS target,
       e.negated AS negated, e.modality AS modality, e.reports AS reports, e.articles AS articles,
       e.sentence AS sentence, e.article_id AS article, total
