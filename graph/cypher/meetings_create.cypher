// Creates the meetings of a batch's articles with their participants and
// place; one row per meeting.
UNWIND $meetings AS m
MATCH (a:Article {id: m.article_id})
CREATE (n:Meeting {id: m.id, kind: m.kind, name: m.name, date: m.date, place: m.place})
CREATE (a)-[:REPORTS]->(n)
WITH n, m
CALL (n, m) {
  UNWIND m.participants AS code
  MATCH (x:Actor {code: code})
  MERGE (x)-[:ATTENDED]->(n)
}
CALL (n, m) {
  UNWIND m.persons AS pid
  MATCH (p:Person {id: pid})
  MERGE (p)-[:ATTENDED]->(n)
}
CALL (n, m) {
  WITH n, m WHERE m.place_id <> ''
  MATCH (pl:Place {id: m.place_id})
  MERGE (n)-[:HELD_IN]->(pl)
}
