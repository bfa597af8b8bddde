// Creates the nodes of a batch's articles and merges what they mention, in
// one statement (one round trip instead of five): each part below reads its
// own list parameter ($articles, $actors, $persons, $places, $meetings), in
// this order, so that every later part finds the articles and actors the
// earlier ones wrote.
// Planned once, the plan kept as the graph grows (replan=skip); safe as it
// seeks indexes only (graph.TestWriterPlans; README, "Writing").
CYPHER replan=skip
// The Article nodes (after older versions were deleted). An article without
// a published date is also labelled :Undated, so that queries can tell at
// once whether the graph holds undated relations.
CALL () {
  UNWIND $articles AS art
  CREATE (a:Article {
    id: art.id, url: art.url, source: art.source, title: art.title,
    published: art.published, content_hash: art.content_hash,
    ingested_at: datetime()
  })
  FOREACH (_ IN CASE WHEN art.published IS NULL THEN [1] ELSE [] END | SET a:Undated)
}
// The states and organizations the articles mention, linked to each
// article; one row per (article, actor). A state's label, name and kind
// are set when it is created only: every article mentions the big states,
// and rewriting them each time would make each write touch them.
CALL () {
  UNWIND $actors AS x
  MATCH (a:Article {id: x.article_id})
  MERGE (n:Actor {code: x.code})
    ON CREATE SET n.name = x.name, n:$(x.label), n.kind = CASE WHEN x.kind <> '' THEN x.kind END
  CREATE (a)-[:MENTIONS]->(n)
}
// The officials the articles name, whom they represent and since when; one
// row per (article, person, title), the first row of a person marked
// first. The REPRESENTS span is widened only when the article's date lies
// outside it.
CALL () {
  UNWIND $persons AS p
  MATCH (a:Article {id: p.article_id})
  MERGE (n:Person {id: p.id})
    ON CREATE SET n.name = p.name
  FOREACH (_ IN CASE WHEN p.first THEN [1] ELSE [] END | CREATE (a)-[:MENTIONS]->(n))
  WITH n, p
  MATCH (actor:Actor {code: p.actor})
  MERGE (n)-[rep:REPRESENTS {title: p.title}]->(actor)
    ON CREATE SET rep.from = p.date, rep.to = p.date
  WITH rep, p
  WHERE p.date < rep.from OR p.date > rep.to OR (p.date IS NOT NULL AND rep.from IS NULL)
  SET rep.from = CASE WHEN rep.from IS NULL OR p.date < rep.from THEN p.date ELSE rep.from END,
      rep.to = CASE WHEN rep.to IS NULL OR p.date > rep.to THEN p.date ELSE rep.to END
}
// The places the articles name and the state each lies in; one row per
// (article, place).
CALL () {
  UNWIND $places AS p
  MATCH (a:Article {id: p.article_id})
  MERGE (n:Place {id: p.id})
    ON CREATE SET n.name = p.name
  CREATE (a)-[:MENTIONS]->(n)
  WITH n, p
  MATCH (c:Country {code: p.country})
  MERGE (n)-[:IN]->(c)
}
// The meetings of the articles with their participants and place; one row
// per meeting.
CALL () {
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
}
