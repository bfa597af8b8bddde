// The reports of one relation type between two actors by date: the
// writer finds the events a new report can join through the reports
// within the event window of its date.
CREATE INDEX report_key_date IF NOT EXISTS
FOR (n:Report) ON (n.source, n.target, n.type, n.date)
