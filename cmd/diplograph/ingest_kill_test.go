package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/bench"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/internal/testfiles"
)

// childArgsEnv carries the arguments of TestIngestChildProcess, which runs
// the command line in a separate process that a test can kill.
const childArgsEnv = "DIPLOGRAPH_TEST_CHILD_ARGS"

func TestIngestChildProcess(t *testing.T) {
	raw := os.Getenv(childArgsEnv)
	if raw == "" {
		t.Skip("only run as a child process")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	cmd := newRootCmd(os.Stdin, os.Stdout, os.Stderr)
	cmd.SetArgs(args)
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// relationChecksum hashes every relation between actors with its
// provenance, in a canonical order, together with the graph's counts.
var relationChecksum = graph.Statement{Name: "relation checksum", Text: `
MATCH (s:Actor)-[r]->(t:Actor)
WITH s.code + '|' + type(r) + '|' + t.code + '|' + coalesce(r.article_id, '') + '|' +
     coalesce(toString(r.date), '') + '|' + coalesce(r.sentence, '') + '|' + coalesce(r.modality, '') + '|' +
     toString(coalesce(r.negated, false)) + '|' + toString(coalesce(r.weight, 0.0)) + '|' +
     coalesce(r.source_person, '') + '|' + coalesce(r.target_person, '') + '|' + coalesce(r.meeting, '') AS line
ORDER BY line
RETURN collect(line) AS lines`}

func graphFingerprint(t *testing.T, c *graph.Client) (map[string]int64, string, int) {
	t.Helper()
	recs, err := c.Read(context.Background(), relationChecksum, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := recs[0].Values[0].([]any)
	h := sha256.New()
	for _, l := range lines {
		fmt.Fprintln(h, l)
	}
	return graphtest.Counts(t, c), hex.EncodeToString(h.Sum(nil)), len(lines)
}

// TestIngestKilledAndRerun kills an ingest with SIGKILL in the middle,
// runs it again, and checks that the graph is exactly the one an
// uninterrupted run produces: same node and relationship counts by label
// and type, same relations with the same provenance.
func TestIngestKilledAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("long: runs an ingest three times")
	}
	var base []article.Article
	err := ingest.Read(context.Background(), []string{testfiles.Path(t, "corpus", "voa", "voa_stories.jsonl")}, ingest.SourceOptions{},
		func(it ingest.Item) error {
			if it.Err == nil {
				base = append(base, it.Article)
			}
			return nil
		})
	if err != nil || len(base) == 0 {
		t.Fatalf("reading the VOA corpus: %d articles, %v", len(base), err)
	}
	const n = 400
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	err = bench.Synthetic(base, n)(context.Background(), func(it ingest.Item) error { return enc.Encode(it.Article) })
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}

	c := graphtest.Client(t)
	cfg := graphtest.Config(t)
	isolate(t)
	t.Setenv("DIPLOGRAPH_NEO4J_URI", cfg.URI)
	t.Setenv("DIPLOGRAPH_NEO4J_USER", cfg.User)
	t.Setenv("DIPLOGRAPH_NEO4J_PASSWORD", cfg.Password)
	t.Setenv("DIPLOGRAPH_INGEST_BATCH_SIZE", "10")

	// 1. An ingest in another process, killed once part of it is written.
	args, _ := json.Marshal([]string{"ingest", "--quiet", corpus})
	child := exec.Command(os.Args[0], "-test.run=^TestIngestChildProcess$", "-test.count=1")
	child.Env = append(os.Environ(), childArgsEnv+"="+string(args))
	var childOut strings.Builder
	child.Stdout, child.Stderr = &childOut, &childOut
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	ctx := context.Background()
	deadline := time.Now().Add(5 * time.Minute)
	var written int64
	for written < n/5 {
		select {
		case err := <-exited:
			t.Fatalf("the ingest ended before it was killed (%d articles written): %v\n%s", written, err, childOut.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			child.Process.Kill()
			t.Fatalf("the ingest wrote only %d articles in 5 minutes", written)
		}
		if written, err = c.ArticleCount(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	killedAt, err := c.ArticleCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if killedAt >= n {
		t.Fatalf("the ingest had finished (%d articles) before it was killed; the test proves nothing", killedAt)
	}
	t.Logf("killed with %d of %d articles written", killedAt, n)

	// 2. The same ingest again completes the work.
	out, errOut, code := runCLI(t, "", "ingest", "--json", corpus)
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s%s", code, out, errOut)
	}
	var sum ingest.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Seen != n || sum.Failed != 0 || int64(sum.Unchanged) != killedAt || sum.New != n-int(killedAt) {
		t.Errorf("rerun summary: %+v; want %d unchanged (written before the kill) and the rest new", sum, killedAt)
	}
	resumed, resumedSum, rels := graphFingerprint(t, c)

	// 3. An uninterrupted run into an empty graph.
	graphtest.Wipe(t, c)
	if out, errOut, code := runCLI(t, "", "ingest", "--quiet", corpus); code != 0 {
		t.Fatalf("uninterrupted run: exit %d\n%s%s", code, out, errOut)
	}
	clean, cleanSum, _ := graphFingerprint(t, c)
	if !maps.Equal(resumed, clean) {
		t.Errorf("counts differ:\nkilled and rerun %v\nuninterrupted    %v", resumed, clean)
	}
	if resumedSum != cleanSum {
		t.Errorf("relation checksums differ: killed and rerun %s, uninterrupted %s", resumedSum, cleanSum)
	}
	if rels == 0 || clean["Article"] != n {
		t.Errorf("%d relations, %d articles: the corpus should give many of both", rels, clean["Article"])
	}
}
