package localserver

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Maven runs in batch mode, quietly and without colours, on the embedded
// pom, into the given directories.
func TestMavenArgs(t *testing.T) {
	args := mavenArgs("/w/pom.xml", "/w/lib", "/w/plugins")
	for _, tt := range []struct {
		want []string // consecutive arguments
		why  string
	}{
		{[]string{"--batch-mode"}, "no prompts, no download progress meters"},
		{[]string{"--quiet"}, "errors only"},
		{[]string{"-Dstyle.color=never"}, "no colours"},
		{[]string{"--file", "/w/pom.xml"}, "the embedded pom"},
		{[]string{"-Ddiplograph.lib=/w/lib"}, "the server's classpath"},
		{[]string{"-Ddiplograph.plugins=/w/plugins"}, "the plugins directory"},
	} {
		found := false
		for i := range args {
			if i+len(tt.want) <= len(args) && slices.Equal(args[i:i+len(tt.want)], tt.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("args %q lack %q (%s)", args, tt.want, tt.why)
		}
	}
	if args[len(args)-1] != "package" {
		t.Errorf("args %q: the phase, package, comes last", args)
	}
}

// MAVEN_OPTS gains the property that stops Jansi's reset codes; the
// user's own options and the rest of the environment stay.
func TestMavenEnv(t *testing.T) {
	for _, tt := range []struct {
		name    string
		environ []string
		want    []string
	}{
		{"no MAVEN_OPTS", []string{"PATH=/bin", "HOME=/h"},
			[]string{"PATH=/bin", "HOME=/h", "MAVEN_OPTS=-Djansi.noreset=true"}},
		{"empty MAVEN_OPTS", []string{"MAVEN_OPTS=", "PATH=/bin"},
			[]string{"PATH=/bin", "MAVEN_OPTS=-Djansi.noreset=true"}},
		{"the user's options kept", []string{"PATH=/bin", "MAVEN_OPTS=-Xmx1g -Duser.home=/h", "LANG=C"},
			[]string{"PATH=/bin", "LANG=C", "MAVEN_OPTS=-Xmx1g -Duser.home=/h -Djansi.noreset=true"}},
		{"already there", []string{"MAVEN_OPTS=-Djansi.noreset=true -Xmx1g"},
			[]string{"MAVEN_OPTS=-Djansi.noreset=true -Xmx1g"}},
		{"set twice: the last counts, as in os/exec", []string{"MAVEN_OPTS=-Xmx1g", "PATH=/bin", "MAVEN_OPTS=-Xmx2g"},
			[]string{"PATH=/bin", "MAVEN_OPTS=-Xmx2g -Djansi.noreset=true"}},
		{"a variable that only starts alike", []string{"MAVEN_OPTS_EXTRA=x"},
			[]string{"MAVEN_OPTS_EXTRA=x", "MAVEN_OPTS=-Djansi.noreset=true"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.environ)
			if got := mavenEnv(tt.environ); !slices.Equal(got, tt.want) {
				t.Errorf("mavenEnv(%q)\n got %q\nwant %q", tt.environ, got, tt.want)
			}
			if !slices.Equal(in, tt.environ) {
				t.Errorf("mavenEnv changed its argument to %q", tt.environ)
			}
		})
	}
}

