// One (:Materialization) per period length: when its ALIGNMENT edges were
// last computed in full, and with which planned factor.
CREATE CONSTRAINT materialization_period_unique IF NOT EXISTS
FOR (n:Materialization) REQUIRE n.period_kind IS UNIQUE
