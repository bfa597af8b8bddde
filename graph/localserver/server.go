package localserver

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Options configures a local server. Zero values take the defaults noted.
type Options struct {
	Home         string        // server home: conf/, data/, logs/, run/, password (required)
	Dist         string        // assembled distribution: lib/, plugins/ (default: Home)
	BoltPort     int           // default 7687
	HTTPPort     int           // default 7474
	Heap         string        // JVM heap, -Xms and -Xmx (default 512m)
	PageCache    string        // server.memory.pagecache.size (default 256m)
	Password     string        // neo4j user's password; generated and stored in Home when empty
	Java         string        // java executable (default: $JAVA_HOME/bin/java or java on PATH)
	Maven        string        // mvn executable (default: mvn on PATH)
	StartTimeout time.Duration // how long Start waits for Bolt (default 120s)
	Progress     io.Writer     // where assembly and start-up progress goes (default: discarded)

	// DieWithParent makes the server die (SIGKILL) with the process that
	// started it, even when that process is killed with SIGKILL: for test
	// and throw-away servers, never for the user's long-lived server. It
	// needs Linux (PR_SET_PDEATHSIG); elsewhere it has no effect.
	DieWithParent bool

	// TestTuning trades peak query speed for less CPU, for test servers
	// only: the JIT stops at its first tier (C1, with the code cache C2
	// would have had) and Cypher expressions are interpreted, never
	// compiled to bytecode. A test server runs thousands of different
	// short queries: with the defaults its JIT threads used more CPU than
	// the queries did (C2 about 124 s, C1 26 s, the query threads 105 s
	// for the two servers of a make test run); with TestTuning C1 took
	// 13 s beside 95 s (scripts/thread-cpu.sh measures this). Never for
	// benchmarks or the user's server, whose queries C2 makes faster.
	TestTuning bool
}

// User is the name of the database user the local server is set up with.
const User = "neo4j"

// Server is a local Neo4j server described by Options.
type Server struct {
	opt Options
}

// New validates opt and fills in defaults.
func New(opt Options) (*Server, error) {
	if opt.Home == "" {
		return nil, errors.New("localserver: no home directory configured")
	}
	home, err := filepath.Abs(opt.Home)
	if err != nil {
		return nil, fmt.Errorf("localserver: %w", err)
	}
	opt.Home = home
	if opt.Dist == "" {
		opt.Dist = opt.Home
	}
	if opt.Dist, err = filepath.Abs(opt.Dist); err != nil {
		return nil, fmt.Errorf("localserver: %w", err)
	}
	if opt.BoltPort == 0 {
		opt.BoltPort = 7687
	}
	if opt.HTTPPort == 0 {
		opt.HTTPPort = 7474
	}
	if opt.Heap == "" {
		opt.Heap = "512m"
	}
	if opt.PageCache == "" {
		opt.PageCache = "256m"
	}
	if opt.StartTimeout == 0 {
		opt.StartTimeout = 120 * time.Second
	}
	if opt.Progress == nil {
		opt.Progress = io.Discard
	}
	if opt.Password != "" && len(opt.Password) < 8 {
		return nil, errors.New("localserver: the Neo4j password must have at least 8 characters")
	}
	return &Server{opt: opt}, nil
}

// Options returns the effective options (defaults filled in).
func (s *Server) Options() Options { return s.opt }

// BoltURI is the address clients connect to.
func (s *Server) BoltURI() string { return fmt.Sprintf("bolt://127.0.0.1:%d", s.opt.BoltPort) }

// BrowserURL is where Neo4j Browser is served.
func (s *Server) BrowserURL() string {
	return fmt.Sprintf("http://127.0.0.1:%d/browser/", s.opt.HTTPPort)
}

// PasswordFile is where a generated password is kept (mode 0600).
func (s *Server) PasswordFile() string { return filepath.Join(s.opt.Home, "password") }

