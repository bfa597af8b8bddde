// ALIGNMENT aggregates are found by pair and period (0036), by start
// (0035) or by one actor and start (0052, 0053), never by period alone:
// the index of 0026 only cost every aggregate written an index entry.
DROP INDEX alignment_period IF EXISTS
