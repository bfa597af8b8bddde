// Up to $limit records of pairs whose SHIFT markers are out of date: a
// pair (dyad), a precision (kind) and the first and last day of the
// periods changed since (lo, hi).
MATCH (d:ShiftDirty)
RETURN d.id AS id, d.dyad AS dyad, d.kind AS kind, d.lo AS lo, d.hi AS hi
LIMIT $limit
