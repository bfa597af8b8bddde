// Takes the writers' lock (the node writes_mark counts writes on) for a
// transaction that changes derived data only, such as the SHIFT markers a
// migration computes: it waits for writers, and they for it.
MERGE (w:DiplographWrites {name: 'articles'})
SET w.at = datetime()
