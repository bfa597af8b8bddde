package localserver

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestFreePorts(t *testing.T) {
	ports, err := freePorts(16)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, p := range ports {
		if p <= 0 || seen[p] {
			t.Fatalf("ports %v: want 16 distinct ports", ports)
		}
		seen[p] = true
		if err := portFree(p); err != nil {
			t.Errorf("port %d is not free after freePorts returned: %v", p, err)
		}
	}
}

func TestThrowawayNeedsDist(t *testing.T) {
	tmp := testHome(t)
	_, err := StartThrowaway(context.Background(), ThrowawayOptions{TempDir: tmp})
	if err == nil || !strings.Contains(err.Error(), "Dist") {
		t.Fatalf("err = %v, want a missing distribution refused", err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Fatalf("a refused start left %v in the temporary directory", entries)
	}
}

// A temporary home is removed when the start fails (here the heap is
// refused). Where a temporary home is made and its removal after a run
// are checked in graph/graphtest/testserver's TestStopsWithItsParent; the
// life of a throw-away server in a given home, in TestLifecycle.
func TestThrowawayFailedStartRemovesHome(t *testing.T) {
	needJava(t)
	tmp := testHome(t)
	_, err := StartThrowaway(context.Background(), ThrowawayOptions{
		Options: Options{Dist: testDist(), Heap: "1x", PageCache: "64m", TestTuning: true},
		TempDir: filepath.Join(tmp, "made"),
	})
	if err == nil {
		t.Fatal("a server with a 1x heap started")
	}
	if entries, err := os.ReadDir(filepath.Join(tmp, "made")); err != nil || len(entries) != 0 {
		t.Fatalf("a failed start left %v in the temporary directory (%v)", entries, err)
	}
}

// query runs cypher and returns the first column of its one row, if any.
func query(t *testing.T, uri, password, cypher string) int64 {
	t.Helper()
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(User, password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, driver, cypher, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	if len(res.Records) == 0 {
		return 0
	}
	n, _ := res.Records[0].Values[0].(int64)
	return n
}
