// Article.ingested_at: the latest write, which tells whether the
// materialized ALIGNMENT edges are still current (one index entry).
CREATE INDEX article_ingested_at IF NOT EXISTS
FOR (n:Article) ON (n.ingested_at)
