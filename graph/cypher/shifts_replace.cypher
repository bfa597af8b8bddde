// Replaces SHIFT markers: for each range (a pair, a precision, and the
// later periods' first days after `after` up to `until` inclusive) deletes
// the markers there, then creates $shifts (properties in `props`, between
// the actors a and b), and records the parameters they are computed with
// ($markers, as shift_markers_set: a graph emptied by hand gets the node
// back with its first write). Writers are serialized (writes_mark), so two
// never replace the same markers.
CALL () {
  UNWIND $ranges AS r
  MATCH ()-[s:SHIFT]->()
  WHERE s.dyad = r.dyad AND s.precision = r.kind AND s.start > r.after AND s.start <= r.until
  DELETE s
}
CALL () {
  UNWIND $shifts AS m
  MATCH (a:Actor {code: m.a})
  MATCH (b:Actor {code: m.b})
  CREATE (a)-[s:SHIFT]->(b)
  SET s = m.props
}
MERGE (m:ShiftMarkers {name: 'default'})
SET m += $markers
