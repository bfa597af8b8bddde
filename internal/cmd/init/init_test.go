package initcmd

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// fakeGraph answers Migrate with a fixed result. The migrations themselves
// are tested against Neo4j in graph and by the CLI's integration tests.
type fakeGraph struct {
	res    graph.MigrateResult
	err    error
	closed bool
}

func (g *fakeGraph) Migrate(context.Context) (graph.MigrateResult, error) { return g.res, g.err }
func (g *fakeGraph) URI() string                                          { return "bolt://db:7687" }
func (g *fakeGraph) Close(context.Context) error                          { g.closed = true; return nil }

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		res  graph.MigrateResult
		want string
	}{
		{"up to date", graph.MigrateResult{From: 3, To: 3}, "schema is up to date (version 3) on bolt://db:7687\n"},
		{"migrated", graph.MigrateResult{From: 1, To: 3, Applied: []string{"0002_dates", "0003_names"}},
			"schema migrated from version 1 to 3 on bolt://db:7687:\n  0002_dates\n  0003_names\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			g := &fakeGraph{res: tt.res}
			o := &Options{Out: &out, Connect: func(context.Context) (Graph, error) { return g, nil }}
			if err := run(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want || !g.closed {
				t.Errorf("got %q (closed %v), want %q", out.String(), g.closed, tt.want)
			}
		})
	}
}

// A failed migration is returned as is (graph.ErrSchemaNewer becomes exit
// 4 in cmdutil) and the connection is closed.
func TestRunError(t *testing.T) {
	g := &fakeGraph{err: graph.ErrSchemaNewer}
	o := &Options{Out: &bytes.Buffer{}, Connect: func(context.Context) (Graph, error) { return g, nil }}
	if err := run(context.Background(), o); !errors.Is(err, graph.ErrSchemaNewer) || !g.closed {
		t.Errorf("got %v (closed %v)", err, g.closed)
	}
}
