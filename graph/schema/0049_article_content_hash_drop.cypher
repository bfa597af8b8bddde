// The content hash is read with the article found by id
// (articles_lookup.cypher), never looked up by itself: its index
// (0020) only cost every article written an index entry.
DROP INDEX article_content_hash IF EXISTS
