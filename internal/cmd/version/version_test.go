package versioncmd

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph/localserver"
	"github.com/diplograph/diplograph/internal/build"
	"github.com/diplograph/diplograph/internal/cmdutil"
)

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	cmd := NewCmd(&cmdutil.Factory{Out: &out}, nil)
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "diplograph "+build.String()+" ") ||
		lines[1] != "local Neo4j "+localserver.Neo4jVersion+" (Browser "+localserver.BrowserVersion+", APOC core "+localserver.APOCVersion+")" {
		t.Errorf("got\n%s", out.String())
	}
}

func TestVersionArgs(t *testing.T) {
	ran := false
	cmd := NewCmd(&cmdutil.Factory{}, func(context.Context, *Options) error { ran = true; return nil })
	cmd.SetArgs([]string{"extra"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil || ran {
		t.Errorf("an argument: err %v, ran %v; want an error before running", err, ran)
	}
}
