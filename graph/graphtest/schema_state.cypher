// The schema as a test run can compare it: every index (the constraints'
// own indexes among them) with its definition and state; the version
// nodes are read by schema_nodes.cypher.
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint
RETURN name + '|' + type + '|' + entityType + '|' + coalesce(reduce(s = '', l IN labelsOrTypes | s + l + ','), '') + '|' +
       coalesce(reduce(s = '', p IN properties | s + p + ','), '') + '|' + state + '|' + coalesce(owningConstraint, '') AS rule
ORDER BY rule
