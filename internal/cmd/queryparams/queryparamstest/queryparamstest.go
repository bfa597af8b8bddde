// Package queryparamstest helps test the commands that run predefined
// queries without a database: a fake Read that answers with given records
// and keeps what it was asked, and Execute, which runs a command quietly.
package queryparamstest

import (
	"context"
	"io"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/queries"
)

// Read answers every query with Records and keeps the query it was asked
// for and its parameters; Query is "" until it is asked.
type Read struct {
	Records []*neo4j.Record
	Query   string
	Params  map[string]any
}

// Read is a queryparams.ReadFunc.
func (r *Read) Read(_ context.Context, q queries.Query, params map[string]any) ([]*neo4j.Record, error) {
	r.Query, r.Params = q.Name, params
	return r.Records, nil
}

// Records makes records of the columns cols, one per row of values.
func Records(cols []string, rows ...[]any) []*neo4j.Record {
	recs := make([]*neo4j.Record, len(rows))
	for i, v := range rows {
		recs[i] = &neo4j.Record{Keys: cols, Values: v}
	}
	return recs
}

// Execute runs cmd with args, its usage and errors printed nowhere.
func Execute(cmd *cobra.Command, args ...string) error {
	cmd.SetArgs(append([]string{}, args...)) // not nil: cobra would read os.Args
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	return cmd.Execute()
}
