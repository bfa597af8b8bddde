// Finds the articles of a batch already in the graph, by id and by URL,
// with the hash of the stored version under the id; one row per key and
// match, in the order given.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
UNWIND $keys AS k
OPTIONAL MATCH (byId:Article {id: k.id})
OPTIONAL MATCH (byUrl:Article {url: k.url})
  USING INDEX SEEK byUrl:Article(url)
  WHERE k.url <> ''
RETURN k.i AS i, byId.id AS id_match, byId.content_hash AS id_hash, byUrl.id AS url_match
