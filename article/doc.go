// Package article reads news articles into a common [Article] value.
//
// Two input formats are supported:
//
//   - Text or Markdown files, optionally starting with YAML front matter
//     delimited by "---" lines, read with [ParseFile]. Recognised front
//     matter fields are id, url, source, published and title; any other
//     field is ignored.
//   - JSON Lines files with one article object per line, read
//     incrementally with [JSONLReader]. Recognised fields are id, url,
//     source, published, title and text; any other field is ignored.
//
// Publication dates may be written as "2006-01-02" (day precision) or as
// RFC 3339, "2006-01-02 15:04:05Z" or "2006-01-02T15:04:05" (second
// precision; a missing zone means UTC).
//
// Every problem with the input is reported as an [*Error] that names the
// file and line (and the field, when one is involved), for example
//
//	articles/x.md:3: front matter: published: cannot parse "13/2020"
//
// The underlying cause can be tested with [errors.Is] against the
// sentinel errors of this package (such as [ErrBadDate] or [ErrTooLarge]).
// Parsing never panics on malformed input.
package article
