// ALIGNMENT aggregates name their two actors as properties, a (the lower
// code, the start node) and b (the higher, the end node), so that the
// indexes of 0052 and 0053 find one actor's aggregates in a window of time.
// Aggregates written before this version get them here.
MATCH (x)-[al:ALIGNMENT]->(y)
WHERE al.a IS NULL
CALL (al, x, y) {
  SET al.a = x.code, al.b = y.code
} IN TRANSACTIONS OF 10000 ROWS
