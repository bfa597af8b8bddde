// DiplographSchema.name identifies the node that records the schema
// version; the constraint makes the MERGE of processes that migrate at
// once create one node, not one each.
CREATE CONSTRAINT schema_name_unique IF NOT EXISTS
FOR (n:DiplographSchema) REQUIRE n.name IS UNIQUE
