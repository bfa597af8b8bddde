// Deletes the ALIGNMENT aggregates and ALIGNMENT_YEAR totals of some pairs
// (dyads "A-B"), before a rebuild writes them again from the events.
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
