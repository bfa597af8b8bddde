// Deletes every relationship, in batches, before the nodes go (deleting a
// state with its hundred thousand edges in one transaction would need a
// large heap).
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS
