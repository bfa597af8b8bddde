// Counts one more transaction that wrote articles (new or replaced). The
// count is read by materializations; its lock orders concurrent writers.
MERGE (w:DiplographWrites {name: 'articles'})
SET w.seq = coalesce(w.seq, 0) + 1, w.at = datetime()
