package localserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

//go:embed pom.xml
var pom []byte

// Versions that the embedded pom pins, for status output and documentation.
var (
	Neo4jVersion   = pomProperty("neo4j.version")
	BrowserVersion = pomProperty("browser.version")
	APOCVersion    = pomProperty("apoc.version")
)

func pomProperty(name string) string {
	m := regexp.MustCompile(`<` + regexp.QuoteMeta(name) + `>([^<]+)</`).FindSubmatch(pom)
	if m == nil {
		return ""
	}
	return string(m[1])
}

const markerName = ".assembled"

// Sentinel errors the command line maps to advice and exit codes.
var (
	ErrJavaMissing  = errors.New("java not found")
	ErrMavenMissing = errors.New("maven (mvn) not found")
	ErrDownload     = errors.New("assembling Neo4j from Maven Central failed")
)

func pomHash() string {
	sum := sha256.Sum256(pom)
	return hex.EncodeToString(sum[:])
}

// Assembled reports whether dist holds a distribution built from the
// embedded pom.
func Assembled(dist string) bool {
	b, err := os.ReadFile(filepath.Join(dist, markerName))
	if err != nil || strings.TrimSpace(string(b)) != pomHash() {
		return false
	}
	jars, _ := filepath.Glob(filepath.Join(dist, "lib", "neo4j-server-*.jar"))
	return len(jars) > 0
}

// Assemble builds the distribution in dist unless it is already there. It
// holds an exclusive file lock on dist while it works, so concurrent
// commands (or test binaries) assemble once. Maven's output goes to progress.
func Assemble(ctx context.Context, dist, maven string, progress io.Writer) error {
	if Assembled(dist) {
		return nil
	}
	if err := os.MkdirAll(dist, 0o700); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	unlock, err := LockFile(filepath.Join(dist, ".lock"), true)
	if err != nil {
		return err
	}
	defer unlock()
	if Assembled(dist) { // another process finished while we waited
		return nil
	}
	mvn, err := findMaven(maven)
	if err != nil {
		return err
	}
	if progress == nil {
		progress = io.Discard
	}
	fmt.Fprintf(progress, "Assembling Neo4j %s (with Browser %s, APOC %s) from Maven Central into %s ...\n",
		Neo4jVersion, BrowserVersion, APOCVersion, dist)

	work, err := os.MkdirTemp(dist, "assemble-")
	if err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	defer os.RemoveAll(work)
	pomPath := filepath.Join(work, "pom.xml")
	if err := os.WriteFile(pomPath, pom, 0o644); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	lib, plugins := filepath.Join(work, "lib"), filepath.Join(work, "plugins")
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, mvn, mavenArgs(pomPath, lib, plugins)...)
	cmd.Dir = work
	cmd.Env = mavenEnv(os.Environ())
	// One writer for both streams: os/exec then writes to it from one
	// goroutine at a time. Whatever escape codes Maven still sends are
	// dropped, so that progress and errors read plainly in a log.
	w := &plainWriter{w: io.MultiWriter(&out, progress)}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: %s: %v\n%s\nMaven needs to reach Maven Central (or a mirror set in ~/.m2/settings.xml)",
			ErrDownload, mvn, err, tail(out.String(), 20))
	}
	// Replace lib/ and plugins/ as a whole, then write the marker last: a
	// distribution without a matching marker is never used.
	_ = os.Remove(filepath.Join(dist, markerName))
	for _, d := range []string{"lib", "plugins"} {
		if err := os.RemoveAll(filepath.Join(dist, d)); err != nil {
			return fmt.Errorf("localserver: %w", err)
		}
		if err := os.Rename(filepath.Join(work, d), filepath.Join(dist, d)); err != nil {
			return fmt.Errorf("localserver: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(dist, "pom.xml"), pom, 0o644); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dist, markerName), []byte(pomHash()+"\n"), 0o644); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	return nil
}

// mavenArgs is the Maven command line that assembles the distribution from
// pomPath into lib and plugins: batch mode (no prompts, no progress
// meters), quiet (errors only), and no colours.
func mavenArgs(pomPath, lib, plugins string) []string {
	return []string{"--batch-mode", "--quiet", "-Dstyle.color=never", "--file", pomPath,
		"-Ddiplograph.lib=" + lib, "-Ddiplograph.plugins=" + plugins, "package"}
}

// mavenNoReset is added to MAVEN_OPTS. Maven 3.8 with Jansi 2 writes a
// reset code (ESC[0m) to a stream that is not a terminal even in batch
// mode with style.color=never; this JVM property stops it.
const mavenNoReset = "-Djansi.noreset=true"

// mavenEnv is environ for Maven: MAVEN_OPTS (the last one set, as os/exec
// would use) with mavenNoReset added, the rest unchanged.
func mavenEnv(environ []string) []string {
	env := make([]string, 0, len(environ)+1)
	opts := ""
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, "MAVEN_OPTS="); ok {
			opts = v
			continue
		}
		env = append(env, kv)
	}
	if !slices.Contains(strings.Fields(opts), mavenNoReset) {
		opts = strings.TrimSpace(opts + " " + mavenNoReset)
	}
	return append(env, "MAVEN_OPTS="+opts)
}

