// The time of the latest article write (no row on an empty graph), from
// the end of the article_ingested_at index.
MATCH (a:Article) WHERE a.ingested_at IS NOT NULL
RETURN a.ingested_at AS latest
ORDER BY latest DESC
LIMIT 1
