// Re-ingest finds an article by URL as well as by id.
CREATE INDEX article_url IF NOT EXISTS
FOR (a:Article) ON (a.url)
