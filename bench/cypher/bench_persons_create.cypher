// Creates the officials of the synthetic states and whom they represent.
UNWIND $persons AS p
MATCH (c:Actor {code: p.actor})
CREATE (n:Person {id: p.id, name: p.name})
CREATE (n)-[:REPRESENTS {title: p.title, from: p.from, to: p.to}]->(c)
