// Whether an article with this URL is in the graph.
OPTIONAL MATCH (a:Article {url: $url})
RETURN a IS NOT NULL AS found
LIMIT 1
