// Article.id is the identity of a Article node.
CREATE CONSTRAINT article_id_unique IF NOT EXISTS
FOR (n:Article) REQUIRE n.id IS UNIQUE
