package neo4jcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

// fakeServer is a local server that is running or not, as the test says.
type fakeServer struct {
	st       localserver.Status
	startErr error
	stopped  time.Duration // the timeout Stop was given
	tailN    int
	log      string
}

func (s *fakeServer) Start(context.Context) (bool, error) {
	if s.startErr != nil {
		return false, s.startErr
	}
	if s.st.Running {
		return false, nil
	}
	s.st.Running, s.st.PID = true, 42
	return true, nil
}

func (s *fakeServer) Stop(_ context.Context, timeout time.Duration) (bool, error) {
	s.stopped = timeout
	was := s.st.Running
	s.st.Running, s.st.PID = false, 0
	return was, nil
}

func (s *fakeServer) Status() localserver.Status { return s.st }
func (s *fakeServer) LogTail(n int) string       { s.tailN = n; return "last lines" }
func (s *fakeServer) LogFiles() []string         { return []string{s.log} }

func newFake(running bool, passwordFile string) *fakeServer {
	st := localserver.Status{Version: localserver.Neo4jVersion, Home: "home", Dist: "home/dist", Assembled: true,
		BoltURI: "bolt://127.0.0.1:7687", BrowserURL: "http://127.0.0.1:7474/browser/", User: "neo4j", PasswordFile: passwordFile}
	if running {
		st.Running, st.PID, st.Since = true, 42, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	}
	return &fakeServer{st: st}
}

func serverOf(s *fakeServer) func() (Server, error) { return func() (Server, error) { return s, nil } }

func TestStart(t *testing.T) {
	var out bytes.Buffer
	if err := runStart(context.Background(), &StartOptions{Out: &out, Server: serverOf(newFake(true, ""))}); err != nil {
		t.Fatal(err)
	}
	if want := "Neo4j is already running (pid 42) at bolt://127.0.0.1:7687\n"; out.String() != want {
		t.Errorf("running: got %q, want %q", out.String(), want)
	}

	out.Reset()
	if err := runStart(context.Background(), &StartOptions{Out: &out, Server: serverOf(newFake(false, "home/password"))}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Neo4j " + localserver.Neo4jVersion + " started in ", "s (pid 42)\n",
		"  Bolt:     bolt://127.0.0.1:7687\n  Browser:  http://127.0.0.1:7474/browser/\n  User:     neo4j\n  Password: in home/password\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("started: output lacks %q:\n%s", want, out.String())
		}
	}
}

// A server that does not come up is a database error (exit 3); a missing
// Java stays a setup error (exit 4).
func TestStartErrors(t *testing.T) {
	for _, tt := range []struct {
		err  error
		code int
	}{
		{errors.New("bolt never answered"), cmdutil.ExitDatabase},
		{localserver.ErrJavaMissing, cmdutil.ExitSetup},
	} {
		s := newFake(false, "")
		s.startErr = tt.err
		err := runStart(context.Background(), &StartOptions{Out: &bytes.Buffer{}, Server: serverOf(s)})
		if code := cmdutil.Classify(err); code != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.err, code, tt.code)
		}
	}
}

func TestStop(t *testing.T) {
	for _, tt := range []struct {
		running bool
		want    string
	}{
		{true, "Neo4j stopped (pid 42)\n"},
		{false, "Neo4j is not running\n"},
	} {
		var out bytes.Buffer
		s := newFake(tt.running, "")
		if err := runStop(context.Background(), &StopOptions{Out: &out, Server: serverOf(s), Timeout: 5 * time.Second}); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want || s.stopped != 5*time.Second {
			t.Errorf("running %v: got %q with timeout %v, want %q with 5s", tt.running, out.String(), s.stopped, tt.want)
		}
	}
}

