// One (:Report) per relation of an article ("<article id>#<n>").
CREATE CONSTRAINT report_id_unique IF NOT EXISTS
FOR (n:Report) REQUIRE n.id IS UNIQUE
