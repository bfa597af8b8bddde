// Finds an article already in the graph by id, URL or content hash.
OPTIONAL MATCH (byId:Article {id: $id})
OPTIONAL MATCH (byUrl:Article {url: $url})
  WHERE $url <> ''
OPTIONAL MATCH (byHash:Article {content_hash: $hash})
RETURN byId.id AS id_match, byId.content_hash AS id_hash,
       byUrl.id AS url_match, byUrl.content_hash AS url_hash,
       byHash.id AS hash_match
LIMIT 1
