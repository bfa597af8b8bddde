package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

func TestLock(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	acquire := func(owner string, ttl time.Duration) (graph.LockHolder, bool) {
		t.Helper()
		h, ok, err := c.AcquireLock(ctx, "ingest", owner, ttl)
		if err != nil {
			t.Fatal(err)
		}
		return h, ok
	}
	if _, ok := acquire("a", time.Minute); !ok {
		t.Fatal("a: free lock not taken")
	}
	if h, ok := acquire("b", time.Minute); ok || h.Owner != "a" || h.Expires.Before(time.Now()) {
		t.Fatalf("b took a held lock: %+v %v", h, ok)
	}
	first, _ := acquire("a", time.Minute)
	if renewed, ok := acquire("a", 2*time.Minute); !ok || !renewed.Since.Equal(first.Since) || !renewed.Expires.After(first.Expires) {
		t.Fatalf("a's renewal: %+v then %+v", first, renewed)
	}
	if err := c.ReleaseLock(ctx, "ingest", "b"); err != nil { // not b's: no effect
		t.Fatal(err)
	}
	if _, ok := acquire("b", time.Minute); ok {
		t.Fatal("b released a's lock")
	}
	if err := c.ReleaseLock(ctx, "ingest", "a"); err != nil {
		t.Fatal(err)
	}
	if _, ok := acquire("b", time.Second); !ok {
		t.Fatal("b: released lock not taken")
	}
	time.Sleep(1500 * time.Millisecond)
	if _, ok := acquire("c", time.Minute); !ok {
		t.Fatal("c: expired lock not taken")
	}

	// Many owners at once: exactly one wins.
	if err := c.ReleaseLock(ctx, "ingest", "c"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	winners := 0
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok, err := c.AcquireLock(ctx, "ingest", fmt.Sprintf("racer-%d", i), time.Minute)
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				winners++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if winners != 1 {
		t.Fatalf("%d owners took the lock at once, want 1", winners)
	}
}

func TestRunsAndFeedState(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	for i, id := range []string{"run-1", "run-2"} {
		if err := c.StartRun(ctx, graph.IngestRun{ID: id, Status: "running", Host: "h", PID: 42, Sources: []string{"voa"}}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			time.Sleep(10 * time.Millisecond)
			if err := c.FinishRun(ctx, graph.IngestRun{ID: id, Status: "partial", Seen: 3, New: 2, Failed: 1, Relations: 7, Seconds: 1.5, Error: "x.md:3: bad"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	runs, err := c.RecentRuns(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].ID != "run-2" || runs[0].Status != "running" || !runs[0].Finished.IsZero() {
		t.Fatalf("runs = %+v", runs)
	}
	r := runs[1]
	if r.Status != "partial" || r.Seen != 3 || r.New != 2 || r.Failed != 1 || r.Relations != 7 || r.Error != "x.md:3: bad" ||
		r.Finished.IsZero() || r.PID != 42 || len(r.Sources) != 1 || r.Sources[0] != "voa" {
		t.Fatalf("finished run = %+v", r)
	}

	const feed = "https://example.org/rss"
	if v, err := c.FeedState(ctx, feed); err != nil || v != (graph.FeedValidators{}) {
		t.Fatalf("unknown feed: %+v %v", v, err)
	}
	want := graph.FeedValidators{ETag: `"abc"`, LastModified: "Sat, 21 Nov 2026 10:00:00 GMT"}
	if err := c.SaveFeedState(ctx, feed, want); err != nil {
		t.Fatal(err)
	}
	if v, err := c.FeedState(ctx, feed); err != nil || v != want {
		t.Fatalf("feed state = %+v %v, want %+v", v, err, want)
	}

	if found, err := c.HasArticleURL(ctx, "https://example.org/a"); err != nil || found {
		t.Fatalf("HasArticleURL on an empty graph: %v %v", found, err)
	}
	if _, err := c.WriteArticle(ctx, graph.ArticleFacts{Article: graph.ArticleNode{ID: "a", URL: "https://example.org/a", ContentHash: "h"}}); err != nil {
		t.Fatal(err)
	}
	if found, err := c.HasArticleURL(ctx, "https://example.org/a"); err != nil || !found {
		t.Fatalf("HasArticleURL after writing it: %v %v", found, err)
	}
}
