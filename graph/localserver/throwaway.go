package localserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

// ThrowawayOptions configures a throw-away server: one that a benchmark or
// a test suite starts for itself and stops when done.
type ThrowawayOptions struct {
	// Options of the server, with these differences: Home may be empty,
	// and then StartThrowaway makes a new directory under TempDir and Stop
	// removes it (a Home given is kept: the query benchmark reuses the
	// graph in it); Dist is required with an empty Home (a temporary home
	// would otherwise assemble a distribution of its own); BoltPort and
	// HTTPPort are ignored: free ports are chosen; DieWithParent is always
	// set.
	Options
	// TempDir is where a temporary home is made (default: the system
	// temporary directory); it is created if missing.
	TempDir string
	// HomePrefix begins the name of a temporary home, so that one can tell
	// whose server it is (default "neo4j-throwaway-").
	HomePrefix string
}

// Throwaway is a started throw-away server. It dies with the process that
// started it, however that ends (on Linux: DieWithParent); Stop stops it
// in order and removes its temporary home.
type Throwaway struct {
	srv      *Server
	password string
	tempHome bool
	stopped  bool
}

// StartThrowaway starts a throw-away server on free ports and waits until
// it answers on Bolt. A server left running in a given Home (by a process
// killed where DieWithParent has no effect) is stopped first. On error
// nothing is left running and a temporary home is removed.
func StartThrowaway(ctx context.Context, opt ThrowawayOptions) (*Throwaway, error) {
	o := opt.Options
	o.DieWithParent = true
	t := &Throwaway{}
	if o.Home == "" {
		if o.Dist == "" {
			return nil, errors.New("localserver: a throw-away server in a temporary home needs the assembled distribution (Dist)")
		}
		if opt.TempDir != "" {
			if err := os.MkdirAll(opt.TempDir, 0o700); err != nil {
				return nil, fmt.Errorf("localserver: throw-away home: %w", err)
			}
		}
		prefix := opt.HomePrefix
		if prefix == "" {
			prefix = "neo4j-throwaway-"
		}
		home, err := os.MkdirTemp(opt.TempDir, prefix)
		if err != nil {
			return nil, fmt.Errorf("localserver: throw-away home: %w", err)
		}
		o.Home, t.tempHome = home, true
	}
	ports, err := freePorts(2)
	if err != nil {
		_ = t.removeHome(o.Home)
		return nil, err
	}
	o.BoltPort, o.HTTPPort = ports[0], ports[1]
	if t.srv, err = New(o); err != nil {
		_ = t.removeHome(o.Home)
		return nil, err
	}
	if st := t.srv.Status(); st.Running {
		fmt.Fprintf(t.srv.opt.Progress, "Stopping the Neo4j (pid %d) left running in %s\n", st.PID, st.Home)
		if _, err := t.srv.Stop(ctx, time.Minute); err != nil {
			return nil, err
		}
	}
	if _, err := t.srv.Start(ctx); err != nil {
		return nil, errors.Join(err, t.Stop(context.Background()))
	}
	if t.password, err = t.srv.Password(); err != nil {
		return nil, errors.Join(err, t.Stop(context.Background()))
	}
	return t, nil
}

// Server is the running server (its BoltURI, BrowserURL, Status, logs).
func (t *Throwaway) Server() *Server { return t.srv }

// Home is the server's home directory.
func (t *Throwaway) Home() string { return t.srv.opt.Home }

// Password is the password of User.
func (t *Throwaway) Password() string { return t.password }

// Stop stops the server (SIGTERM, SIGKILL after a minute) and removes a
// temporary home. A home whose server could not be stopped is kept, and
// the error names it. A second Stop does nothing.
func (t *Throwaway) Stop(ctx context.Context) error {
	if t.stopped {
		return nil
	}
	if _, err := t.srv.Stop(ctx, time.Minute); err != nil {
		return fmt.Errorf("localserver: stopping the throw-away server in %s: %w", t.Home(), err)
	}
	t.stopped = true
	return t.removeHome(t.Home())
}

func (t *Throwaway) removeHome(home string) error {
	if !t.tempHome {
		return nil
	}
	if err := os.RemoveAll(home); err != nil {
		return fmt.Errorf("localserver: removing the throw-away home: %w", err)
	}
	return nil
}

// freePorts returns n distinct loopback ports that nothing listened on:
// all n listeners stay open until every port is chosen, so that the
// kernel cannot hand out one port twice. Another process may still take
// a port between its release here and the server's bind.
func freePorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	ls := make([]net.Listener, 0, n)
	defer func() {
		for _, l := range ls {
			_ = l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("localserver: looking for a free port: %w", err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