func (s *Server) pidFile() string    { return filepath.Join(s.opt.Home, "run", "diplograph-neo4j.pid") }
func (s *Server) confDir() string    { return filepath.Join(s.opt.Home, "conf") }
func (s *Server) logsDir() string    { return filepath.Join(s.opt.Home, "logs") }
func (s *Server) consoleLog() string { return filepath.Join(s.logsDir(), "console.log") }

// Password returns the password clients use: the configured one, else the
// stored one, else a new one that is generated and stored (0600).
func (s *Server) Password() (string, error) {
	if s.opt.Password != "" {
		return s.opt.Password, nil
	}
	b, err := os.ReadFile(s.PasswordFile())
	if err == nil {
		if pw := strings.TrimSpace(string(b)); pw != "" {
			return pw, nil
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("localserver: %w", err)
	}
	pw, err := generatePassword(24)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.opt.Home, 0o700); err != nil {
		return "", fmt.Errorf("localserver: %w", err)
	}
	if err := os.WriteFile(s.PasswordFile(), []byte(pw+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("localserver: %w", err)
	}
	return pw, nil
}

func generatePassword(n int) (string, error) {
	const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, n)
	for i := range b {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			return "", fmt.Errorf("localserver: generate password: %w", err)
		}
		b[i] = alphabet[k.Int64()]
	}
	return string(b), nil
}

// Status describes the server as found on disk and in the process table.
type Status struct {
	Running      bool      `json:"running"`
	PID          int       `json:"pid,omitempty"`
	Since        time.Time `json:"since,omitzero"`
	Home         string    `json:"home"`
	Dist         string    `json:"dist"`
	Assembled    bool      `json:"assembled"`
	Version      string    `json:"version"`
	BoltURI      string    `json:"bolt_uri"`
	BrowserURL   string    `json:"browser_url"`
	User         string    `json:"user"`
	PasswordFile string    `json:"password_file,omitempty"`
}

// Status reports whether the server recorded in the home runs.
func (s *Server) Status() Status {
	st := Status{
		Home: s.opt.Home, Dist: s.opt.Dist, Assembled: Assembled(s.opt.Dist),
		Version: Neo4jVersion, BoltURI: s.BoltURI(), BrowserURL: s.BrowserURL(), User: User,
	}
	if s.opt.Password == "" {
		st.PasswordFile = s.PasswordFile()
	}
	if pid, ok := s.runningPID(); ok {
		st.Running, st.PID = true, pid
		if fi, err := os.Stat(s.pidFile()); err == nil {
			st.Since = fi.ModTime()
		}
	}
	return st
}

// runningPID returns the recorded process id if that process is alive and
// is this home's Neo4j; a stale pid file is removed.
func (s *Server) runningPID() (int, bool) {
	b, err := os.ReadFile(s.pidFile())
	if err != nil {
		return 0, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		_ = os.Remove(s.pidFile())
		return 0, false
	}
	if !s.isOurProcess(pid) {
		_ = os.Remove(s.pidFile())
		return 0, false
	}
	return pid, true
}

func (s *Server) isOurProcess(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return false
	}
	c := string(cmdline)
	if strings.Contains(c, "CommunityEntryPoint") && strings.Contains(c, "--home-dir="+s.opt.Home) {
		// A zombie (exited, not yet reaped) is not running.
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err == nil {
			if i := strings.LastIndexByte(string(stat), ')'); i > 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
				return false
			}
		}
		return true
	}
	return false
}

