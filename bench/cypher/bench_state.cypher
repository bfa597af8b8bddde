// What the database holds, so the benchmark can tell its own synthetic graph
// from a user's: the bench marker (null when there is none), the number of
// nodes other than schema metadata, and the articles that the benchmark did
// not write.
OPTIONAL MATCH (m:DiplographBench)
WITH collect(m {.*}) AS markers
CALL () { MATCH (n) RETURN count(n) AS all_nodes }
CALL () { MATCH (s:DiplographSchema) RETURN count(s) AS schema_nodes }
CALL () {
  MATCH (a:Article) WHERE a.source IS NULL OR a.source <> $source
  RETURN count(a) AS foreign_articles
}
RETURN markers, all_nodes - schema_nodes - size(markers) AS nodes, foreign_articles
