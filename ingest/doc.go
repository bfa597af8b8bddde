// Package ingest turns sources of articles into graph facts: it reads
// files, directories, JSON-lines files and standard input one article at a
// time (never the whole corpus), extracts relations on a pool of workers,
// and writes each article atomically through package graph.
//
// A bad article (unreadable file, bad front matter, invalid UTF-8, too
// large...) fails alone, with a message naming its file and line; the
// others go on, and the run's Summary lists every failure.
package ingest
