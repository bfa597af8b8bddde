package main

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

func TestCLIBrowser(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want []string
	}{
		{"local server", map[string]string{"DIPLOGRAPH_LOCAL_HTTP_PORT": "7499"}, nil, 0, []string{
			"http://127.0.0.1:7499/browser/", "User:     neo4j", "Password: in ",
			":style http://localhost:7475/diplograph.grass", ":play http://localhost:7475/guide.html",
			"diplograph browser --write DIR"}},
		{"configured server", map[string]string{"DIPLOGRAPH_NEO4J_URI": "neo4j+s://example.databases.neo4j.io"}, nil, 0, []string{
			"connect to neo4j+s://example.databases.neo4j.io as neo4j",
			":play http://localhost:7475/guide.html"}},
		{"bad port", nil, []string{"--serve", "--port", "70000"}, cmdutil.ExitUsage, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := isolate(t)
			t.Setenv("DIPLOGRAPH_LOCAL_HOME", filepath.Join(dir, "home"))
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			out, errOut, code := runCLI(t, "", append([]string{"browser"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCLIBrowserWrite(t *testing.T) {
	dir := isolate(t)
	out, errOut, code := runCLI(t, "", "browser", "--write", filepath.Join(dir, "b"))
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, name := range []string{"guide.html", "diplograph.grass", "diplograph-queries.zip"} {
		p := filepath.Join(dir, "b", name)
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
		if !strings.Contains(out, "wrote "+p) {
			t.Errorf("output does not name %s:\n%s", p, out)
		}
	}
}

func TestCLIBrowserServeBusyPort(t *testing.T) {
	isolate(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	_, errOut, code := runCLI(t, "", "browser", "--serve", "--port", port)
	if code != cmdutil.ExitError || !strings.Contains(errOut, "--port") {
		t.Errorf("exit %d, want %d with a hint to --port:\n%s", code, cmdutil.ExitError, errOut)
	}
}
