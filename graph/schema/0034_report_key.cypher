// The reports of one relation type between two actors, read when a
// rebuild re-forms their events.
CREATE INDEX report_key IF NOT EXISTS
FOR (n:Report) ON (n.source, n.target, n.type)
