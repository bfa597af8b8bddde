package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

func TestMain(m *testing.M) { graphtest.Main(m) }

func TestParseStatement(t *testing.T) {
	tests := []struct {
		name, src, want, err string
	}{
		{"plain", "RETURN 1", "RETURN 1", ""},
		{"comments dropped", "// header\n// more\nMATCH (n)\nRETURN n\n", "MATCH (n)\nRETURN n", ""},
		{"trailing semicolon", "RETURN 1;\n", "RETURN 1", ""},
		{"semicolon in string", "RETURN 'a;b' AS x", "RETURN 'a;b' AS x", ""},
		{"two statements", "RETURN 1; RETURN 2", "", "more than one statement"},
		{"empty", "// only a comment\n", "", "no statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := graph.ParseStatement("x.cypher", tt.src)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "x.cypher") {
					t.Fatalf("err = %v, want one naming x.cypher with %q", err, tt.err)
				}
				return
			}
			if err != nil || st.Text != tt.want || st.Name != "x" {
				t.Fatalf("got %+v, %v; want text %q", st, err, tt.want)
			}
		})
	}
}

func TestMigrationsEmbedded(t *testing.T) {
	ms, err := graph.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %s has version %d, want %d (no gaps)", m.Name, m.Version, i+1)
		}
		// Idempotent: a rule created or dropped only if (not) there, or
		// data changed only where not changed yet.
		if !strings.Contains(m.Text, "IF NOT EXISTS") && !strings.Contains(m.Text, "IF EXISTS") && !strings.Contains(m.Text, "IS NULL") {
			t.Errorf("migration %s is not idempotent (no IF NOT EXISTS, IF EXISTS or IS NULL guard)", m.Name)
		}
	}
	// Every relation type of the guideline has a date index.
	for _, typ := range graph.RelationTypes {
		found := false
		for _, m := range ms {
			if strings.Contains(m.Text, "[r:"+typ+"]") && strings.Contains(m.Text, "r.date") {
				found = true
			}
		}
		if !found {
			t.Errorf("no date index for %s", typ)
		}
	}
}

func TestOpenUnreachable(t *testing.T) {
	ctx := context.Background()
	_, err := graph.Open(ctx, graph.Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "secret-pw-123", ConnectTimeout: 3 * time.Second})
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if strings.Contains(err.Error(), "secret-pw-123") {
		t.Fatalf("error leaks the password: %v", err)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	cfg := graphtest.Config(t)
	cfg.Password = "not-the-password"
	_, err := graph.Open(context.Background(), cfg)
	if !errors.Is(err, graph.ErrAuth) {
		t.Fatalf("err = %v, want ErrAuth", err)
	}
	if strings.Contains(err.Error(), "not-the-password") {
		t.Fatalf("error leaks the password: %v", err)
	}
}

func TestMigrateIdempotent(t *testing.T) {
	c := graphtest.Client(t) // applies the schema once
	ctx := context.Background()
	ms, _ := graph.Migrations()
	v, err := c.SchemaVersion(ctx)
	if err != nil || v != ms[len(ms)-1].Version {
		t.Fatalf("schema version = %d, %v; want %d", v, err, ms[len(ms)-1].Version)
	}
	res, err := c.Migrate(ctx)
	if err != nil || len(res.Applied) != 0 || res.From != v || res.To != v {
		t.Fatalf("second Migrate = %+v, %v; want nothing applied", res, err)
	}
	info, err := c.Server(ctx)
	if err != nil || !strings.HasPrefix(info.Version, "5.26") {
		t.Fatalf("server = %+v, %v; want Neo4j 5.26", info, err)
	}
	// The constraints and indexes exist in the real server.
	names := map[string]bool{}
	for _, q := range []string{"SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"} {
		recs, err := c.Read(ctx, graph.Statement{Name: "show", Text: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			names[r.Values[0].(string)] = true
		}
	}
	for _, want := range []string{"country_code_unique", "article_id_unique", "met_with_date", "deployed_to_date", "entity_names"} {
		if !names[want] {
			t.Errorf("schema object %s missing; have %v", want, names)
		}
	}
	// The full-text index is updated off the writers' path.
	recs, err := c.Read(ctx, graph.Statement{Name: "fulltext", Text: `SHOW FULLTEXT INDEXES YIELD name, options
WHERE name = 'entity_names' RETURN options.indexConfig['fulltext.eventually_consistent'] AS ec`}, nil)
	if err != nil || len(recs) != 1 || recs[0].Values[0] != true {
		t.Errorf("entity_names: eventually consistent = %v, %v; want true", recs, err)
	}
	// Uniqueness is enforced.
	create := graph.Statement{Name: "create", Text: "CREATE (:Country {code: $code})"}
	if err := c.Write(ctx, create, map[string]any{"code": "IRN"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Write(ctx, create, map[string]any{"code": "IRN"}); err == nil {
		t.Fatal("a second Country IRN was accepted: uniqueness constraint not in force")
	}
}

func TestAPOCLoaded(t *testing.T) {
	if !graphtest.Managed(t) {
		t.Skip("APOC is checked on the managed server only (DIPLOGRAPH_TEST_NEO4J_URI is set)")
	}
	c := graphtest.Client(t)
	recs, err := c.Read(context.Background(), graph.Statement{Name: "apoc", Text: "RETURN apoc.version() AS v"}, nil)
	if err != nil {
		t.Fatalf("APOC core not loaded: %v", err)
	}
	if v, _ := recs[0].Values[0].(string); !strings.HasPrefix(v, "5.26") {
		t.Fatalf("apoc.version() = %v", recs[0].Values[0])
	}
}

// A graph a newer diplograph has migrated is refused: this binary would
// write it without what the newer schema keeps up to date.
func TestMigrateRefusesNewerSchema(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	ms, _ := graph.Migrations()
	latest := ms[len(ms)-1].Version
	set := graph.Statement{Name: "set", Text: "MATCH (s:DiplographSchema {name: 'diplograph'}) SET s.version = $v"}
	if err := c.Write(ctx, set, map[string]any{"v": latest + 1}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Write(ctx, set, map[string]any{"v": latest}) })
	if _, err := c.Migrate(ctx); !errors.Is(err, graph.ErrSchemaNewer) || !strings.Contains(err.Error(), fmt.Sprint(latest+1)) {
		t.Fatalf("Migrate on a newer schema: %v; want ErrSchemaNewer naming version %d", err, latest+1)
	}
}
