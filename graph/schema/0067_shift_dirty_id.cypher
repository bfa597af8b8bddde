// ShiftDirty.id ("IRN-USA month": a pair and a precision) identifies the
// record of a pair's periods changed since its SHIFT markers were last
// computed; the constraint makes the writer's MERGE find it.
CREATE CONSTRAINT shift_dirty_id_unique IF NOT EXISTS
FOR (n:ShiftDirty) REQUIRE n.id IS UNIQUE
