// Every relation type and pair of actors that reports exist for, with how
// many reports each has: what a rebuild re-forms, a chunk at a time.
MATCH (r:Report)
RETURN r.type AS type, r.source AS source, r.target AS target, count(*) AS reports
