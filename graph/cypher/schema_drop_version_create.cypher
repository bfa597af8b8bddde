// Tests only: records schema version $version in a new node, as processes
// that migrated at once before schema_name_unique existed could leave two.
CREATE (:DiplographSchema {name: 'diplograph', version: $version})
