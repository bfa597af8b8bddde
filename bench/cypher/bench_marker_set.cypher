// Records which synthetic graph the database holds (and whether it is
// complete), so a later run can reuse it.
MERGE (m:DiplographBench)
SET m = $marker
