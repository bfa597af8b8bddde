// Deletes every node and relationship except the schema's version node, in
// batches: with the indexes and constraints (which stay too), the graph is
// then as a fresh migration leaves it.
MATCH (n) WHERE NOT n:DiplographSchema
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
