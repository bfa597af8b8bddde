// Finds the articles of a batch already in the graph, by id, URL or
// content hash; one row per key, in the order given.
UNWIND $keys AS k
OPTIONAL MATCH (byId:Article {id: k.id})
OPTIONAL MATCH (byUrl:Article {url: k.url})
  WHERE k.url <> ''
OPTIONAL MATCH (byHash:Article {content_hash: k.hash})
RETURN k.i AS i, byId.id AS id_match, byUrl.id AS url_match, byHash.id AS hash_match
