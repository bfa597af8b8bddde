// Package ingest turns sources of articles into graph facts: it reads
// files, directories, JSON-lines files and standard input one article at a
// time (never the whole corpus), extracts relations on a pool of workers,
// and writes each article atomically through package graph.
//
// A bad article (unreadable file, bad front matter, invalid UTF-8, too
// large...) fails alone, with a message naming its file and line; the
// others go on, and the run's Summary lists every failure. An article
// without a published date fails too, unless Options.AllowUndated; a
// failure of the database is listed once, with the number of articles it
// left unwritten.
//
// Each article carries ArticleHash: its text, date, title, URL and source
// and the fingerprint of the extractor and its dictionaries. Read again
// with the same hash under its id, it is unchanged and nothing is written;
// otherwise its facts are replaced. Options.Reextract replaces them all.
package ingest
