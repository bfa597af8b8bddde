// Range index on the date of ACCUSED events, for time-window queries.
CREATE INDEX accused_date IF NOT EXISTS
FOR ()-[r:ACCUSED]-() ON (r.date)
