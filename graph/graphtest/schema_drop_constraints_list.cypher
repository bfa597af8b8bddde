// The names of all constraints, to drop them one by one with
// schema_drop_constraint and start from a database without a schema.
SHOW CONSTRAINTS YIELD name
RETURN name
