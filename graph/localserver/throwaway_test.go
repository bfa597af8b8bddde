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

// A throw-away server in a temporary home: it answers with its password
// on its own free ports and dies with this process (DieWithParent); a
// second throw-away server given the first one's home (as the query
// benchmark gives its own) finds the first still running there, stops it
// and starts again on new ports with the graph kept; Stop leaves a given
// home, and removes a temporary one.
func TestThrowaway(t *testing.T) {
	needJava(t)
	ctx := context.Background()
	tmp := testHome(t)
	opt := ThrowawayOptions{
		Options: Options{Dist: testDist(), Heap: "512m", PageCache: "64m", BoltPort: 7687, HTTPPort: 7474},
		TempDir: filepath.Join(tmp, "made"),
	}
	first, err := StartThrowaway(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Stop(context.Background()) })
	o := first.Server().Options()
	if filepath.Dir(first.Home()) != opt.TempDir || !o.DieWithParent {
		t.Fatalf("home %s, options %+v: want a home in %s and DieWithParent", first.Home(), o, opt.TempDir)
	}
	if o.BoltPort == 7687 || o.HTTPPort == 7474 || o.BoltPort == o.HTTPPort {
		t.Fatalf("ports %d and %d: want two free ports, not the ones configured", o.BoltPort, o.HTTPPort)
	}
	st := first.Server().Status()
	if !st.Running || first.Password() == "" {
		t.Fatalf("status %+v, password set %v", st, first.Password() != "")
	}
	query(t, first.Server().BoltURI(), first.Password(), "CREATE (:Probe)")

	second, err := StartThrowaway(ctx, ThrowawayOptions{Options: Options{Home: first.Home(), Dist: testDist(), Heap: "512m", PageCache: "64m"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Stop(context.Background()) })
	if first.Server().isOurProcess(st.PID) {
		t.Fatalf("the server left running (pid %d) still runs", st.PID)
	}
	if second.Server().BoltURI() == first.Server().BoltURI() || second.Password() != first.Password() {
		t.Fatalf("restart on %s with the same password %v; want new ports and the stored password",
			second.Server().BoltURI(), second.Password() == first.Password())
	}
	if n := query(t, second.Server().BoltURI(), second.Password(), "MATCH (p:Probe) RETURN count(p)"); n != 1 {
		t.Fatalf("%d probes after the restart; want the graph kept", n)
	}
	if err := second.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if second.Server().Status().Running {
		t.Fatal("running after Stop")
	}
	if _, err := os.Stat(second.Home()); err != nil {
		t.Fatalf("a given home was removed: %v", err)
	}
	if err := second.Stop(ctx); err != nil {
		t.Fatalf("a second Stop: %v", err)
	}
	if err := first.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(first.Home()); !os.IsNotExist(err) {
		t.Fatalf("the temporary home is left after Stop: %v", err)
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
