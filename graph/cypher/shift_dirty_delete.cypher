// Deletes the records of out-of-date SHIFT markers whose markers were
// just recomputed ($ids), in the same transaction.
UNWIND $ids AS id
MATCH (d:ShiftDirty {id: id})
DELETE d
