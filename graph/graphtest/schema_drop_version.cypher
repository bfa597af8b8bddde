// Tests only: forgets which schema migrations have been applied.
MATCH (s:DiplographSchema)
DETACH DELETE s
