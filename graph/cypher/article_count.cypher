// How many articles the graph holds.
MATCH (a:Article)
RETURN count(a) AS articles
