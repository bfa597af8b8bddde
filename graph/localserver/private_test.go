package localserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// awkwardPasswords are passwords that an argument file must carry
// unchanged: spaces, both quotes, a backslash, '#', a leading '@' (picocli
// would read a file of that name), a tab and non-ASCII letters.
var awkwardPasswords = []string{
	"plain-password-1",
	`@we"ird\ #pa ss`,
	"p\u00e4ssw\u00f6rt\u20ac'\tx",
	`"quoted"\\`,
}

// The admin tool's argument list never holds the password; it holds the
// argument file instead.
func TestInitialPasswordArgs(t *testing.T) {
	s, err := New(Options{Home: "home", Dist: "dist"})
	if err != nil {
		t.Fatal(err)
	}
	argFile := filepath.Join(s.Options().Home, "run", "initial-password-1.args")
	for _, pw := range awkwardPasswords {
		t.Run(pw, func(t *testing.T) {
			args := privateArgs("java", s.initialPasswordArgs(argFile))
			for _, a := range args {
				if strings.Contains(a, pw) {
					t.Fatalf("argument %q holds the password", a)
				}
			}
			if got := args[len(args)-1]; got != "@"+argFile {
				t.Fatalf("last argument = %q, want @%s", got, argFile)
			}
			if !strings.Contains(args[1], "umask 077") {
				t.Fatalf("java does not run under umask 077: %q", args[:3])
			}
		})
	}
}

func TestAtFileArg(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc", "\"abc\"\n"},
		{`a"b`, "\"a\\\"b\"\n"},
		{`a\b`, "\"a\\\\b\"\n"},
		{"a\nb\rc", "\"a\\nb\\rc\"\n"},
		{"@x #y", "\"@x #y\"\n"},
	} {
		if got := atFileArg(c.in); got != c.want {
			t.Errorf("atFileArg(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The real admin tool reads each awkward password back unchanged from the
// argument file: the auth file it writes holds that password's hash
// (SHA-256 over salt and password, iterated, as Neo4j 5 stores it). The
// argument file is gone afterwards. No server is started.
func TestSetInitialPasswordRealTool(t *testing.T) {
	needJava(t)
	if !Assembled(testDist()) {
		t.Skip("no assembled distribution (start a server test or `diplograph neo4j start` first)")
	}
	java, err := findJava(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range awkwardPasswords {
		t.Run(pw, func(t *testing.T) {
			s, err := New(Options{Home: testHome(t), Dist: testDist(), Password: pw, TestTuning: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.writeConfig(); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			if err := s.setInitialPassword(ctx, java, pw); err != nil {
				t.Fatal(err)
			}
			auth, err := os.ReadFile(filepath.Join(s.opt.Home, "data", "dbms", "auth.ini"))
			if err != nil {
				t.Fatal(err)
			}
			checkAuthHash(t, string(auth), pw)
			if left, _ := filepath.Glob(filepath.Join(s.opt.Home, "run", "*.args")); len(left) > 0 {
				t.Fatalf("argument files left behind: %v", left)
			}
		})
	}
}

// checkAuthHash checks a line "neo4j:SHA-256,<hash>,<salt>,<iterations>:".
func checkAuthHash(t *testing.T, auth, pw string) {
	t.Helper()
	parts := strings.Split(strings.TrimSpace(auth), ":")
	if len(parts) < 2 || parts[0] != User {
		t.Fatalf("auth file %q: want a line for %s", auth, User)
	}
	f := strings.Split(parts[1], ",")
	if len(f) != 4 || f[0] != "SHA-256" || f[3] != "1024" {
		t.Fatalf("auth file %q: unknown credential format (Neo4j changed it?)", auth)
	}
	salt, err := hex.DecodeString(f[2])
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(append(salt, pw...))
	for range 1023 {
		h = sha256.Sum256(h[:])
	}
	if hex.EncodeToString(h[:]) != f[1] {
		t.Fatalf("the auth file holds the hash of another password than %q", pw)
	}
}

// A real start of a home that an older version left world-readable: no
// process ever shows the password in its arguments, the server accepts the
// password, and afterwards nothing in the home (data, transaction logs,
// logs, conf, run, the password file) grants group or other any access.
func TestSecretsStayPrivate(t *testing.T) {
	needJava(t)
	home := testHome(t)
	pw := `@we"ird\ #pa ss`
	for _, d := range []string{"", "logs", "data"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range map[string]string{"password": pw + "\n", "logs/old.log": "old\n"} {
		if err := os.WriteFile(filepath.Join(home, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bolt, http := twoPorts(t)
	s, err := New(Options{Home: home, Dist: testDist(), BoltPort: bolt, HTTPPort: http,
		Heap: "512m", PageCache: "64m", DieWithParent: true, TestTuning: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop(context.Background(), 30*time.Second) })

	// Watch every process's arguments while the server starts.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var leaks []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			leaks = append(leaks, processesWith([]byte(pw))...)
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	started, err := s.Start(context.Background())
	close(stop)
	wg.Wait()
	if err != nil || !started {
		t.Fatalf("Start = %v, %v", started, err)
	}
	if len(leaks) > 0 {
		t.Errorf("the password was on the command line of: %v", leaks)
	}

	driver, err := neo4j.NewDriverWithContext(s.BoltURI(), neo4j.BasicAuth(User, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := driver.VerifyConnectivity(ctx); err != nil {
		t.Fatalf("log in with the stored password: %v", err)
	}
	// Make the server write: a transaction, so that transaction logs exist.
	if _, err := neo4j.ExecuteQuery(ctx, driver, "CREATE (:Probe)", nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}

	var open []string
	n := 0
	err = filepath.WalkDir(home, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n++
		if info.Mode()&fs.ModeSymlink == 0 && info.Mode().Perm()&0o077 != 0 {
			open = append(open, info.Mode().Perm().String()+" "+p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"password", "logs/old.log", "logs/console.log", "data/dbms/auth.ini", "data/transactions/neo4j", "conf/neo4j.conf"} {
		if _, err := os.Stat(filepath.Join(home, want)); err != nil {
			t.Errorf("expected %s in the home: %v", want, err)
		}
	}
	if len(open) > 0 {
		t.Errorf("%d of %d entries of the home are open to group or others:\n%s", len(open), n, strings.Join(open, "\n"))
	}
}

// processesWith lists the processes whose argument list contains secret.
func processesWith(secret []byte) []string {
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var out []string
	for _, f := range cmdlines {
		b, err := os.ReadFile(f)
		if err == nil && bytes.Contains(b, secret) {
			out = append(out, filepath.Base(filepath.Dir(f))+": "+string(bytes.ReplaceAll(b, []byte{0}, []byte{' '})))
		}
	}
	return out
}
