package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

func TestMain(m *testing.M) { graphtest.Main(m) }

// useTestDB points the command line at the integration-test server with an
// empty graph.
func useTestDB(t *testing.T) {
	t.Helper()
	graphtest.Client(t) // empties the graph, holds the database for this test
	cfg := graphtest.Config(t)
	isolate(t)
	t.Setenv("DIPLOGRAPH_NEO4J_URI", cfg.URI)
	t.Setenv("DIPLOGRAPH_NEO4J_USER", cfg.User)
	t.Setenv("DIPLOGRAPH_NEO4J_PASSWORD", cfg.Password)
}

func seedsDir(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "testdata", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLIIngestAndQuery(t *testing.T) {
	seeds := seedsDir(t)
	useTestDB(t)

	out, errOut, code := runCLI(t, "", "init")
	if code != 0 || !strings.Contains(out, "schema is up to date") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}

	out, errOut, code = runCLI(t, "", "ingest", "--json", seeds)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errOut)
	}
	var sum struct{ Seen, New, Unchanged, Failed, Relations_Written int }
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Seen != 3 || sum.New != 3 || sum.Relations_Written == 0 {
		t.Fatalf("ingest summary %+v (%v):\n%s", sum, err, out)
	}
	if _, _, code = runCLI(t, "", "ingest", seeds); code != 0 {
		t.Fatalf("second ingest: exit %d", code)
	}

	// The alliance timeline of the seed dyad shows both crises.
	out, errOut, code = runCLI(t, "", "query", "alliance-timeline", "-p", "a=United States", "-p", "b=Iran", "--format", "csv")
	if code != 0 {
		t.Fatalf("query: exit %d\n%s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 3 || rows[0][0] != "period" {
		t.Fatalf("csv = %q (%v)", out, err)
	}
	periods := map[string]bool{}
	for _, r := range rows[1:] {
		periods[r[0]] = true
	}
	if !periods["2007-03"] || !periods["2014-06"] {
		t.Fatalf("periods %v; want 2007-03 and 2014-06", periods)
	}

	for _, format := range []string{"table", "json"} {
		out, _, code = runCLI(t, "", "query", "alliance-summary", "--format", format)
		if code != 0 || !strings.Contains(out, "IRN") {
			t.Fatalf("alliance-summary %s: exit %d\n%s", format, code, out)
		}
	}
	// Aggregates are current after ingest: a rebuild gives the same
	// answers. materialize is a deprecated alias of rebuild.
	before, _, _ := runCLI(t, "", "query", "alliance-timeline", "-p", "a=USA", "-p", "b=IRN", "--format", "json")
	out, errOut, code = runCLI(t, "", "alliances", "rebuild")
	if code != 0 || !strings.Contains(out, "rebuilt") {
		t.Fatalf("rebuild: exit %d\n%s%s", code, out, errOut)
	}
	if after, _, _ := runCLI(t, "", "query", "alliance-timeline", "-p", "a=USA", "-p", "b=IRN", "--format", "json"); after != before {
		t.Errorf("alliance-timeline changed with a rebuild right after ingest:\n%s\nthen\n%s", before, after)
	}
	out, errOut, code = runCLI(t, "", "alliances", "materialize")
	if code != 0 || !strings.Contains(out, "rebuilt") || !strings.Contains(errOut, "deprecated") || strings.Contains(out, "deprecated") {
		t.Fatalf("materialize: exit %d\n%s%s", code, out, errOut)
	}
	// to=2007 is the end of 2007: the March 2007 talks, not June 2014.
	out, _, code = runCLI(t, "", "query", "alliance-timeline", "-p", "a=USA", "-p", "b=IRN", "-p", "from=2007", "-p", "to=2007", "--format", "csv")
	if code != 0 || !strings.Contains(out, "2007-03") || strings.Contains(out, "2014-06") {
		t.Fatalf("timeline of 2007: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "query", "alliance-timeline", "-p", "a=USA", "-p", "b=Iran", "-p", "from=2030", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("empty result: exit %d %q", code, out)
	}
}

func TestCLIIngestPartialFailure(t *testing.T) {
	useTestDB(t)
	_, errOut, code := runCLI(t, "", "ingest", "-", "--published", "2014-06-16")
	if code != 5 || !strings.Contains(errOut, "1 of 1 inputs failed") {
		t.Fatalf("empty stdin: exit %d, %s", code, errOut)
	}
	// The removed alliance.materialize_after_ingest, still set, is only
	// warned about: the ingest writes as it would without it, and nothing
	// is recomputed after it (every write keeps the aggregates).
	t.Setenv("DIPLOGRAPH_ALLIANCE_MATERIALIZE_AFTER_INGEST", "month,year")
	out, errOut, code := runCLI(t, "Britain and Iran held talks in Vienna on Monday.\n", "ingest", "-", "--published", "2014-06-16")
	if code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("stdin article: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Count(errOut, "DIPLOGRAPH_ALLIANCE_MATERIALIZE_AFTER_INGEST (alliance.materialize_after_ingest) has no effect any more") != 1 ||
		strings.Contains(errOut, "materialized") {
		t.Errorf("ingest with the removed setting in the environment: want one warning, no materialization:\n%s", errOut)
	}
}

func TestCLIDryRunNeedsNoDatabase(t *testing.T) {
	seeds := seedsDir(t)
	isolate(t)
	t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://127.0.0.1:1") // nothing listens there
	out, errOut, code := runCLI(t, "", "ingest", "--dry-run", seeds)
	if code != 0 || !strings.Contains(out, "3 extracted") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = runCLI(t, "", "--neo4j-connect-timeout", "2s", "init")
	if code != cmdutil.ExitDatabase || !strings.Contains(errOut, "unavailable") {
		t.Fatalf("unreachable database: exit %d, %s", code, errOut)
	}
}

func TestCLIIngestFeed(t *testing.T) {
	page := func(body string) string {
		return "<html><head><title>News</title></head><body><nav>Home | World</nav><article><h1>News</h1>" +
			"<p>" + body + "</p><p>" + strings.Repeat("The talks were described by officials as constructive and long. ", 4) + "</p></article></body></html>"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page("British Foreign Secretary William Hague met Iranian Foreign Minister Mohammad Javad Zarif in Vienna on Monday."))
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page("The United States imposed sanctions on Iran on Tuesday."))
	})
	var srv *httptest.Server
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>%[1]s</link>
<item><title>Talks</title><link>%[1]s/a</link><pubDate>Mon, 16 Jun 2014 10:00:00 GMT</pubDate></item>
<item><title>Sanctions</title><link>%[1]s/b</link><pubDate>Tue, 17 Jun 2014 10:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	useTestDB(t)
	t.Setenv("DIPLOGRAPH_INGEST_HTTP_ALLOW", "127.0.0.1") // the test server is on loopback, refused by default
	out, errOut, code := runCLI(t, "", "ingest", "--json", srv.URL+"/rss.xml")
	if code != 0 || !strings.Contains(out, `"new": 2`) {
		t.Fatalf("feed ingest: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = runCLI(t, "", "ingest", "--json", srv.URL+"/rss.xml")
	if code != 0 || !strings.Contains(out, `"unchanged": 2`) || !strings.Contains(out, `"new": 0`) {
		t.Fatalf("second feed ingest: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "", "query", "alliance-summary", "--format", "csv")
	if code != 0 || !strings.Contains(out, "GBR,IRN") {
		t.Fatalf("feed facts not in the graph: %s", out)
	}
}

// TestCLIIngestCorrectionsAndDictionaries re-ingests one article as it is
// corrected and as the dictionaries grow: what changes its stored facts
// replaces them, the same file read again changes nothing, --reextract
// replaces it anyway, and the same text under another id and URL is stored
// as its own article. An undated article fails, naming its file.
func TestCLIIngestCorrectionsAndDictionaries(t *testing.T) {
	useTestDB(t)
	ctx := context.Background()
	c, err := graph.Open(ctx, graphtest.Config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	dir := t.TempDir()
	write := func(name, data string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const text = "Zorba Vanterpool Quixano snubbed Germany on Monday.\n"
	art := write("a.txt", "---\nid: a\nurl: https://example.org/a\npublished: 2020-05-04\n---\n"+text)
	// The dictionaries of TestUserDictionaries: with them, the sentence is
	// an accusation of Germany by France.
	verbs := write("verbs.txt", "---  SNUB   [111]  ---\nSNUB {SNUBS SNUBBED SNUBBING}\n") + "," +
		write("actors.txt", "ZORBA_VANTERPOOL_QUIXANO [FRAGOV 19900101-20301231]\n")
	// accused is the date of the ACCUSED edges of article a ("" for none).
	accused := func() string {
		t.Helper()
		recs, err := c.Read(ctx, graph.Statement{Name: "accused", Text: `
MATCH (:Country {code: 'FRA'})-[r:ACCUSED]->(:Country {code: 'DEU'}) WHERE r.article_id = 'a'
RETURN collect(toString(r.date)) AS dates`}, nil)
		if err != nil {
			t.Fatal(err)
		}
		dates, _ := recs[0].Values[0].([]any)
		var s []string
		for _, d := range dates {
			s = append(s, d.(string))
		}
		return strings.Join(s, ",")
	}
	steps := []struct {
		name    string
		args    []string
		setup   func()
		want    string // the outcome counts in the summary
		accused string
	}{
		{"first ingest", []string{art}, nil, "1 new, 0 updated, 0 unchanged", ""},
		{"the same file again", []string{art}, nil, "0 new, 0 updated, 1 unchanged", ""},
		{"dictionaries that make the sentence an accusation", []string{"--dictionary", verbs, art}, nil,
			"0 new, 1 updated, 0 unchanged", "2020-05-04"},
		{"the same dictionary again", []string{"--dictionary", verbs, art}, nil, "0 new, 0 updated, 1 unchanged", "2020-05-04"},
		{"--reextract", []string{"--reextract", "--dictionary", verbs, art}, nil, "0 new, 1 updated, 0 unchanged", "2020-05-04"},
		{"a corrected date", []string{"--dictionary", verbs, art}, func() {
			write("a.txt", "---\nid: a\nurl: https://example.org/a\npublished: 2020-05-11\n---\n"+text)
		}, "0 new, 1 updated, 0 unchanged", "2020-05-11"},
		{"a corrected title", []string{"--dictionary", verbs, art}, func() {
			write("a.txt", "---\nid: a\nurl: https://example.org/a\ntitle: Snub\npublished: 2020-05-11\n---\n"+text)
		}, "0 new, 1 updated, 0 unchanged", "2020-05-11"},
		{"the same text under another id and URL", []string{"--dictionary", verbs, write("b.txt",
			"---\nid: b\nurl: https://example.org/b\ntitle: Snub\npublished: 2020-05-11\n---\n"+text)},
			nil, "1 new, 0 updated, 0 unchanged", "2020-05-11"},
	}
	for _, s := range steps {
		if s.setup != nil {
			s.setup()
		}
		out, errOut, code := runCLI(t, "", append([]string{"ingest"}, s.args...)...)
		if code != 0 || !strings.Contains(out, s.want) {
			t.Fatalf("%s: exit %d, want %q in\n%s%s", s.name, code, s.want, out, errOut)
		}
		if got := accused(); got != s.accused {
			t.Fatalf("%s: ACCUSED dated %q, want %q", s.name, got, s.accused)
		}
	}
	if n := graphtest.Counts(t, c)["Article"]; n != 2 {
		t.Fatalf("%d articles, want a and b", n)
	}

	undated := write("undated.txt", "---\nid: u\n---\n"+text)
	out, errOut, code := runCLI(t, "", "ingest", undated)
	if code != 5 || !strings.Contains(out, "undated.txt: no published date: give one in front matter, with --published, or allow undated articles with ingest.allow_undated") {
		t.Fatalf("undated article: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code = runCLI(t, "", "ingest", "--published", "2020-05-04", undated); code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("undated article with --published: exit %d\n%s%s", code, out, errOut)
	}
}
