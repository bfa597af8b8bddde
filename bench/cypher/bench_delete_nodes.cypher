// Deletes every node but the schema version, in batches.
MATCH (n) WHERE NOT n:DiplographSchema
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS
