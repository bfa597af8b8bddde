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
// signals exactly that process. Test and throw-away servers set
// Options.DieWithParent: on Linux they are then killed with the process
// that started them, even when that process is killed with SIGKILL.
// StartThrowaway starts such a server for a benchmark or the tests: on free
// ports (chosen together, so that the two cannot collide), in a temporary
// home that its Stop removes, sharing an assembled distribution.
//
// The home is private to its user: the home and every directory in it
// 0700, every file 0600 (Start also fixes an older home that was open to
// others). Java runs under umask 077, so the store, the transaction logs,
// the auth file and the logs it creates are private too. The distribution's
// lib/ and plugins/ keep Maven's 0755 and 0644 modes: they hold nothing
// secret and, in the default layout, lie inside the private home.
//
// No secret is ever passed in an argument list, which any local user can
// read in /proc: the initial password reaches Neo4j's admin tool through an
// argument file (0600, removed right after).
package localserver
