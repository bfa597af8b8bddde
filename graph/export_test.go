package graph

import "io/fs"

// EmbeddedStatements returns every statement of cypher/, for the tests of
// package graph_test.
func EmbeddedStatements() ([]Statement, error) {
	names, err := fs.Glob(files, "cypher/*.cypher")
	if err != nil {
		return nil, err
	}
	sts := make([]Statement, 0, len(names))
	for _, n := range names {
		st, err := loadStatement(files, n)
		if err != nil {
			return nil, err
		}
		sts = append(sts, st)
	}
	return sts, nil
}
