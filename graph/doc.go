// Package graph is diplograph's access to Neo4j: connecting (to a configured
// server or to the local one), the schema and its migrations, and the Cypher
// statements the tool runs.
//
// Every statement lives in a .cypher file under cypher/ or schema/, embedded
// in the binary, one statement per file, with $parameters only; no Cypher is
// built from strings. Schema migrations are the files in schema/, applied in
// the order of their numeric prefix; the highest applied number is recorded
// in the graph as (:DiplographSchema {name: 'diplograph', version}).
//
// Articles are written in the event model of docs/events.md: each relation
// an article reports is a (:Report); the reports of one key whose dates
// agree form one event, a typed relationship between the actors; ALIGNMENT
// relationships count each pair's events per month or year, and SHIFT
// relationships hold alliance-shifts' answer for its default parameters.
// WriteArticles and DeleteArticles keep events and aggregates exact in
// their own transaction (package event holds the rules) and record which
// SHIFT markers they put out of date; RefreshShifts recomputes those
// (package alliance holds the rule), as ingest does after its last batch.
// RebuildEvents re-forms them all, for a changed event window or a repair.
package graph
