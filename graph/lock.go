package graph

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"
)

var (
	stLockAcquire  = mustStatement("lock_acquire")
	stLockRelease  = mustStatement("lock_release")
	stLockTakeOver = mustStatement("lock_take_over")
	stRunAbandon   = mustStatement("run_abandon")
)

// RunAbandoned is the status Lock gives the unfinished (:IngestRun) of a
// holder it replaces: one whose process died, or whose lock expired
// without renewal.
const RunAbandoned = "abandoned"

// Process identifies a process: what a lock records of its holder, so that
// another process on the same host can tell that the holder has died.
type Process struct {
	Host string
	PID  int
	// PIDNamespace names the pid namespace the pid belongs to (Linux: the
	// target of /proc/self/ns/pid), so that containers that share a host
	// name but not their pids (Kubernetes pods on the host network) do
	// not take each other for dead; "" where there is none.
	PIDNamespace string
	// Started is when the process started, as the system keeps it
	// (Linux: field 22 of /proc/<pid>/stat, clock ticks after boot), so
	// that a pid used again by a later process is not taken for the
	// holder; "" where unknown.
	Started string
}

// ThisProcess returns the calling process.
func ThisProcess() Process { return LocalProcess(os.Getpid()) }

// LocalProcess returns process pid of this host, with its start time
// while it runs.
func LocalProcess(pid int) Process {
	host, _ := os.Hostname()
	p := Process{Host: host, PID: pid, PIDNamespace: pidNamespace()}
	if st, ok := procStat(pid); ok {
		p.Started = st.started
	}
	return p
}

// Gone reports whether p provably no longer runs: it ran on this host, in
// this pid namespace, and no process has its pid, or the process that has it is a zombie or
// started at another time (the pid was used again). It is false whenever
// that cannot be known: another host, no pid, a system where processes
// cannot be looked at.
func (p Process) Gone() bool {
	host, err := os.Hostname()
	if p.PID <= 0 || p.Host == "" || err != nil || p.Host != host || p.PIDNamespace != pidNamespace() {
		return false
	}
	switch processExists(p.PID) {
	case existsNo:
		return true
	case existsUnknown:
		return false
	}
	st, ok := procStat(p.PID)
	if !ok {
		return false
	}
	return st.zombie || (p.Started != "" && st.started != "" && st.started != p.Started)
}

func (p Process) String() string {
	if p.PID <= 0 {
		return "an unrecorded process"
	}
	s := "pid " + strconv.Itoa(p.PID)
	if p.Host != "" {
		s += " on " + p.Host
	}
	return s
}

// LockClaim is what a caller of Lock records on the lock it takes.
type LockClaim struct {
	// Owner names the holder; renewing takes the same Owner.
	Owner string
	// Process is the holder's process (zero: not recorded; the lock then
	// is only freed by release or expiry).
	Process Process
	// Run is the id of the (:IngestRun) the holder records (may be
	// empty): marked abandoned when another process replaces a holder
	// that died or stopped renewing.
	Run string
}

// LockHolder says who holds a lock in the graph.
type LockHolder struct {
	Owner          string
	Since, Expires time.Time
	Process        Process // zero when not recorded
	Run            string
	// Replaced, set when Lock took the lock, is the holder it displaced:
	// one whose process was gone (Expires not yet passed) or whose lock
	// had expired. It is nil when the lock was free or the claimant's.
	Replaced *LockHolder
}

// AcquireLock takes the lock name for owner for ttl, or renews it if
// owner holds it already. It does not wait: when another owner holds an
// unexpired lock, ok is false and holder says who. A lock in the graph
// works across processes and machines; one whose holder died expires
// after ttl. It records no process: use Lock for a lock that a dead
// holder's successor on the same host may take over at once.
func (c *Client) AcquireLock(ctx context.Context, name, owner string, ttl time.Duration) (holder LockHolder, ok bool, err error) {
	return c.Lock(ctx, name, LockClaim{Owner: owner}, ttl)
}

