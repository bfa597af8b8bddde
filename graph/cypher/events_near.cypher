// The events that new reports could join, one probe per key, precision
// and date: of the same key (type, source, target, class), day events
// whose dates reach within the window of the date, the month event of
// its month, the year event of its year. Undated reports join no stored
// event (one event per article).
UNWIND $probes AS p
MATCH (s:Actor {code: p.source})-[e:$(p.type)]->(t:Actor {code: p.target})
WHERE CASE WHEN coalesce(e.negated, false) THEN 'negated'
           WHEN e.modality = 'hypothetical' THEN 'hypothetical'
           ELSE 'actual' END = p.class
  AND e.date_precision = p.precision
  AND CASE p.precision
        WHEN 'day' THEN e.date <= p.date + duration({days: $window}) AND e.last >= p.date - duration({days: $window})
        WHEN 'month' THEN e.date.year = p.date.year AND e.date.month = p.date.month
        WHEN 'year' THEN e.date.year = p.date.year
        ELSE false
      END
RETURN DISTINCT e.id AS id, type(e) AS type, s.code AS source, t.code AS target,
       e.date AS date, e.date_precision AS date_precision, e.modality AS modality, e.negated AS negated
