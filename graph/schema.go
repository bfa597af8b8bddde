package graph

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one schema change: one statement from schema/NNNN_name.cypher.
type Migration struct {
	Version int
	Statement
}

// Migrations returns the embedded schema migrations in version order.
func Migrations() ([]Migration, error) { return loadMigrations(files, "schema") }

func loadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("graph: schema: %w", err)
	}
	var ms []Migration
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".cypher") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("graph: %s: name must start with a positive version number and '_'", path.Join(dir, name))
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("graph: %s: version %d already used by %s", path.Join(dir, name), v, prev)
		}
		seen[v] = name
		st, err := loadStatement(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Statement: st})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

// SchemaVersion returns the version recorded in the graph (0 when none).
func (c *Client) SchemaVersion(ctx context.Context) (int, error) {
	recs, err := c.Read(ctx, stSchemaVersion, nil)
	if err != nil {
		return 0, err
	}
	if len(recs) == 0 {
		return 0, nil
	}
	v, _ := recs[0].Values[0].(int64)
	return int(v), nil
}

// MigrateResult says what Migrate did.
type MigrateResult struct {
	From, To int
	Applied  []string
}

// Migrate applies the migrations newer than the recorded version, waits for
// new indexes to come online, and records the new version. Every statement
// is idempotent (IF NOT EXISTS), so concurrent or repeated runs are safe.
//
// It refuses, with ErrSchemaNewer, a graph whose schema is newer than this
// binary's: an old binary would write it without what the newer one keeps
// up to date.
func (c *Client) Migrate(ctx context.Context) (MigrateResult, error) {
	ms, err := Migrations()
	if err != nil {
		return MigrateResult{}, err
	}
	cur, err := c.SchemaVersion(ctx)
	if err != nil {
		return MigrateResult{}, err
	}
	res := MigrateResult{From: cur, To: cur}
	if latest := ms[len(ms)-1].Version; cur > latest {
		// A newer diplograph has written this graph; this one would write
		// without the bookkeeping the newer schema expects.
		return res, fmt.Errorf("graph: schema version %d is newer than this diplograph knows (%d): %w", cur, latest, ErrSchemaNewer)
	}
	for _, m := range ms {
		if m.Version <= cur {
			continue
		}
		if err := c.Exec(ctx, m.Statement, nil); err != nil {
			return res, fmt.Errorf("graph: schema migration %04d: %w", m.Version, err)
		}
		res.Applied = append(res.Applied, m.Name)
		res.To = m.Version
	}
	if len(res.Applied) == 0 {
		return res, nil
	}
	if err := c.Exec(ctx, stAwaitIndexes, map[string]any{"seconds": 300}); err != nil {
		return res, err
	}
	if err := c.Write(ctx, stSchemaVersionSet, map[string]any{"version": res.To}); err != nil {
		return res, err
	}
	return res, nil
}
