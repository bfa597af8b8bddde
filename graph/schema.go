package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	stSchemaVersionDedupe  = mustStatement("schema_version_dedupe")
	stLegacyReportsConvert = mustStatement("legacy_reports_convert")
)

// eventModelVersion is the first schema version of the event model
// (docs/events.md): a graph migrated from an earlier one holds one typed
// relationship per report, which Migrate converts.
const eventModelVersion = 31

// legacyChunk bounds the relationships one conversion transaction takes.
const legacyChunk = 10000

// convertLegacyReports turns the relationships of a graph of the old model
// (one per report) into Report nodes, a chunk per transaction, then forms
// the events and the aggregates from them (RebuildEvents with the
// client's window). Interrupted, it resumes when Migrate runs again (the
// schema version is recorded after it).
func (c *Client) convertLegacyReports(ctx context.Context) error {
	for {
		recs, err := c.records(ctx, neo4j.AccessModeWrite, stLegacyReportsConvert,
			map[string]any{"types": RelationTypes, "limit": int64(legacyChunk)})
		if err != nil {
			return fmt.Errorf("graph: converting the reports of the old model: %w", err)
		}
		if n, _ := recs[0].Values[0].(int64); n == 0 {
			break
		}
	}
	if _, err := c.RebuildEvents(ctx, c.window); err != nil {
		return fmt.Errorf("graph: forming events from the converted reports: %w", err)
	}
	return nil
}

// schemaRetryTime bounds how long Migrate retries one statement that
// failed with a transient error, such as a deadlock with a process that
// migrates at the same time.
const schemaRetryTime = 2 * time.Minute

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
// new indexes to come online, and records the new version.
//
// Processes that start at once on a fresh database may migrate it at the
// same time. Every statement is idempotent (IF NOT EXISTS); one that fails
// because another process created the same rule meanwhile
// (EquivalentSchemaRuleAlreadyExists and the like) counts as applied, and
// one that fails with a transient error (DeadlockDetected between two
// processes' schema changes) is retried with backoff, so each of them
// succeeds and the schema ends complete.
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
	if cur < ms[len(ms)-1].Version {
		// Version nodes that concurrent runs of older binaries duplicated
		// would stop schema_name_unique from being created.
		if err := c.Write(ctx, stSchemaVersionDedupe, nil); err != nil {
			return res, fmt.Errorf("graph: schema migration: %w", err)
		}
	}
	for _, m := range ms {
		if m.Version <= cur {
			continue
		}
		if err := c.execSchema(ctx, m.Statement, nil); err != nil {
			return res, fmt.Errorf("graph: schema migration %04d: %w", m.Version, err)
		}
		res.Applied = append(res.Applied, m.Name)
		res.To = m.Version
	}
	if len(res.Applied) == 0 {
		return res, nil
	}
	if err := c.execSchema(ctx, stAwaitIndexes, map[string]any{"seconds": 300}); err != nil {
		return res, err
	}
	if cur > 0 && cur < eventModelVersion {
		// A graph of the old model: its reports are relationships.
		if err := c.convertLegacyReports(ctx); err != nil {
			return res, err
		}
	}
	if cur < shiftsModelVersion {
		// A fresh graph, or one without SHIFT markers: compute them (none
		// on a graph without aggregates).
		if err := c.RebuildShifts(ctx); err != nil {
			return res, err
		}
	}
	if err := c.Write(ctx, stSchemaVersionSet, map[string]any{"version": res.To}); err != nil {
		return res, err
	}
	return res, nil
}

// execSchema runs a schema statement with Exec. A rule that already exists
// (another process created it since this one read the version) counts as
// success; a transient error is retried with jittered backoff for up to
// schemaRetryTime.
func (c *Client) execSchema(ctx context.Context, st Statement, params map[string]any) error {
	deadline := time.Now().Add(schemaRetryTime)
	wait := 50 * time.Millisecond
	for {
		err := c.Exec(ctx, st, params)
		switch {
		case err == nil || schemaRuleExists(err):
			return nil
		case !transientError(err) || time.Now().After(deadline):
			return err
		}
		t := time.NewTimer(wait/2 + rand.N(wait))
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("graph: %s: %w (retrying after: %v)", st.Name, ctx.Err(), err)
		case <-t.C:
		}
		wait = min(2*wait, 2*time.Second)
	}
}

// schemaRuleExists reports whether err says that the index or constraint
// being created exists already (by name or as an equivalent rule).
func schemaRuleExists(err error) bool {
	var nerr *neo4j.Neo4jError
	return errors.As(err, &nerr) && strings.HasPrefix(nerr.Code, "Neo.ClientError.Schema.") &&
		strings.HasSuffix(nerr.Code, "AlreadyExists")
}

// transientError reports whether err is one the server says may succeed
// when retried (a deadlock, a lock wait cut short), the server being
// reachable.
func transientError(err error) bool {
	var nerr *neo4j.Neo4jError
	return errors.As(err, &nerr) && strings.HasPrefix(nerr.Code, "Neo.TransientError.") && !errors.Is(err, ErrUnavailable)
}