// Start assembles the distribution if needed, writes the configuration,
// sets the initial password on a new home, starts the server and waits until
// it answers on Bolt. It returns started=false when the server was already
// running (a no-op).
func (s *Server) Start(ctx context.Context) (started bool, err error) {
	if _, ok := s.runningPID(); ok {
		return false, nil
	}
	java, err := findJava(ctx, s.opt.Java)
	if err != nil {
		return false, err
	}
	if err := Assemble(ctx, s.opt.Dist, s.opt.Maven, s.opt.Progress); err != nil {
		return false, err
	}
	// Serialize concurrent starts of the same home.
	if err := os.MkdirAll(filepath.Join(s.opt.Home, "run"), 0o700); err != nil {
		return false, fmt.Errorf("localserver: %w", err)
	}
	unlock, err := LockFile(filepath.Join(s.opt.Home, "run", "start.lock"), true)
	if err != nil {
		return false, err
	}
	defer unlock()
	if _, ok := s.runningPID(); ok {
		return false, nil
	}
	for _, p := range []struct {
		port int
		what string
	}{{s.opt.BoltPort, "Bolt"}, {s.opt.HTTPPort, "HTTP"}} {
		if err := portFree(p.port); err != nil {
			return false, fmt.Errorf("localserver: %s port %d is in use (another Neo4j?): stop that process or choose another port (local.bolt_port / local.http_port): %w", p.what, p.port, err)
		}
	}
	// A home made by an older version, or by hand, may be readable by
	// others: it holds the graph and the password's hash.
	if err := s.makePrivate(); err != nil {
		return false, err
	}
	password, err := s.Password()
	if err != nil {
		return false, err
	}
	if err := s.writeConfig(); err != nil {
		return false, err
	}
	if err := s.setInitialPassword(ctx, java, password); err != nil {
		return false, err
	}
	p, err := s.launch(java)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(s.opt.Progress, "Starting Neo4j %s (pid %d), waiting for Bolt on %s ...\n", Neo4jVersion, p.cmd.Process.Pid, s.BoltURI())
	if err := s.waitBolt(ctx, password, p.exited, func() error { return p.err }); err != nil {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(30 * time.Second):
			_ = p.cmd.Process.Kill()
		}
		_ = os.Remove(s.pidFile())
		return false, err
	}
	return true, nil
}

func portFree(port int) error {
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return err
	}
	return l.Close()
}

// classpath holds lib, conf and plugins, like Neo4j's own launcher: APOC's
// extension factories are found by ServiceLoader on the classpath, its
// procedures in the plugins directory. Unlike the launcher, lib comes first:
// the APOC core jar bundles older copies of libraries the server also ships
// (commons-lang3), and the server's own versions must win.
func (s *Server) classpath() string {
	return strings.Join([]string{
		filepath.Join(s.opt.Dist, "lib", "*"),
		filepath.Join(s.confDir(), "*"),
		filepath.Join(s.opt.Dist, "plugins", "*"),
	}, string(os.PathListSeparator))
}

// heapFlags size the server's heap (Neo4j reads them only from the JVM).
func (s *Server) heapFlags() []string {
	return []string{"-Xms" + s.opt.Heap, "-Xmx" + s.opt.Heap}
}

// jvmFlags are the other flags Neo4j's own launcher passes, and those of
// TestTuning.
func (s *Server) jvmFlags() []string {
	var tuning []string
	if s.opt.TestTuning {
		// C1 alone gets a 48 MB code cache by default, and its sweeper
		// then ran as long as C1 did.
		tuning = []string{"-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m"}
	}
	return append(tuning,
		"-XX:+UseG1GC",
		"-XX:-OmitStackTraceInFastThrow",
		"-XX:+AlwaysPreTouch",
		"-XX:+UnlockExperimentalVMOptions",
		"-XX:+TrustFinalNonStaticFields",
		"-XX:+DisableExplicitGC",
		"-Djdk.nio.maxCachedBufferSize=1024",
		"-Dio.netty.tryReflectionSetAccessible=true",
		"-Djdk.tls.ephemeralDHKeySize=2048",
		"-Djdk.tls.rejectClientInitiatedRenegotiation=true",
		"-XX:FlightRecorderOptions=stackdepth=256",
		"-XX:+UnlockDiagnosticVMOptions",
		"-XX:+DebugNonSafepoints",
		"--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-Dlog4j2.disable.jmx=true",
		"-Dfile.encoding=UTF-8",
	)
}

func (s *Server) env() []string {
	return append(os.Environ(), "NEO4J_HOME="+s.opt.Home, "NEO4J_CONF="+s.confDir())
}

// shell is the shell that starts java (see privateArgs).
const shell = "/bin/sh"

