// Deletes every node and relationship (the schema stays), in batches.
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
