package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/alliance"
	"github.com/diplograph/diplograph/browser"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/browsertest"
	"github.com/diplograph/diplograph/queries"
)

// TestBrowserAllianceTimeline opens the test server's Neo4j Browser in
// Debian's Chromium (driven by playwright-core from scripts/e2e), connects
// over Bolt, runs alliance-timeline for USA and Iran over the seed graph
// and checks that March 2007 and June 2014 are shown. Then, with the style
// and the guide served as `diplograph browser --serve` serves them, it
// loads the style with :style URL and checks the style frame, plays the
// guide with :play URL and checks its first slide, runs the first slide's
// graph block and checks that states and relations are drawn in the
// style's colours, runs the alliance-timeline slide's parameter and query
// blocks and checks the two periods again, and drops the favourites zip on
// the window. The screenshots (browser-alliance-timeline.png,
// browser-guide.png) are kept in $DIPLOGRAPH_TEST_ARTIFACTS (default:
// artifacts/ in the repo).
func TestBrowserAllianceTimeline(t *testing.T) {
	env := browsertest.Setup(t)

	c := graphtest.Client(t)
	browserURL := graphtest.BrowserURL(t) // skips with DIPLOGRAPH_TEST_NEO4J_URI: no HTTP port known
	ingestSeeds(t, c)

	q, err := queries.Get("alliance-timeline")
	if err != nil {
		t.Fatal(err)
	}
	// The style, the guide and the favourites, served and written as the
	// browser command does.
	files, err := browser.Files()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := browser.Listen(0)
	if err != nil {
		t.Fatal(err)
	}
	serveCtx, stopServe := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- browser.Serve(serveCtx, ln, files, nil) }()
	defer func() {
		stopServe()
		if err := <-served; err != nil {
			t.Errorf("guide server: %v", err)
		}
	}()
	base := browser.BaseURL(ln.Addr())
	styleCmd, guideCmd := browser.Commands(base)
	written, err := browser.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	rules, err := browser.ParseStyle(browser.Style())
	if err != nil {
		t.Fatal(err)
	}
	guide, err := browser.Guide()
	if err != nil {
		t.Fatal(err)
	}
	slides, err := browser.Slides(guide)
	if err != nil || len(slides) == 0 {
		t.Fatalf("guide slides: %v", err)
	}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}

	cfg := graphtest.Config(t)
	spec := map[string]any{
		"url":      browserURL,
		"bolt":     cfg.URI,
		"user":     cfg.User,
		"password": cfg.Password,
		"params": []string{":param a => 'USA'", ":param b => 'IRN'", ":param from => date('1900-01-01')",
			":param to => date('2100-12-31')", ":param period => 'month'", ":param planned_factor => 0.5",
			":param weights => " + weightsLiteral(alliance.DefaultWeights), ":param min_events => 1", ":param rolling => 1"},
		"query":      q.Cypher,
		"expect":     []string{"2007-03", "2014-06"},
		"screenshot": filepath.Join(env.Artifacts, "browser-alliance-timeline.png"),
		"style": map[string]any{
			"command": styleCmd,
			"expect":  []string{"node.Country", "relationship.ATTACKED"},
		},
		"guide": map[string]any{
			"command":    guideCmd,
			"title":      slides[0].Title,
			"screenshot": filepath.Join(env.Artifacts, "browser-guide.png"),
			"colors": map[string][]string{
				"nodes": {rules["node.Country"]["color"]},
				"relationships": {rules["relationship.MET_WITH"]["color"], rules["relationship.SANCTIONED"]["color"],
					rules["relationship.DEPLOYED_TO"]["color"]},
			},
			"slide":  "alliance-timeline",
			"expect": []string{"2007-03", "2014-06"},
		},
		"favorites": map[string]any{
			"zip":    written[2],
			"folder": "diplograph",
			"count":  len(all),
		},
	}
	b, _ := json.Marshal(spec)
	specFile := filepath.Join(t.TempDir(), "spec.json")
	if err := os.WriteFile(specFile, b, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := env.Command(ctx, "browser.js", specFile)
	out, err := cmd.CombinedOutput()
	t.Logf("browser: %s", strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("Neo4j Browser did not show the timeline: %v\n%s", err, out)
	}
	for _, shot := range []string{"browser-alliance-timeline.png", "browser-guide.png"} {
		if _, err := os.Stat(filepath.Join(env.Artifacts, shot)); err != nil {
			t.Errorf("no screenshot: %v", err)
		}
	}
}

// ingestSeeds writes the seed articles into the test graph.
func ingestSeeds(t *testing.T, c *graph.Client) {
	t.Helper()
	root, _ := filepath.Abs("..")
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
}

// TestGuideCypherRuns runs every block of the Browser guide on the query
// fixture (testdata/events.cypher, the model of docs/events.md) as Browser
// would: a slide's :param commands evaluated as Cypher (RETURN expr), then
// each Cypher block with those parameters. It needs no Browser and catches
// a guide block that does not compile, lacks a parameter, or finds nothing
// where the fixture holds something (a renamed property, say).
func TestGuideCypherRuns(t *testing.T) {
	c := fixture(t)
	// The full-text index fills asynchronously: the name search may find
	// nothing yet.
	empty := map[string]bool{}
	g, err := browser.Guide()
	if err != nil {
		t.Fatal(err)
	}
	slides, err := browser.Slides(g)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ran := 0
	for _, s := range slides {
		params := map[string]any{}
		for _, b := range s.Blocks {
			ps, ok := browser.ParamCommands(b)
			if !ok {
				continue
			}
			for _, p := range ps {
				st, err := graph.ParseStatement("param", "RETURN "+p.Expr+" AS v")
				if err != nil {
					t.Fatal(err)
				}
				recs, err := c.Read(ctx, st, nil)
				if err != nil || len(recs) != 1 {
					t.Fatalf("slide %q: :param %s => %s: %v", s.Title, p.Name, p.Expr, err)
				}
				params[p.Name], _ = recs[0].Get("v")
			}
		}
		for _, b := range s.Blocks {
			if _, ok := browser.ParamCommands(b); ok || strings.HasPrefix(b, ":") {
				continue
			}
			st, err := graph.ParseStatement(s.Title, b)
			if err != nil {
				t.Fatalf("slide %q: %v", s.Title, err)
			}
			recs, err := c.Read(ctx, st, params)
			if err != nil {
				t.Errorf("slide %q: %v\n%s", s.Title, err, b)
			} else if len(recs) == 0 && !empty[b] && !strings.Contains(b, "db.index.fulltext") {
				t.Errorf("slide %q: no rows on the fixture (params %v):\n%s", s.Title, params, b)
			}
			ran++
		}
	}
	if ran < len(slides) {
		t.Errorf("ran only %d Cypher blocks", ran)
	}
}

// weightsLiteral writes weights as a Cypher map literal for :param.
func weightsLiteral(w map[string]float64) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(w)) {
		parts = append(parts, fmt.Sprintf("%s: %s", k, strconv.FormatFloat(w[k], 'f', 1, 64)))
	}
	return "({" + strings.Join(parts, ", ") + "})" // parenthesized, as the guide writes it
}
