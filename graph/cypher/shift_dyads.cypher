// Every pair of actors (dyad "A-B", lower code first) with ALIGNMENT
// aggregates, from their year totals (every aggregate counts in one):
// what a fill of the SHIFT markers computes them for, a chunk at a time.
MATCH ()-[t:ALIGNMENT_YEAR]->()
RETURN DISTINCT t.dyad AS dyad
ORDER BY dyad
