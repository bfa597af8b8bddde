// Records how many of the synthetic graph's articles (in drawing order) are
// written, so an interrupted build resumes after them.
MATCH (m:DiplographBench)
SET m.articles_written = $articles_written
