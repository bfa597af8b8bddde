// Creates the Article node (after any older version was deleted).
CREATE (a:Article {
  id: $article.id, url: $article.url, source: $article.source, title: $article.title,
  published: $article.published, content_hash: $article.content_hash,
  ingested_at: datetime()
})
