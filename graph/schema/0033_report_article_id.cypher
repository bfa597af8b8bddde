// The reports of an article.
CREATE INDEX report_article_id IF NOT EXISTS
FOR (n:Report) ON (n.article_id)
