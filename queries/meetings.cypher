// name: meetings
// description: Who met whom, when (with the date's precision), where, at which meeting, with the number of reports and the first report's article as source; undated meetings last
// param: country country = - one state (name or code); empty = all
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many; total is the number before the cut
// param: undated bool = true - also list meetings without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
// One row per MET_WITH event (negated ones left out) whose dates, at their
// precision, overlap the window; a meeting of three states is three
// events, one per pair. With a country, a is that state.
// Columns: date, precision, last (the latest report's date when later), a,
// b, modality, reports, meeting (its kind), place, people, article, url
// (of the earliest report), total.
CALL () {
  // No country: every meeting of a state, once per pair.
  WITH 0 AS all WHERE $country = ''
  MATCH (x:Country)-[e:MET_WITH]-(y:Actor)
  WHERE NOT y:Country OR x.code < y.code
  RETURN x, y, e
  UNION ALL
  // One country: along its MET_WITH edges.
  MATCH (x:Country {code: $country})-[e:MET_WITH]-(y:Actor)
  RETURN x, y, e
}
WITH x, y, e
WHERE NOT coalesce(e.negated, false)
WITH x, y, e, CASE e.date_precision WHEN 'year' THEN 'year' WHEN 'month' THEN 'month' ELSE 'day' END AS unit
WHERE CASE WHEN e.date IS NULL THEN $undated
           ELSE date.truncate(unit, e.date) <= $to AND date.truncate(unit, coalesce(e.last, e.date)) >= date.truncate(unit, $from) END
WITH e, coalesce(toString(e.date), 'undated') AS date, x.code AS a, y.code AS b
ORDER BY date, a, b, e.id
WITH collect({e: e, date: date, a: a, b: b}) AS rows
UNWIND rows[0..$limit] AS row
WITH row, row.e AS e, size(rows) AS total
OPTIONAL MATCH (m:Meeting {id: e.meeting})
OPTIONAL MATCH (art:Article {id: e.article_id})
OPTIONAL MATCH (sp:Person {id: e.source_person})
OPTIONAL MATCH (tp:Person {id: e.target_person})
RETURN row.date AS date, e.date_precision AS precision,
       CASE WHEN e.last > e.date THEN toString(e.last) END AS last,
       row.a AS a, row.b AS b, e.modality AS modality, e.reports AS reports,
       m.kind AS meeting, m.place AS place,
       [p IN [sp.name, tp.name] WHERE p IS NOT NULL] AS people,
       art.id AS article, art.url AS url, total