// plainWriter drops escape sequences, also when one is split across
// writes, and passes everything else through.
func TestPlainWriter(t *testing.T) {
	for _, tt := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain text", []string{"[INFO] BUILD SUCCESS\n"}, "[INFO] BUILD SUCCESS\n"},
		{"Maven 3.8's resets", []string{"\x1b[0m\x1b[0m[ERROR] The build could not read 1 project\n"},
			"[ERROR] The build could not read 1 project\n"},
		{"colours with parameters", []string{"\x1b[1;31mERROR\x1b[m: \x1b[36mx\x1b[0m\n"}, "ERROR: x\n"},
		{"split after ESC", []string{"a\x1b", "[0mb\n"}, "ab\n"},
		{"split inside the parameters", []string{"a\x1b[1;", "31mb\x1b[", "m\n"}, "ab\n"},
		{"a two-byte sequence", []string{"a\x1b7b"}, "ab"},
		{"a charset designation", []string{"a\x1b(Bb"}, "ab"},
		{"brackets without ESC stay", []string{"[0m [WARNING]"}, "[0m [WARNING]"},
		{"nothing", []string{""}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			w := &plainWriter{w: &b}
			for _, s := range tt.writes {
				if n, err := w.Write([]byte(s)); err != nil || n != len(s) {
					t.Fatalf("Write(%q) = %d, %v", s, n, err)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// fakeMaven is a stand-in for mvn: it records its arguments and MAVEN_OPTS,
// writes coloured output as Maven does, and lays out a distribution in the
// directories it is given (or fails, with FAKE_MAVEN_FAIL set).
const fakeMaven = `#!/bin/sh
printf '%s\n' "$@" > "$FAKE_MAVEN_RECORD/args"
printf '%s\n' "$MAVEN_OPTS" > "$FAKE_MAVEN_RECORD/opts"
printf '\033[0m\033[0m[INFO] \033[1mfetching\033[m\n'
if [ -n "$FAKE_MAVEN_FAIL" ]; then
  printf '\033[1;31m[ERROR]\033[m Could not resolve dependencies\n' >&2
  exit 1
fi
for a; do
  case $a in
    -Ddiplograph.lib=*) lib=${a#-Ddiplograph.lib=} ;;
    -Ddiplograph.plugins=*) plugins=${a#-Ddiplograph.plugins=} ;;
  esac
done
mkdir -p "$lib" "$plugins" && : > "$lib/neo4j-server-0.jar"
`

// Assemble runs Maven with the arguments and environment above, and what
// Maven prints reaches the progress writer and the error without escape
// codes. No network: the Maven is a script.
func TestAssembleRunsMavenPlainly(t *testing.T) {
	for _, tt := range []struct {
		name string
		fail bool
	}{
		{"success", false},
		{"failure", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin, record, dist := t.TempDir(), t.TempDir(), t.TempDir()
			mvn := filepath.Join(bin, "mvn")
			if err := os.WriteFile(mvn, []byte(fakeMaven), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("FAKE_MAVEN_RECORD", record)
			t.Setenv("MAVEN_OPTS", "-Xmx256m")
			fail := ""
			if tt.fail {
				fail = "1"
			}
			t.Setenv("FAKE_MAVEN_FAIL", fail)
			var progress bytes.Buffer
			err := Assemble(context.Background(), dist, mvn, &progress)
			switch {
			case tt.fail && !errors.Is(err, ErrDownload):
				t.Fatalf("err = %v, want ErrDownload", err)
			case tt.fail && strings.Contains(err.Error(), "\x1b"):
				t.Errorf("the error carries escape codes: %q", err)
			case tt.fail && !strings.Contains(err.Error(), "[ERROR] Could not resolve dependencies"):
				t.Errorf("the error lacks Maven's message: %q", err)
			case !tt.fail && err != nil:
				t.Fatal(err)
			case !tt.fail && !Assembled(dist):
				t.Error("not assembled")
			}
			if strings.Contains(progress.String(), "\x1b") || !strings.Contains(progress.String(), "[INFO] fetching\n") {
				t.Errorf("progress %q: want Maven's output without escape codes", progress.String())
			}
			args, err := os.ReadFile(filepath.Join(record, "args"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"--batch-mode", "--quiet", "-Dstyle.color=never", "package"} {
				if !slices.Contains(strings.Split(strings.TrimSpace(string(args)), "\n"), want) {
					t.Errorf("Maven ran without %s: %q", want, args)
				}
			}
			opts, err := os.ReadFile(filepath.Join(record, "opts"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(opts)); got != "-Xmx256m -Djansi.noreset=true" {
				t.Errorf("MAVEN_OPTS = %q, want the user's and -Djansi.noreset=true", got)
			}
		})
	}
}

// The real Maven, offline with an empty repository, fails; its output
// reaches the error and the progress writer without escape codes. (Maven
// 3.8 writes ESC[0m even in batch mode with style.color=never.)
func TestAssembleRealMavenOutputPlain(t *testing.T) {
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
	if err := os.WriteFile(filepath.Join(userHome, ".m2", "settings.xml"), []byte(`<settings><offline>true</offline></settings>`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MAVEN_OPTS", "-Duser.home="+userHome)
	var progress bytes.Buffer
	err := Assemble(context.Background(), t.TempDir(), "", &progress)
	if !errors.Is(err, ErrDownload) {
		t.Fatalf("err = %v, want ErrDownload", err)
	}
	if strings.Contains(err.Error(), "\x1b") || strings.Contains(progress.String(), "\x1b") {
		t.Errorf("escape codes in Maven's output:\nerror %q\nprogress %q", err, progress.String())
	}
	if !strings.Contains(progress.String(), "[ERROR]") {
		t.Errorf("progress %q lacks Maven's errors", progress.String())
	}
}