// plainWriter passes text on without ANSI escape sequences (ESC [ ...
// final byte; ESC, intermediate bytes, final byte), also when a sequence is
// split across writes. Write reports len(p) when the text was passed on.
type plainWriter struct {
	w     io.Writer
	state int // 0 text, 1 after ESC, 2 inside ESC [ ..., 3 after ESC and intermediates
}

func (pw *plainWriter) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p))
	for _, b := range p {
		switch pw.state {
		case 0:
			if b == 0x1b {
				pw.state = 1
				continue
			}
			out = append(out, b)
		case 1:
			switch {
			case b == '[':
				pw.state = 2
			case b >= 0x20 && b <= 0x2f:
				pw.state = 3
			default:
				pw.state = 0
			}
		case 2:
			if b >= 0x40 && b <= 0x7e {
				pw.state = 0
			}
		case 3:
			if b < 0x20 || b > 0x2f {
				pw.state = 0
			}
		}
	}
	if _, err := pw.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func findMaven(maven string) (string, error) {
	if maven == "" {
		maven = "mvn"
	}
	p, err := exec.LookPath(maven)
	if err != nil {
		return "", fmt.Errorf("%w (%q): install it with `apt-get install maven`, or set local.maven to its path", ErrMavenMissing, maven)
	}
	return p, nil
}

var javaVersionRE = regexp.MustCompile(`version "(\d+)(?:\.(\d+))?`)

// findJava locates java and checks that it is a version Neo4j 5.26 runs on
// (17 or newer).
func findJava(ctx context.Context, java string) (string, error) {
	if java == "" {
		if jh := os.Getenv("JAVA_HOME"); jh != "" {
			java = filepath.Join(jh, "bin", "java")
		} else {
			java = "java"
		}
	}
	p, err := exec.LookPath(java)
	if err != nil {
		return "", fmt.Errorf("%w (%q): install it with `apt-get install openjdk-17-jre-headless` (Java 17 or 21), or set local.java to its path", ErrJavaMissing, java)
	}
	out, err := exec.CommandContext(ctx, p, "-version").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("localserver: %s -version: %v: %s", p, err, tail(string(out), 5))
	}
	m := javaVersionRE.FindStringSubmatch(string(out))
	if m == nil {
		return p, nil // unknown vendor format: let the server decide
	}
	major, _ := strconv.Atoi(m[1])
	if major == 1 && m[2] != "" {
		major, _ = strconv.Atoi(m[2])
	}
	if major < 17 {
		return "", fmt.Errorf("localserver: %s is Java %d; Neo4j %s needs Java 17 or 21: `apt-get install openjdk-17-jre-headless`", p, major, Neo4jVersion)
	}
	return p, nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