// privateArgs are the arguments of shell that run java with args under
// umask 077, so that every file the JVM creates (store files, transaction
// logs, the auth file, logs) is private. The shell execs java: the process
// id is java's. syscall.Umask is not used: it is process-wide, and would
// race with the rest of the program.
func privateArgs(java string, args []string) []string {
	return append([]string{"-c", `umask 077 && exec "$0" "$@"`, java}, args...)
}

// initialPasswordArgs is the argument list of the admin tool that sets the
// initial password. The password is not in it (any local user can read a
// process's arguments): the tool, built on picocli, reads it from argFile,
// an "@file" argument.
func (s *Server) initialPasswordArgs(argFile string) []string {
	return append(s.jvmFlags(), "-cp", s.classpath(),
		"org.neo4j.cli.AdminTool", "dbms", "set-initial-password", "@"+argFile)
}

// atFileArg quotes one argument for a picocli argument file: in double
// quotes, with backslash, double quote and line breaks escaped, so that any
// password (spaces, quotes, '#', a leading '@') is read back unchanged.
func atFileArg(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`)
	return `"` + r.Replace(v) + `"` + "\n"
}

func (s *Server) setInitialPassword(ctx context.Context, java, password string) error {
	// The initial password only takes effect before the first start, when the
	// system database does not exist yet.
	if _, err := os.Stat(filepath.Join(s.opt.Home, "data", "databases", "system")); err == nil {
		return nil
	}
	// The argument file is 0600 in the private run directory and removed
	// as soon as the tool has run.
	f, err := os.CreateTemp(filepath.Join(s.opt.Home, "run"), "initial-password-*.args")
	if err != nil {
		return fmt.Errorf("localserver: set initial password: %w", err)
	}
	argFile := f.Name()
	defer os.Remove(argFile)
	_, werr := f.WriteString(atFileArg(password))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("localserver: set initial password: %w", werr)
	}
	cmd := exec.CommandContext(ctx, shell, privateArgs(java, s.initialPasswordArgs(argFile))...)
	cmd.Env = s.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		// The admin tool echoes nothing secret, but be sure.
		msg := strings.ReplaceAll(tail(string(out), 10), password, "********")
		return fmt.Errorf("localserver: set initial password: %w\n%s", err, msg)
	}
	return nil
}

// process is a started server: exited is closed when it has ended, and err
// is then its exit status.
type process struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error
}

func (s *Server) launch(java string) (*process, error) {
	if err := os.MkdirAll(s.logsDir(), 0o700); err != nil {
		return nil, fmt.Errorf("localserver: %w", err)
	}
	logf, err := os.OpenFile(s.consoleLog(), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, fmt.Errorf("localserver: %w", err)
	}
	defer logf.Close()
	args := append(append(s.heapFlags(), s.jvmFlags()...), "-cp", s.classpath(),
		"org.neo4j.server.CommunityEntryPoint",
		"--home-dir="+s.opt.Home, "--config-dir="+s.confDir(), "--console-mode")
	cmd := exec.Command(shell, privateArgs(java, args)...)
	cmd.Env = s.env()
	cmd.Dir = s.opt.Home
	cmd.Stdout, cmd.Stderr = logf, logf
	// Its own session: the server outlives this command and a Ctrl-C in the
	// terminal that started it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if s.opt.DieWithParent {
		if err := setDieWithParent(cmd.SysProcAttr); err != nil {
			return nil, err
		}
	}
	p := &process{cmd: cmd, exited: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		// The parent-death signal fires when the thread that started the
		// child exits, not the process. This goroutine keeps its thread
		// until the server has ended; the thread is then discarded with it.
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.exited)
	}()
	if err := <-started; err != nil {
		return nil, fmt.Errorf("localserver: start %s: %w", java, err)
	}
	if err := os.WriteFile(s.pidFile(), []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o600); err != nil {
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("localserver: %w", err)
	}
	return p, nil
}

// waitBolt polls Bolt until it answers, the process exits, or the timeout.
func (s *Server) waitBolt(ctx context.Context, password string, exited <-chan struct{}, exitErr func() error) error {
	ctx, cancel := context.WithTimeout(ctx, s.opt.StartTimeout)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(s.BoltURI(), neo4j.BasicAuth(User, password, ""),
		func(c *config.Config) { c.SocketConnectTimeout = 2 * time.Second })
	if err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	defer driver.Close(context.Background())
	var last error
	for {
		select {
		case <-exited:
			return fmt.Errorf("localserver: the server exited during start-up (%v); last lines of %s:\n%s",
				exitErr(), s.consoleLog(), s.LogTail(25))
		case <-ctx.Done():
			return fmt.Errorf("localserver: Bolt did not answer on %s within %s (last error: %v); last lines of %s:\n%s",
				s.BoltURI(), s.opt.StartTimeout, last, s.consoleLog(), s.LogTail(25))
		case <-time.After(500 * time.Millisecond):
		}
		vctx, vcancel := context.WithTimeout(ctx, 5*time.Second)
		last = driver.VerifyConnectivity(vctx)
		vcancel()
		if last == nil {
			return nil
		}
		var nerr *neo4j.Neo4jError
		if errors.As(last, &nerr) && strings.Contains(nerr.Code, "Security") {
			return fmt.Errorf("localserver: the server rejected the password (%s). The home %s was initialized with another password: set the one it was created with, or remove %s to start afresh",
				nerr.Code, s.opt.Home, filepath.Join(s.opt.Home, "data"))
		}
	}
}

// Stop sends SIGTERM to the recorded server process and waits for it to
// exit (SIGKILL after timeout). It returns stopped=false when nothing ran.
func (s *Server) Stop(ctx context.Context, timeout time.Duration) (stopped bool, err error) {
	pid, ok := s.runningPID()
	if !ok {
		return false, nil
	}
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		return false, fmt.Errorf("localserver: stop pid %d: %w", pid, err)
	}
	exited, err := s.waitExit(ctx, pid, timeout)
	if err != nil {
		return false, err
	}
	if !exited {
		fmt.Fprintf(s.opt.Progress, "Neo4j (pid %d) did not stop within %s; killing it\n", pid, timeout)
		_ = syscall.Kill(pid, syscall.SIGKILL)
		if exited, err = s.waitExit(ctx, pid, 10*time.Second); err != nil {
			return false, err
		} else if !exited {
			return false, fmt.Errorf("localserver: pid %d survived SIGKILL", pid)
		}
	}
	_ = os.Remove(s.pidFile())
	return true, nil
}

// waitExit polls until pid is no longer this home's server, or timeout.
func (s *Server) waitExit(ctx context.Context, pid int, timeout time.Duration) (bool, error) {
	deadline := time.Now().Add(timeout)
	for s.isOurProcess(pid) {
		if time.Now().After(deadline) {
			return false, nil
		}
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return true, nil
}

// LogTail returns the last n lines of the server's console log.
func (s *Server) LogTail(n int) string {
	b, err := os.ReadFile(s.consoleLog())
	if err != nil {
		return fmt.Sprintf("(no log: %v)", err)
	}
	return tail(string(b), n)
}

// LogFiles lists the server's log files, the console log first.
func (s *Server) LogFiles() []string {
	files := []string{s.consoleLog()}
	for _, name := range []string{"neo4j.log", "debug.log", "query.log", "http.log"} {
		p := filepath.Join(s.logsDir(), name)
		if _, err := os.Stat(p); err == nil {
			files = append(files, p)
		}
	}
	return files
}

// DefaultHome is where the local server lives unless configured otherwise:
// $XDG_DATA_HOME/diplograph/neo4j, or ~/.local/share/diplograph/neo4j.
func DefaultHome() string {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		if h, err := os.UserHomeDir(); err == nil {
			base = filepath.Join(h, ".local", "share")
		} else {
			base = os.TempDir()
		}
	}
	return filepath.Join(base, "diplograph", "neo4j")
}
