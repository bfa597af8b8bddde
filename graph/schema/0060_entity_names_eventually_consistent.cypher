// Full-text search over names, for exploration in Browser:
// CALL db.index.fulltext.queryNodes("entity_names", "Kerry~")
// Eventually consistent (see 0059): updated after each commit, off the
// writer's path.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Country|Organization|Person|Place|Meeting) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}