// Lock takes the lock name for claim.Owner for ttl, or renews it if that
// owner holds it already; the claim's process and run are recorded on it.
// It does not wait: when another owner holds the lock, ok is false and
// holder says who, unless that holder is provably dead (it recorded a
// process on claim's host that is gone, see Process.Gone): then the lock
// is taken over at once. Whenever the lock changes hands from a holder
// that did not release it (dead, or expired without renewal), the run that
// holder recorded is marked abandoned if it has not finished, and
// holder.Replaced says who it was. When that run cannot be marked, ok is
// true and err says so: the lock is held all the same.
func (c *Client) Lock(ctx context.Context, name string, claim LockClaim, ttl time.Duration) (holder LockHolder, ok bool, err error) {
	params := claimParams(name, claim, ttl)
	recs, err := c.Update(ctx, stLockAcquire, params)
	if err != nil {
		return LockHolder{}, false, fmt.Errorf("graph: lock %s: %w", name, err)
	}
	m := recs[0].AsMap()
	holder = lockHolder(m, "")
	if holder.Owner == claim.Owner {
		if prev := lockHolder(m, "prev_"); prev.Owner != "" && prev.Owner != claim.Owner {
			// The previous holder let its lock expire without releasing it.
			holder.Replaced = &prev
			if prev.Run != "" {
				reason := fmt.Sprintf("%s's hold of the %s lock expired at %s without renewal (the run hung or its process died); %s took it over",
					prev.Owner, name, prev.Expires.UTC().Format(time.RFC3339), claim.Owner)
				if err := c.Write(ctx, stRunAbandon, map[string]any{"id": prev.Run, "status": RunAbandoned, "error": reason}); err != nil {
					return holder, true, fmt.Errorf("graph: lock %s: marking the replaced run %s: %w", name, prev.Run, err)
				}
			}
		}
		return holder, true, nil
	}
	dead := holder.Process
	if claim.Process.Host == "" || dead.Host != claim.Process.Host || dead.PIDNamespace != claim.Process.PIDNamespace || !dead.Gone() {
		return holder, false, nil
	}
	params["dead_owner"], params["dead_host"], params["dead_pid"] = holder.Owner, dead.Host, int64(dead.PID)
	params["dead_run"] = nullable(holder.Run)
	params["status"] = RunAbandoned
	params["error"] = fmt.Sprintf("the process that ran it (%s, owner %s) died without finishing it; %s took the %s lock over",
		dead, holder.Owner, claim.Owner, name)
	recs, err = c.Update(ctx, stLockTakeOver, params)
	if err != nil {
		return holder, false, fmt.Errorf("graph: lock %s: taking it over from %s, whose process is gone: %w", name, holder.Owner, err)
	}
	if len(recs) == 0 { // the lock node went away meanwhile: the next call makes it again
		return holder, false, nil
	}
	after := lockHolder(recs[0].AsMap(), "")
	if after.Owner != claim.Owner {
		return after, false, nil // another process took it over first
	}
	replaced := holder
	after.Replaced = &replaced
	return after, true, nil
}

// ReleaseLock gives up the lock name if owner holds it.
func (c *Client) ReleaseLock(ctx context.Context, name, owner string) error {
	return c.Write(ctx, stLockRelease, map[string]any{"name": name, "owner": owner})
}

func claimParams(name string, claim LockClaim, ttl time.Duration) map[string]any {
	p := map[string]any{
		"name": name, "owner": claim.Owner, "ttl_ms": ttl.Milliseconds(),
		"host": nullable(claim.Process.Host), "pid": nil, "started": nullable(claim.Process.Started),
		"pidns": nullable(claim.Process.PIDNamespace),
		"run":   nullable(claim.Run),
	}
	if claim.Process.PID > 0 {
		p["pid"] = int64(claim.Process.PID)
	}
	return p
}

// nullable maps "" to a null parameter, which leaves the property unset.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// lockHolder reads the holder from the record fields that start with
// prefix.
func lockHolder(m map[string]any, prefix string) LockHolder {
	var h LockHolder
	h.Owner, _ = m[prefix+"owner"].(string)
	h.Since, _ = m[prefix+"since"].(time.Time)
	h.Expires, _ = m[prefix+"expires"].(time.Time)
	h.Run, _ = m[prefix+"run"].(string)
	h.Process.Host, _ = m[prefix+"host"].(string)
	pid, _ := m[prefix+"pid"].(int64)
	h.Process.PID = int(pid)
	h.Process.Started, _ = m[prefix+"started"].(string)
	h.Process.PIDNamespace, _ = m[prefix+"pidns"].(string)
	return h
}
