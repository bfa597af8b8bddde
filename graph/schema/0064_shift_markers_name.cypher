// ShiftMarkers.name identifies the node that records the parameters the
// SHIFT markers are computed with; the constraint makes processes that
// migrate at once create one node, not one each.
CREATE CONSTRAINT shift_markers_name_unique IF NOT EXISTS
FOR (n:ShiftMarkers) REQUIRE n.name IS UNIQUE
