// name: evidence
// description: The events of a dyad, each with the reports behind it (sentence, article, URL, date and precision), one row per report, negated events included and marked, undated ones last
// param: a country - one state (name or code)
// param: b country - the other state (name or code)
// param: type enum(any|MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED) = any - only this relation type
// param: from date = 1900-01-01 - first day of the window
// param: to date = 2100-12-31 - last day of the window
// param: limit int = 200 - at most this many rows (reports); total is the number before the cut
// param: undated bool = true - also list events without a date (from articles ingested with ingest.allow_undated), dated "undated", after the others
// An event is in the window when its dates, at their precision, overlap it
// (an event dated to 2014 is in a window of March 2014).
// Columns: event (the event's id), type, source, target, negated, modality,
// reports (the event's number of reports), event_date, event_precision,
// then the report: date, precision, sentence, article, url; total.
MATCH (x:Actor {code: $a})-[e:MET_WITH|AGREED_WITH|SUPPORTED|AIDED|REQUESTED|ACCUSED|REJECTED|WARNED|SANCTIONED|DEPLOYED_TO|ATTACKED]-(y:Actor {code: $b})
WHERE $type = 'any' OR type(e) = $type
WITH e, CASE e.date_precision WHEN 'year' THEN 'year' WHEN 'month' THEN 'month' ELSE 'day' END AS unit
WHERE CASE WHEN e.date IS NULL THEN $undated
           ELSE date.truncate(unit, e.date) <= $to AND date.truncate(unit, coalesce(e.last, e.date)) >= date.truncate(unit, $from) END
MATCH (r:Report {event_id: e.id})<-[:HAS_REPORT]-(art:Article)
WITH e, r, art, coalesce(toString(e.date), 'undated') AS event_date, coalesce(toString(r.date), 'undated') AS date
ORDER BY event_date, type(e), startNode(e).code, endNode(e).code, e.id, date, r.id
WITH collect({e: e, r: r, art: art, event_date: event_date, date: date}) AS rows
UNWIND rows[0..$limit] AS row
WITH row, size(rows) AS total
WITH row.e AS e, row.r AS r, row.art AS art, row.event_date AS event_date, row.date AS date, total
RETURN e.id AS event, type(e) AS type, startNode(e).code AS source, endNode(e).code AS target,
       e.negated AS negated, e.modality AS modality, e.reports AS reports,
       event_date, e.date_precision AS event_precision,
       date, r.date_precision AS precision, r.sentence AS sentence, art.id AS article, art.url AS url,
       total
