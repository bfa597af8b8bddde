// Re-ingest finds an article by the hash of its text.
CREATE INDEX article_content_hash IF NOT EXISTS
FOR (a:Article) ON (a.content_hash)
