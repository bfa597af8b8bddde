package queries_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/queries"
)

// TestBrowserAllianceTimeline opens the test server's Neo4j Browser in
// Debian's Chromium (driven by playwright-core from scripts/e2e), connects
// over Bolt, runs alliance-timeline for USA and Iran over the seed graph
// and checks that March 2007 and June 2014 are shown. The screenshot is
// kept in $DIPLOGRAPH_TEST_ARTIFACTS (default: artifacts/ in the repo).
func TestBrowserAllianceTimeline(t *testing.T) {
	root, _ := filepath.Abs("..")
	need := func(what string, ok bool) {
		if ok {
			return
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing (CI=true; scripts/prereqs.sh installs it)", what)
		}
		t.Skipf("%s missing: run scripts/prereqs.sh", what)
	}
	node, err := exec.LookPath("node")
	need("node", err == nil)
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	_, err = os.Stat(chromium)
	need("Debian's chromium", err == nil)
	_, err = os.Stat(filepath.Join(root, "scripts", "e2e", "node_modules", "playwright-core"))
	need("playwright-core (npm ci --prefix scripts/e2e)", err == nil)

	c := graphtest.Client(t)
	srv := graphtest.Server()
	if srv == nil {
		t.Skip("the Browser test needs the managed test server (its HTTP port)")
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.Load(lex, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ingest.Run(context.Background(), func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, []string{filepath.Join(root, "testdata", "seeds")}, ingest.SourceOptions{}, emit)
	}, x, lex, c, ingest.Options{ExtractorVersion: "browser-test"})
	if err != nil || sum.New != 3 {
		t.Fatalf("ingest seeds: %+v, %v", sum, err)
	}

	q, err := queries.Get("alliance-timeline")
	if err != nil {
		t.Fatal(err)
	}
	artifacts := os.Getenv("DIPLOGRAPH_TEST_ARTIFACTS")
	if artifacts == "" {
		artifacts = filepath.Join(root, "artifacts")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := graphtest.Config(t)
	spec := map[string]any{
		"url":      srv.BrowserURL(),
		"bolt":     cfg.URI,
		"user":     cfg.User,
		"password": cfg.Password,
		"params": []string{":param a => 'USA'", ":param b => 'IRN'", ":param from => date('1900-01-01')",
			":param to => date('2100-12-31')", ":param period => 'month'", ":param planned_factor => 0.5"},
		"query":      q.Cypher,
		"expect":     []string{"2007-03", "2014-06"},
		"screenshot": filepath.Join(artifacts, "browser-alliance-timeline.png"),
	}
	b, _ := json.Marshal(spec)
	specFile := filepath.Join(t.TempDir(), "spec.json")
	if err := os.WriteFile(specFile, b, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(root, "scripts", "e2e", "browser.js"), specFile)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("browser: %s", strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("Neo4j Browser did not show the timeline: %v\n%s", err, out)
	}
	if _, err := os.Stat(spec["screenshot"].(string)); err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
}
