// Creates a batch of synthetic meetings, reported by their article and
// attended by the two states and their officials, as the writer's
// meetings_create does; one row per meeting.
UNWIND $meetings AS m
MATCH (a:Article {id: m.article_id})
CREATE (n:Meeting {id: m.id, kind: m.kind, name: m.name, date: m.date, place: m.place})
CREATE (a)-[:REPORTS]->(n)
WITH n, m
CALL (n, m) {
  UNWIND m.participants AS code
  MATCH (x:Actor {code: code})
  CREATE (x)-[:ATTENDED]->(n)
}
CALL (n, m) {
  UNWIND m.persons AS pid
  MATCH (p:Person {id: pid})
  CREATE (p)-[:ATTENDED]->(n)
}
