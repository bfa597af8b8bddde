// ShiftCount.id ("month 2024-01-01 2024-03-01": precision, earlier and
// later period) identifies one cell of the count of SHIFT markers by their
// two periods; the constraint makes the writer's MERGE find it.
CREATE CONSTRAINT shift_count_id_unique IF NOT EXISTS
FOR (n:ShiftCount) REQUIRE n.id IS UNIQUE
