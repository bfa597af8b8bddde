// Replaces SHIFT markers: for each range (a pair, a precision, and the
// later periods' first days after `after` up to `until` inclusive) deletes
// the markers there, then creates $shifts (properties in `props`, between
// the actors a and b), keeping the ShiftCount cells (one per precision,
// earlier and later period: how many markers join them) equal to the
// markers: each deleted marker takes one from its cell, a cell that falls
// to 0 is deleted, and each created marker adds one to its cell. Last it
// records the parameters the markers are computed with ($markers: period,
// min_events, threshold, planned_factor, and types and weights as
// parallel lists) in the (:ShiftMarkers) node that alliance-shifts
// compares its parameters with (a new graph, or one emptied by hand, gets
// it with its first refresh). Writers are serialized (writes_mark), so two
// never replace the same markers.
CALL () {
  UNWIND $ranges AS r
  MATCH ()-[s:SHIFT]->()
  WHERE s.dyad = r.dyad AND s.precision = r.kind AND s.start > r.after AND s.start <= r.until
  WITH s, s.precision + ' ' + toString(s.before_start) + ' ' + toString(s.start) AS id
  DELETE s
  WITH id, count(*) AS n
  MATCH (c:ShiftCount {id: id})
  SET c.n = c.n - n
  WITH c
  WHERE c.n <= 0
  DELETE c
}
CALL () {
  UNWIND $shifts AS m
  MATCH (a:Actor {code: m.a})
  MATCH (b:Actor {code: m.b})
  CREATE (a)-[s:SHIFT]->(b)
  SET s = m.props
}
CALL () {
  UNWIND $shifts AS m
  WITH m.props.precision AS precision, m.props.before_start AS before, m.props.start AS start, count(*) AS n
  MERGE (c:ShiftCount {id: precision + ' ' + toString(before) + ' ' + toString(start)})
    ON CREATE SET c.precision = precision, c.before = before, c.start = start, c.n = 0
  SET c.n = c.n + n
}
MERGE (m:ShiftMarkers {name: 'default'})
SET m += $markers
