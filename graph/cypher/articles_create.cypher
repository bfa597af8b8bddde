// Creates the Article nodes of a batch (after older versions were deleted).
UNWIND $articles AS art
CREATE (:Article {
  id: art.id, url: art.url, source: art.source, title: art.title,
  published: art.published, content_hash: art.content_hash,
  ingested_at: datetime()
})
