package graph_test

import (
	"context"
	"embed"
	"path"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

//go:embed cypher/schema_drop_*.cypher
var schemaDropFiles embed.FS

func schemaDropStatement(t *testing.T, name string) graph.Statement {
	t.Helper()
	p := path.Join("cypher", name+".cypher")
	b, err := schemaDropFiles.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.ParseStatement(p, string(b))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestMigrateConcurrently: several processes (separate clients) that start
// at once on a fresh database all migrate it without error, and the
// schema ends complete, as one migration alone leaves it.
func TestMigrateConcurrently(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	ms, err := graph.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	latest := ms[len(ms)-1].Version
	want := graphtest.SchemaNames(t, c)
	if len(want) == 0 {
		t.Fatal("no schema after a migration")
	}
	cfg := graphtest.Config(t)
	for _, n := range []int{2, 4, 6} {
		graphtest.DropSchema(t, c)
		if got := graphtest.SchemaNames(t, c); len(got) != 0 {
			t.Fatalf("schema left after dropping it: %v", got)
		}
		if v, err := c.SchemaVersion(ctx); err != nil || v != 0 {
			t.Fatalf("version after dropping the schema: %d, %v", v, err)
		}
		clients := make([]*graph.Client, n)
		for i := range clients {
			if clients[i], err = graph.Open(ctx, cfg); err != nil {
				t.Fatal(err)
			}
			defer clients[i].Close(context.Background())
		}
		var wg sync.WaitGroup
		errs := make([]error, n)
		start := make(chan struct{})
		for i, cl := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = cl.Migrate(ctx)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("%d at once: migration %d: %v", n, i, err)
			}
		}
		got := graphtest.SchemaNames(t, c)
		for name := range want {
			if !got[name] {
				t.Errorf("%d at once: %s missing after the migrations", n, name)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d at once: %d schema rules, want %d", n, len(got), len(want))
		}
		if v, err := c.SchemaVersion(ctx); err != nil || v != latest {
			t.Errorf("%d at once: version %d, %v; want %d", n, v, err, latest)
		}
		recs, err := c.Read(ctx, schemaDropStatement(t, "schema_drop_version_count"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if nodes := recs[0].Values[0].(int64); nodes != 1 {
			t.Errorf("%d at once: %d nodes record the schema version, want 1", n, nodes)
		}
		if t.Failed() {
			return
		}
	}
}

// TestMigrateMergesVersionNodes: the version nodes that concurrent
// migrations duplicated before schema_name_unique existed are merged into
// one, which keeps the highest version, so that the constraint can be made.
func TestMigrateMergesVersionNodes(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	graphtest.DropSchema(t, c)
	create := schemaDropStatement(t, "schema_drop_version_create")
	for _, v := range []int{28, 29} {
		if err := c.Write(ctx, create, map[string]any{"version": v}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := c.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.From != 28 && res.From != 29 {
		t.Errorf("migrated from %d, want a recorded version", res.From)
	}
	recs, err := c.Read(ctx, schemaDropStatement(t, "schema_drop_version_count"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if nodes := recs[0].Values[0].(int64); nodes != 1 {
		t.Errorf("%d nodes record the schema version, want 1", nodes)
	}
	if !graphtest.SchemaNames(t, c)["schema_name_unique"] {
		t.Error("schema_name_unique not created")
	}
}
