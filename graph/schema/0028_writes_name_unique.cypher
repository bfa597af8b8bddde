// (:DiplographWrites {name: 'articles', seq}) counts the transactions that
// wrote articles: a materialization records the count it saw, and is
// current while the count has not moved.
CREATE CONSTRAINT writes_name_unique IF NOT EXISTS
FOR (n:DiplographWrites) REQUIRE n.name IS UNIQUE
