package main

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/cmdutil"
)

// TestQueryParamsValidated checks that numeric query parameters are
// checked when they are parsed, before anything is sent: a bad value is a
// usage error naming the parameter and the value. The URI points at a
// closed port, so a value that slipped through would fail with exit 3.
func TestQueryParamsValidated(t *testing.T) {
	tests := []struct {
		name  string
		query string
		param string
		want  []string
	}{
		{"negative limit", "alliance-summary", "limit=-1", []string{"limit", "-1", "from 1"}},
		{"zero limit", "timeline", "limit=0", []string{"limit", "0"}},
		{"huge limit", "evidence", "limit=9223372036854775807", []string{"limit", "9223372036854775807"}},
		{"planned factor NaN", "alliance-summary", "planned_factor=NaN", []string{"planned_factor", "NaN", "finite"}},
		{"planned factor huge", "network", "planned_factor=1e308", []string{"planned_factor", "1e308", "from 0 to 1"}},
		{"planned factor infinite", "partners", "planned_factor=-Inf", []string{"planned_factor", "-Inf"}},
		{"min events negative", "alliance-summary", "min_events=-3", []string{"min_events", "-3"}},
		{"threshold NaN", "alliance-shifts", "threshold=NaN", []string{"threshold", "NaN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			isolate(t)
			t.Setenv("DIPLOGRAPH_NEO4J_URI", "bolt://127.0.0.1:1")
			t.Setenv("DIPLOGRAPH_NEO4J_CONNECT_TIMEOUT", "1s")
			args := []string{"query", tt.query, "-p", tt.param}
			if strings.HasPrefix(tt.query, "partners") {
				args = append(args, "-p", "a=USA")
			}
			_, errOut, code := runCLI(t, "", args...)
			if code != cmdutil.ExitUsage {
				t.Fatalf("exit %d, want %d: %s", code, cmdutil.ExitUsage, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}
