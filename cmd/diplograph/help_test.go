package main

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/config"
)

// The root's help shows the usage and the commands first; the
// configuration (every key) and the exit codes follow them. Other commands'
// help does not repeat the configuration.
func TestRootHelpCommandsBeforeConfiguration(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		root   bool   // the root's help, with the configuration after the commands
		header string // the command's own usage line
	}{
		{[]string{"--help"}, true, "diplograph [command]"},
		{[]string{"-h"}, true, "diplograph [command]"},
		{[]string{"help"}, true, "diplograph [command]"},
		{[]string{"ingest", "--help"}, false, "diplograph ingest [SOURCE ...]"},
		{[]string{"help", "ingest"}, false, "diplograph ingest [SOURCE ...]"},
		{[]string{"config", "--help"}, false, "diplograph config [command]"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			isolate(t)
			out, errOut, code := runCLI(t, "", tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			usage := strings.Index(out, "Usage:\n  "+tt.header)
			if usage < 0 {
				t.Fatalf("no usage line %q in\n%s", tt.header, out)
			}
			configAt := strings.Index(out, "Configuration: flag > environment > config file > default.")
			if !tt.root {
				if configAt >= 0 || strings.Contains(out, "Exit codes:") {
					t.Errorf("the help of %v repeats the root's configuration and exit codes", tt.args)
				}
				return
			}
			commands := strings.Index(out, "Available Commands:")
			if commands < usage {
				t.Fatalf("usage at %d, commands at %d: want the usage first, then the commands", usage, commands)
			}
			if configAt < commands {
				t.Errorf("configuration section at %d, commands at %d: want the commands first", configAt, commands)
			}
			if exit := strings.Index(out, "Exit codes:"); exit < commands {
				t.Errorf("exit codes at %d, commands at %d: want the commands first", exit, commands)
			}
			for _, s := range config.Registry {
				first := strings.Index(out, s.Key)
				switch {
				case first < 0:
					t.Errorf("the help does not name the key %s", s.Key)
				case first < commands:
					t.Errorf("the key %s appears at %d, before the commands at %d", s.Key, first, commands)
				}
				if !strings.Contains(out[configAt:], "\n  "+s.Key+" ") {
					t.Errorf("the configuration section has no row for %s", s.Key)
				}
			}
		})
	}
}
