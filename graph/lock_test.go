package graph_test

import (
	"context"

	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/graphtest"
)

func TestProcessGone(t *testing.T) {
	me := graph.ThisProcess()
	dead := graphtest.DeadProcess(t)
	tests := []struct {
		name string
		p    graph.Process
		gone bool
	}{
		{"this process", me, false},
		{"exited child", dead, true},
		{"pid used again by another process", graph.Process{Host: me.Host, PID: me.PID, Started: "1", PIDNamespace: me.PIDNamespace}, me.Started != ""},
		{"other host", graph.Process{Host: "elsewhere.example", PID: dead.PID}, false},
		{"other pid namespace", graph.Process{Host: dead.Host, PID: dead.PID, PIDNamespace: "pid:[1]"}, false},
		{"no pid", graph.Process{Host: me.Host}, false},
		{"no host", graph.Process{PID: dead.PID}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Gone(); got != tt.gone {
				t.Fatalf("%+v: Gone = %v, want %v", tt.p, got, tt.gone)
			}
		})
	}
}

// TestLockDeadHolder: a lock whose holder recorded a process on this host
// that is gone is taken over at once, and the holder's unfinished run is
// marked abandoned; a live holder, one on another host, or one that
// recorded no process keeps it until it expires.
func TestLockDeadHolder(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	me := graph.ThisProcess()
	dead := graphtest.DeadProcess(t)
	tests := []struct {
		name     string
		holder   graph.LockClaim // zero Process: taken with AcquireLock
		claimant graph.LockClaim
		taken    bool
	}{
		{"dead pid on this host", graph.LockClaim{Owner: "dead", Process: dead, Run: "run-dead"},
			graph.LockClaim{Owner: "me", Process: me, Run: "run-me"}, true},
		{"pid used again", graph.LockClaim{Owner: "reused", Process: graph.Process{Host: me.Host, PID: me.PID, Started: "1", PIDNamespace: me.PIDNamespace}, Run: "run-reused"},
			graph.LockClaim{Owner: "me", Process: me}, me.Started != ""},
		{"live holder on this host", graph.LockClaim{Owner: "other", Process: me, Run: "run-other"},
			graph.LockClaim{Owner: "me", Process: me}, false},
		{"dead pid on another host", graph.LockClaim{Owner: "far", Process: graph.Process{Host: "elsewhere.example", PID: dead.PID}, Run: "run-far"},
			graph.LockClaim{Owner: "me", Process: me}, false},
		{"dead pid in another pid namespace", graph.LockClaim{Owner: "ns", Process: graph.Process{Host: me.Host, PID: dead.PID, PIDNamespace: "pid:[1]"}, Run: "run-ns"},
			graph.LockClaim{Owner: "me", Process: me}, false},
		{"holder recorded no process", graph.LockClaim{Owner: "legacy", Run: "run-legacy"},
			graph.LockClaim{Owner: "me", Process: me}, false},
		{"claimant records no process", graph.LockClaim{Owner: "dead2", Process: dead, Run: "run-dead2"},
			graph.LockClaim{Owner: "me"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "test " + tt.name
			if err := c.StartRun(ctx, graph.IngestRun{ID: tt.holder.Run, Status: "running", Host: "h"}); err != nil {
				t.Fatal(err)
			}
			if _, ok, err := c.Lock(ctx, name, tt.holder, time.Hour); err != nil || !ok {
				t.Fatalf("holder: %v %v", ok, err)
			}
			h, ok, err := c.Lock(ctx, name, tt.claimant, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.taken {
				t.Fatalf("taken = %v, want %v; holder %+v", ok, tt.taken, h)
			}
			run := findRun(t, c, tt.holder.Run)
			if !tt.taken {
				if h.Owner != tt.holder.Owner || h.Process != tt.holder.Process || h.Run != tt.holder.Run {
					t.Errorf("holder %+v, want %+v", h, tt.holder)
				}
				if run.Status != "running" || !run.Finished.IsZero() {
					t.Errorf("the live holder's run: %+v", run)
				}
				return
			}
			if h.Owner != tt.claimant.Owner || h.Process != tt.claimant.Process || h.Replaced == nil || h.Replaced.Owner != tt.holder.Owner {
				t.Errorf("after taking over: %+v (replaced %+v)", h, h.Replaced)
			}
			if run.Status != graph.RunAbandoned || run.Finished.IsZero() || !strings.Contains(run.Error, "died") ||
				!strings.Contains(run.Error, tt.holder.Owner) {
				t.Errorf("the dead holder's run: %+v", run)
			}
			// The claimant holds it: the holder's successor on another
			// host does not get it.
			if h, ok, err := c.Lock(ctx, name, graph.LockClaim{Owner: "third", Process: me}, time.Minute); err != nil || ok || h.Owner != tt.claimant.Owner {
				t.Errorf("third claimant: %+v %v %v", h, ok, err)
			}
		})
	}
}

// TestLockExpiredHolderRunAbandoned: taking a lock whose holder let it
// expire without releasing it marks the holder's unfinished run.
func TestLockExpiredHolderRunAbandoned(t *testing.T) {
	c := graphtest.Client(t)
	ctx := context.Background()
	me := graph.ThisProcess()
	if err := c.StartRun(ctx, graph.IngestRun{ID: "run-slow", Status: "running", Host: "h"}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.Lock(ctx, "ingest", graph.LockClaim{Owner: "slow", Process: me, Run: "run-slow"}, time.Millisecond); err != nil || !ok {
		t.Fatal(ok, err)
	}
	var h graph.LockHolder
	for deadline := time.Now().Add(time.Minute); ; { // guards against a hang only
		var ok bool
		var err error
		if h, ok, err = c.Lock(ctx, "ingest", graph.LockClaim{Owner: "next", Process: me, Run: "run-next"}, time.Minute); err != nil {
			t.Fatal(err)
		} else if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("expired lock never taken: %+v", h)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if h.Replaced == nil || h.Replaced.Owner != "slow" || h.Replaced.Run != "run-slow" {
		t.Errorf("replaced %+v", h.Replaced)
	}
	run := findRun(t, c, "run-slow")
	if run.Status != graph.RunAbandoned || run.Finished.IsZero() || !strings.Contains(run.Error, "expired") {
		t.Errorf("the expired holder's run: %+v", run)
	}
	// A lock released normally replaces nobody and marks nothing.
	if err := c.ReleaseLock(ctx, "ingest", "next"); err != nil {
		t.Fatal(err)
	}
	if h, ok, err := c.Lock(ctx, "ingest", graph.LockClaim{Owner: "after", Process: me}, time.Minute); err != nil || !ok || h.Replaced != nil {
		t.Errorf("after a release: %+v %v %v", h, ok, err)
	}
	if run := findRun(t, c, "run-next"); run.ID != "" {
		t.Errorf("run-next was never started, now %+v", run)
	}
}

func findRun(t *testing.T, c *graph.Client, id string) graph.IngestRun {
	t.Helper()
	runs, err := c.RecentRuns(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.ID == id {
			return r
		}
	}
	return graph.IngestRun{}
}
