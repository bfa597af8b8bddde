// How many transactions have written articles (0 on a graph no writer
// has touched): a materialization is current while this has not moved.
OPTIONAL MATCH (w:DiplographWrites {name: 'articles'})
RETURN coalesce(w.seq, 0) AS writes
