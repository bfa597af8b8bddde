// Deletes the ALIGNMENT aggregates of some pairs (dyads "A-B"), before a
// rebuild writes them again from the events.
UNWIND $dyads AS dyad
MATCH ()-[al:ALIGNMENT {dyad: dyad}]->()
DELETE al