func TestStatus(t *testing.T) {
	pwFile := filepath.Join(t.TempDir(), "password")
	if err := os.WriteFile(pwFile, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		running      bool
		pwFile       string
		showPassword bool
		want         string
	}{
		{"running", true, pwFile, false, "Neo4j " + localserver.Neo4jVersion + " is running (pid 42, since 2026-01-02T03:04:05Z)\n" +
			"  Home:     home\n  Assembled: true (home/dist)\n" +
			"  Bolt:     bolt://127.0.0.1:7687\n  Browser:  http://127.0.0.1:7474/browser/\n  User:     neo4j\n" +
			"  Password: in " + pwFile + "\n"},
		{"show password", false, pwFile, true, "Neo4j " + localserver.Neo4jVersion + " is not running\n" +
			"  Home:     home\n  Assembled: true (home/dist)\n" +
			"  Bolt:     bolt://127.0.0.1:7687\n  Browser:  http://127.0.0.1:7474/browser/\n  User:     neo4j\n" +
			"  Password: in " + pwFile + "\n  Password: s3cret\n"},
		{"configured password", false, "", true, "Neo4j " + localserver.Neo4jVersion + " is not running\n" +
			"  Home:     home\n  Assembled: true (home/dist)\n" +
			"  Bolt:     bolt://127.0.0.1:7687\n  Browser:  http://127.0.0.1:7474/browser/\n  User:     neo4j\n" +
			"  Password: the configured neo4j.password\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			o := &StatusOptions{Out: &out, Server: serverOf(newFake(tt.running, tt.pwFile)), Format: "table", ShowPassword: tt.showPassword}
			if err := runStatus(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tt.want)
			}
		})
	}

	var out bytes.Buffer
	o := &StatusOptions{Out: &out, Server: serverOf(newFake(true, pwFile)), Format: "json", ShowPassword: true}
	if err := runStatus(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Status   localserver.Status `json:"status"`
		Password string             `json:"password"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !got.Status.Running || got.Status.PID != 42 || got.Password != "s3cret" {
		t.Errorf("json: got %+v", got)
	}
}

// A wrong --format is a usage error, found before the server is looked at.
func TestStatusBadFormat(t *testing.T) {
	o := &StatusOptions{Out: &bytes.Buffer{}, Format: "csv", Server: func() (Server, error) {
		t.Fatal("server looked at")
		return nil, nil
	}}
	if code := cmdutil.Classify(runStatus(context.Background(), o)); code != cmdutil.ExitUsage {
		t.Errorf("exit %d, want %d", code, cmdutil.ExitUsage)
	}
}

func TestLogs(t *testing.T) {
	var out bytes.Buffer
	s := newFake(true, "")
	if err := runLogs(context.Background(), &LogsOptions{Out: &out, Server: serverOf(s), Lines: 7}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "last lines\n" || s.tailN != 7 {
		t.Errorf("got %q for %d lines", out.String(), s.tailN)
	}
}

// lineWaiter is an output that tells when a line containing want arrives.
type lineWaiter struct {
	mu   sync.Mutex
	b    bytes.Buffer
	want string
	seen chan struct{}
}

func (w *lineWaiter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	had := strings.Contains(w.b.String(), w.want)
	w.b.Write(p)
	if !had && strings.Contains(w.b.String(), w.want) {
		close(w.seen)
	}
	return len(p), nil
}

func (w *lineWaiter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// logs -f prints the lines appended to the log after the tail, and ends
// without an error when interrupted.
func TestLogsFollow(t *testing.T) {
	s := newFake(true, "")
	s.log = filepath.Join(t.TempDir(), "neo4j.log")
	if err := os.WriteFile(s.log, []byte("old line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := &lineWaiter{want: "appended\n", seen: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- runLogs(ctx, &LogsOptions{Out: out, Server: serverOf(s), Lines: 10, Follow: true}) }()

	log, err := os.OpenFile(s.log, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	// followFile starts at the end of the file as it finds it, so append
	// until a line shows (the first may come before it opened the file).
	for appended := false; !appended; {
		if _, err := log.WriteString("appended\n"); err != nil {
			t.Fatal(err)
		}
		select {
		case <-out.seen:
			appended = true
		case <-time.After(100 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.HasPrefix(got, "last lines\n") || strings.Contains(got, "old line") {
		t.Errorf("got %q", got)
	}
}

func TestFlags(t *testing.T) {
	f := &cmdutil.Factory{}
	run := func(t *testing.T, cmd *cobra.Command, args ...string) {
		t.Helper()
		cmd.SetArgs(args)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
	}
	var stop *StopOptions
	run(t, NewCmdStop(f, func(_ context.Context, o *StopOptions) error { stop = o; return nil }))
	if stop.Timeout != time.Minute {
		t.Errorf("stop: default timeout %v", stop.Timeout)
	}
	run(t, NewCmdStop(f, func(_ context.Context, o *StopOptions) error { stop = o; return nil }), "--timeout", "5s")
	if stop.Timeout != 5*time.Second {
		t.Errorf("stop --timeout 5s: %v", stop.Timeout)
	}

	var status *StatusOptions
	run(t, NewCmdStatus(f, func(_ context.Context, o *StatusOptions) error { status = o; return nil }))
	if status.Format != "table" || status.ShowPassword {
		t.Errorf("status: defaults %+v", status)
	}
	run(t, NewCmdStatus(f, func(_ context.Context, o *StatusOptions) error { status = o; return nil }), "--format", "json", "--show-password")
	if status.Format != "json" || !status.ShowPassword {
		t.Errorf("status --format json --show-password: %+v", status)
	}

	var logs *LogsOptions
	run(t, NewCmdLogs(f, func(_ context.Context, o *LogsOptions) error { logs = o; return nil }))
	if logs.Lines != 50 || logs.Follow {
		t.Errorf("logs: defaults %+v", logs)
	}
	run(t, NewCmdLogs(f, func(_ context.Context, o *LogsOptions) error { logs = o; return nil }), "-n", "3", "-f")
	if logs.Lines != 3 || !logs.Follow {
		t.Errorf("logs -n 3 -f: %+v", logs)
	}

	started := false
	run(t, NewCmdStart(f, func(context.Context, *StartOptions) error { started = true; return nil }))
	if !started {
		t.Error("start did not run")
	}
}
