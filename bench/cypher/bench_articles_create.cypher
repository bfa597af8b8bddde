// Creates a batch of synthetic articles and their MENTIONS of actors, as the
// writer's articles_create and actors_merge do; one row per article.
UNWIND $articles AS art
CREATE (a:Article {
  id: art.id, url: art.url, source: art.source, title: art.title,
  published: art.published, content_hash: art.content_hash,
  ingested_at: datetime()
})
WITH a, art
UNWIND art.actors AS code
MATCH (n:Actor {code: code})
CREATE (a)-[:MENTIONS]->(n)
