// Records that schema migrations up to $version have been applied.
MERGE (s:DiplographSchema {name: 'diplograph'})
SET s.version = CASE WHEN coalesce(s.version, 0) > $version THEN s.version ELSE $version END,
    s.updated_at = datetime()
