// Package localserver manages the local Neo4j Community server that
// diplograph uses when no database URI is configured (the "embedded
// default").
//
// The server is not downloaded as a tarball: it is assembled from Maven
// Central with Maven, from the pom.xml this package embeds, into a
// distribution directory (lib/ with the server, its HTTP connector and Neo4j
// Browser; plugins/ with APOC core). A marker file records the hash of the pom
// that produced the distribution, so a second start runs no Maven at all.
//
// A server home holds conf/, data/, logs/, run/ and the generated password.
// The distribution and the home are separate directories so that tests can
// run throw-away servers in temporary homes while sharing one assembled
// distribution.
//
// The server runs in its own session (it outlives the command that started
// it); its process id is recorded in run/diplograph-neo4j.pid and Stop
// signals exactly that process.
package localserver
