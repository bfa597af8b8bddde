// Full-text search over names, for exploration in Browser:
// CALL db.index.fulltext.queryNodes("entity_names", "Kerry~")
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Country|Organization|Person|Place|Meeting) ON EACH [n.name]
