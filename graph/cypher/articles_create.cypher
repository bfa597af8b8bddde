// Creates the Article nodes of a batch (after older versions were deleted).
// An article without a published date is also labelled :Undated, so that
// queries can tell at once whether the graph holds undated relations.
UNWIND $articles AS art
CREATE (a:Article {
  id: art.id, url: art.url, source: art.source, title: art.title,
  published: art.published, content_hash: art.content_hash,
  ingested_at: datetime()
})
FOREACH (_ IN CASE WHEN art.published IS NULL THEN [1] ELSE [] END | SET a:Undated)
