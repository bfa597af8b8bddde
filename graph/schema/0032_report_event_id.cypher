// The reports of an event, read when the writer re-forms it.
CREATE INDEX report_event_id IF NOT EXISTS
FOR (n:Report) ON (n.event_id)
