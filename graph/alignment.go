package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	stAlignmentDelete = mustStatement("alignment_delete")
	stAlignmentCreate = mustStatement("alignment_create")
)

// Materialize recomputes the ALIGNMENT edges of one period length (month,
// quarter or year) in one transaction: the old edges of that length are
// replaced, so running it twice gives the same graph. It returns how many
// edges were written.
func (c *Client) Materialize(ctx context.Context, period string, plannedFactor float64) (int, error) {
	switch period {
	case "month", "quarter", "year":
	default:
		return 0, fmt.Errorf("graph: materialize: period %q: want month, quarter or year", period)
	}
	params := map[string]any{"period": period, "planned_factor": plannedFactor}
	s := c.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(ctx)
	n, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		if err := run(ctx, tx, stAlignmentDelete, params); err != nil {
			return nil, err
		}
		edges, err := runCount(ctx, tx, stAlignmentCreate, params)
		if err != nil {
			return nil, err
		}
		return int(edges), nil
	})
	if err != nil {
		return 0, fmt.Errorf("graph: materialize: %w", classify(c.uri, err))
	}
	return n.(int), nil
}
