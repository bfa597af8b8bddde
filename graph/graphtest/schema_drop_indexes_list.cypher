// The names of the indexes a migration may have created: not
// the token lookup indexes every database has, not those that back a
// constraint (they go with it).
SHOW INDEXES YIELD name, type, owningConstraint
WHERE type <> 'LOOKUP' AND owningConstraint IS NULL
RETURN name
