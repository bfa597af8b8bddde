// A report is reached from its article through HAS_REPORT (ingest,
// deletion, the evidence and timeline queries), never looked up by its
// article_id: the index of 0033 only cost every report written an index
// entry.
DROP INDEX report_article_id IF EXISTS
