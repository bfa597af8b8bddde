// Deletes the ALIGNMENT aggregates, ALIGNMENT_YEAR totals and SHIFT
// markers of some pairs (dyads "A-B"), before a rebuild writes them again
// from the events.
UNWIND $dyads AS dyad
CALL (dyad) {
  MATCH ()-[al:ALIGNMENT {dyad: dyad}]->()
  DELETE al
}
CALL (dyad) {
  MATCH ()-[al:ALIGNMENT_YEAR]->()
  WHERE al.dyad = dyad AND al.period IS NOT NULL
  DELETE al
}
CALL (dyad) {
  MATCH ()-[s:SHIFT]->()
  WHERE s.dyad = dyad AND s.precision IS NOT NULL
  DELETE s
}
