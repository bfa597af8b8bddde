// Package graph is diplograph's access to Neo4j: connecting (to a configured
// server or to the local one), the schema and its migrations, and the Cypher
// statements the tool runs.
//
// Every statement lives in a .cypher file under cypher/ or schema/, embedded
// in the binary, one statement per file, with $parameters only; no Cypher is
// built from strings. Schema migrations are the files in schema/, applied in
// the order of their numeric prefix; the highest applied number is recorded
// in the graph as (:DiplographSchema {name: 'diplograph', version}).
package graph
