// name: warnings
// description: Warnings and threats: who warned whom, when (with the date's precision), with the number of reports and the first report's sentence and source; undated ones last
// param: by country = - the acting state (name or code); empty = any
// param: target country = - the state at the other end; empty = any
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many; total is the number before the cut
// param: undated bool = true - also list events without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
// One row per event (negated ones left out) whose dates, at their
// precision, overlap the window.
// Columns: date, precision, last (the latest report's date when later), by,
// target, modality, reports, sentence, article, url (of the earliest
// report), total.
MATCH (x:Actor)-[e:WARNED]->(y:Actor)
WHERE NOT coalesce(e.negated, false)
  AND ($by = '' OR x.code = $by)
  AND ($target = '' OR y.code = $target)
WITH x, y, e, CASE e.date_precision WHEN 'year' THEN 'year' WHEN 'month' THEN 'month' ELSE 'day' END AS unit
WHERE CASE WHEN e.date IS NULL THEN $undated
           ELSE date.truncate(unit, e.date) <= $to AND date.truncate(unit, coalesce(e.last, e.date)) >= date.truncate(unit, $from) END
WITH e, coalesce(toString(e.date), 'undated') AS date, x.code AS by, y.code AS target
ORDER BY date, by, target, e.id
WITH collect({e: e, date: date, by: by, target: target}) AS rows
UNWIND rows[0..$limit] AS row
WITH row, row.e AS e, size(rows) AS total
OPTIONAL MATCH (a:Article {id: e.article_id})
RETURN row.date AS date, e.date_precision AS precision,
       CASE WHEN e.last > e.date THEN toString(e.last) END AS last,
       row.by AS by, row.target AS target, e.modality AS modality, e.reports AS reports,
       e.sentence AS sentence, a.id AS article, a.url AS url, total
