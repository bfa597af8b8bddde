package localserver

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// testDist is the shared assembled distribution (assembled on first use).
func testDist() string {
	if d := os.Getenv("DIPLOGRAPH_TEST_NEO4J_DIST"); d != "" {
		return d
	}
	return DefaultHome()
}

func needJava(t *testing.T) {
	t.Helper()
	if _, err := findJava(context.Background(), ""); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Java (CI=true): %v", err)
		}
		t.Skipf("no Java: %v", err)
	}
}

// twoPorts returns two distinct free ports for a server's Bolt and HTTP.
func twoPorts(t *testing.T) (bolt, http int) {
	t.Helper()
	ports, err := freePorts(2)
	if err != nil {
		t.Fatal(err)
	}
	return ports[0], ports[1]
}

func testHome(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(os.Getenv("DIPLOGRAPH_TEST_TMPDIR"), "localserver-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// The life of a server in one home, with two starts (each costs half a
// minute of CPU on a small machine): Start on a new home, Status, the
// generated password file, neo4j.conf; Start on a running server is a
// no-op. Then a throw-away server given the same home (as the query
// benchmark gives its own) finds that server still running and stops
// exactly its process, starts on new free ports (not the ones configured)
// with DieWithParent, and keeps the data and the generated password. Stop
// stops it; Stop on a stopped server is a no-op; the throw-away server's
// Stop keeps a home it was given.
func TestLifecycle(t *testing.T) {
	needJava(t)
	ctx := context.Background()
	home := testHome(t)
	bolt, http := twoPorts(t)
	s, err := New(Options{Home: home, Dist: testDist(), BoltPort: bolt, HTTPPort: http, Heap: "512m", PageCache: "64m", DieWithParent: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop(context.Background(), 30*time.Second) })

	t0 := time.Now()
	started, err := s.Start(ctx)
	if err != nil || !started {
		t.Fatalf("Start = %v, %v", started, err)
	}
	t.Logf("first start (new home, assembled distribution): %.1fs", time.Since(t0).Seconds())

	st := s.Status()
	if !st.Running || st.PID == 0 || st.BoltURI != s.BoltURI() {
		t.Fatalf("status = %+v", st)
	}
	fi, err := os.Stat(s.PasswordFile())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("password file: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}
	pw1, _ := s.Password()
	conf, _ := os.ReadFile(filepath.Join(home, "conf", "neo4j.conf"))
	for _, want := range []string{"server.default_listen_address=127.0.0.1", "dbms.security.auth_enabled=true",
		"dbms.usage_report.enabled=false", "client.allow_telemetry=false", "server.memory.pagecache.size=64m"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("neo4j.conf lacks %q", want)
		}
	}

	// Start on a running server is a no-op.
	if started, err := s.Start(ctx); err != nil || started {
		t.Fatalf("second Start = %v, %v; want a no-op", started, err)
	}
	query(t, s.BoltURI(), pw1, "CREATE (:Probe)")

	// A throw-away server in that home stops the one running there: exactly
	// that process. Its ports are fresh: the released ones may already be
	// taken by a test server of another package running in parallel.
	t0 = time.Now()
	tw, err := StartThrowaway(ctx, ThrowawayOptions{Options: Options{Home: home, Dist: testDist(),
		BoltPort: 7687, HTTPPort: 7474, Heap: "512m", PageCache: "64m"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tw.Stop(context.Background()) })
	t.Logf("restart (existing home): %.1fs", time.Since(t0).Seconds())
	pid := st.PID
	if s.isOurProcess(pid) {
		t.Fatalf("process %d still runs after the throw-away server took over its home", pid)
	}
	s2 := tw.Server()
	o := s2.Options()
	if !o.DieWithParent || o.BoltPort == 7687 || o.HTTPPort == 7474 || o.BoltPort == o.HTTPPort || s2.BoltURI() == s.BoltURI() {
		t.Fatalf("throw-away options %+v: want DieWithParent and two new free ports", o)
	}
	if tw.Home() != home {
		t.Fatalf("throw-away home %s, want the given %s", tw.Home(), home)
	}
	// The restart keeps the data and the generated password.
	if pw2 := tw.Password(); pw2 != pw1 {
		t.Fatal("the generated password changed across restarts")
	}
	if n := query(t, s2.BoltURI(), tw.Password(), "MATCH (p:Probe) RETURN count(p)"); n != 1 {
		t.Fatalf("%d probes after the restart; want the graph kept", n)
	}

	// Stop stops exactly that process.
	st2 := s2.Status()
	if !st2.Running || st2.PID == pid {
		t.Fatalf("status after the restart = %+v", st2)
	}
	if stopped, err := s2.Stop(ctx, time.Minute); err != nil || !stopped {
		t.Fatalf("Stop = %v, %v", stopped, err)
	}
	if s2.isOurProcess(st2.PID) {
		t.Fatalf("process %d still runs after Stop", st2.PID)
	}
	if s2.Status().Running {
		t.Fatal("status says running after Stop")
	}
	if stopped, err := s2.Stop(ctx, time.Minute); err != nil || stopped {
		t.Fatalf("Stop on a stopped server = %v, %v", stopped, err)
	}
	if err := tw.Stop(ctx); err != nil {
		t.Fatalf("the throw-away server's Stop after it stopped: %v", err)
	}
	if _, err := os.Stat(filepath.Join(home, "data")); err != nil {
		t.Fatalf("a given home lost its data: %v", err)
	}
}

func TestPortInUse(t *testing.T) {
	needJava(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	busy := l.Addr().(*net.TCPAddr).Port
	_, http := twoPorts(t)
	s, _ := New(Options{Home: testHome(t), Dist: testDist(), BoltPort: busy, HTTPPort: http, DieWithParent: true, TestTuning: true})
	_, err = s.Start(context.Background())
	if err == nil || !strings.Contains(err.Error(), "port") || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("err = %v, want a busy-port error", err)
	}
}

func TestServerExitsDuringStartup(t *testing.T) {
	needJava(t)
	// A heap the JVM refuses makes the server process exit at once. The
	// home looks initialized, so the start goes straight to the server.
	home := testHome(t)
	if err := os.MkdirAll(filepath.Join(home, "data", "databases", "system"), 0o755); err != nil {
		t.Fatal(err)
	}
	bolt, http := twoPorts(t)
	s, _ := New(Options{Home: home, Dist: testDist(), BoltPort: bolt, HTTPPort: http, Heap: "1x", Password: "password-123", DieWithParent: true, TestTuning: true})
	_, err := s.Start(context.Background())
	if err == nil || !strings.Contains(err.Error(), "exited during start-up") || !strings.Contains(err.Error(), "console.log") {
		t.Fatalf("err = %v, want the exit reported with the log tail", err)
	}
	if s.Status().Running {
		t.Fatal("a failed start left a running server")
	}
}

func TestMissingTools(t *testing.T) {
	s, _ := New(Options{Home: testHome(t), Java: "/nonexistent/java"})
	if _, err := s.Start(context.Background()); !errors.Is(err, ErrJavaMissing) || !strings.Contains(err.Error(), "apt-get install") {
		t.Fatalf("err = %v, want ErrJavaMissing with advice", err)
	}
	err := Assemble(context.Background(), testHome(t), "/nonexistent/mvn", nil)
	if !errors.Is(err, ErrMavenMissing) || !strings.Contains(err.Error(), "apt-get install maven") {
		t.Fatalf("err = %v, want ErrMavenMissing with advice", err)
	}
}

func TestOptions(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("no home accepted")
	}
	if _, err := New(Options{Home: "x", Password: "short"}); err == nil {
		t.Error("a password under 8 characters accepted")
	}
	s, err := New(Options{Home: "x"})
	if err != nil {
		t.Fatal(err)
	}
	o := s.Options()
	if o.BoltPort != 7687 || o.HTTPPort != 7474 || o.Heap != "512m" || o.PageCache != "256m" || !filepath.IsAbs(o.Dist) {
		t.Fatalf("defaults = %+v", o)
	}
	if Neo4jVersion == "" || !strings.HasPrefix(Neo4jVersion, "5.26.") || BrowserVersion == "" || APOCVersion == "" {
		t.Fatalf("pom versions: %q %q %q", Neo4jVersion, BrowserVersion, APOCVersion)
	}
}

// TestTuning adds its JVM flags and its neo4j.conf setting, and only it.
func TestTestTuning(t *testing.T) {
	for _, tuned := range []bool{false, true} {
		s, err := New(Options{Home: t.TempDir(), Dist: "dist", TestTuning: tuned})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.writeConfig(); err != nil {
			t.Fatal(err)
		}
		conf, err := os.ReadFile(filepath.Join(s.confDir(), "neo4j.conf"))
		if err != nil {
			t.Fatal(err)
		}
		flags := strings.Join(s.jvmFlags(), " ")
		for _, want := range []string{"-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m"} {
			if strings.Contains(flags, want) != tuned {
				t.Errorf("TestTuning %v: JVM flags %s; want %s only when tuned", tuned, flags, want)
			}
		}
		if strings.Contains(string(conf), "internal.cypher.expression_engine=INTERPRETED") != tuned {
			t.Errorf("TestTuning %v: neo4j.conf:\n%s", tuned, conf)
		}
	}
}

// Real Maven, unable to download: an empty local repository in offline
// mode. Assembly must fail with ErrDownload, Maven's output and advice, and
// leave no distribution behind.
func TestAssembleDownloadFailure(t *testing.T) {
	if _, err := findMaven(""); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Maven (CI=true): %v", err)
		}
		t.Skip("no Maven")
	}
	userHome := t.TempDir()
	if err := os.MkdirAll(filepath.Join(userHome, ".m2"), 0o755); err != nil {
		t.Fatal(err)
	}
	settings := `<settings><offline>true</offline></settings>`
	if err := os.WriteFile(filepath.Join(userHome, ".m2", "settings.xml"), []byte(settings), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MAVEN_OPTS", "-Duser.home="+userHome)
	dist := t.TempDir()
	err := Assemble(context.Background(), dist, "", nil)
	if !errors.Is(err, ErrDownload) || !strings.Contains(err.Error(), "Maven Central") {
		t.Fatalf("err = %v, want ErrDownload with advice", err)
	}
	if Assembled(dist) {
		t.Fatal("a failed assembly left a distribution marked as assembled")
	}
}

// helperEnv makes TestHelperStartServer run: it is the child process of
// TestServerLifetime, not a test of its own. Its value is the home.
const helperEnv = "LOCALSERVER_HELPER_HOME"

// TestHelperStartServer starts a server in $LOCALSERVER_HELPER_HOME, a
// throw-away one (StartThrowaway, which sets DieWithParent) when
// LOCALSERVER_HELPER_DIE is 1, prints its process id and waits to be
// killed.
func TestHelperStartServer(t *testing.T) {
	home := os.Getenv(helperEnv)
	if home == "" {
		t.Skip("helper of TestServerLifetime")
	}
	opt := Options{Home: home, Dist: testDist(), Heap: "512m", PageCache: "64m", TestTuning: true}
	var s *Server
	if os.Getenv("LOCALSERVER_HELPER_DIE") == "1" {
		tw, err := StartThrowaway(context.Background(), ThrowawayOptions{Options: opt})
		if err != nil {
			t.Fatal(err)
		}
		s = tw.Server()
	} else {
		opt.BoltPort, opt.HTTPPort = twoPorts(t)
		var err error
		if s, err = New(opt); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Printf("server pid=%d bolt=%s\n", s.Status().PID, s.BoltURI())
	time.Sleep(10 * time.Minute) // killed long before
}

// A test or throw-away server (StartThrowaway: DieWithParent) dies when
// the process that started it is killed with SIGKILL; the user's server (the default)
// outlives it, and Stop from another process stops it.
func TestServerLifetime(t *testing.T) {
	needJava(t)
	for _, c := range []struct {
		name          string
		dieWithParent bool
	}{
		{"DieWithParent", true},
		{"long-lived", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := testHome(t)
			s, err := New(Options{Home: home, Dist: testDist(), TestTuning: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Stop(context.Background(), 30*time.Second) })
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperStartServer$", "-test.count=1")
			die := "0"
			if c.dieWithParent {
				die = "1"
			}
			cmd.Env = append(os.Environ(), helperEnv+"="+home, "LOCALSERVER_HELPER_DIE="+die)
			cmd.Stderr = os.Stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
			type found struct {
				pid  int
				bolt string
				log  string
			}
			lines := make(chan found, 1)
			go func() {
				var log strings.Builder
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					log.WriteString(sc.Text() + "\n")
					var f found
					if _, err := fmt.Sscanf(sc.Text(), "server pid=%d bolt=%s", &f.pid, &f.bolt); err == nil {
						lines <- f
						return
					}
				}
				lines <- found{log: log.String()}
			}()
			var f found
			select {
			case f = <-lines:
			case <-time.After(20 * time.Minute): // a guard against a hang
				t.Fatal("the helper printed no server pid within 20 minutes")
			}
			if f.pid == 0 {
				t.Fatalf("the helper started no server:\n%s", f.log)
			}
			if !s.isOurProcess(f.pid) {
				t.Fatalf("pid %d is not the home's server", f.pid)
			}

			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			if !c.dieWithParent {
				// It still answers queries, and Stop (as from `diplograph
				// neo4j stop`) stops it.
				pw, err := s.Password()
				if err != nil {
					t.Fatal(err)
				}
				driver, err := neo4j.NewDriverWithContext(f.bolt, neo4j.BasicAuth(User, pw, ""))
				if err != nil {
					t.Fatal(err)
				}
				defer driver.Close(context.Background())
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				if _, err := neo4j.ExecuteQuery(ctx, driver, "RETURN 1", nil, neo4j.EagerResultTransformer); err != nil {
					t.Fatalf("the long-lived server died with its parent: %v", err)
				}
				if !s.isOurProcess(f.pid) {
					t.Fatalf("the long-lived server (pid %d) died with its parent", f.pid)
				}
				if stopped, err := s.Stop(ctx, time.Minute); err != nil || !stopped {
					t.Fatalf("Stop = %v, %v", stopped, err)
				}
				return
			}
			deadline := time.Now().Add(90 * time.Second) // a guard against a hang
			for s.isOurProcess(f.pid) {
				if time.Now().After(deadline) {
					_ = syscall.Kill(f.pid, syscall.SIGKILL)
					t.Fatalf("the server (pid %d) still runs 90 s after its parent was killed", f.pid)
				}
				time.Sleep(200 * time.Millisecond)
			}
		})
	}
}
