package cmdutil

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
)

func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		code int
	}{
		{nil, ExitOK},
		{errors.New("boom"), ExitError},
		{Usagef("bad flag"), ExitUsage},
		{fmt.Errorf("wrapped: %w", context.Canceled), ExitInterrupted},
		{fmt.Errorf("graph: %w", graph.ErrUnavailable), ExitDatabase},
		{fmt.Errorf("graph: %w", graph.ErrAuth), ExitDatabase},
		{fmt.Errorf("graph: schema version 40 is newer: %w", graph.ErrSchemaNewer), ExitSetup},
		{ServerStartError{Err: errors.New("exited")}, ExitDatabase},
		{fmt.Errorf("x: %w", localserver.ErrJavaMissing), ExitSetup},
		{fmt.Errorf("x: %w", localserver.ErrMavenMissing), ExitSetup},
		{fmt.Errorf("x: %w", localserver.ErrDownload), ExitSetup},
		{PartialError{Failed: 1, Total: 3}, ExitPartial},
		{fmt.Errorf("graph: bolt://u:xxxxx@h: %w", graph.ErrCredentialsInURI), ExitUsage},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if got := ExitCode(tt.err, &buf); got != tt.code {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.code)
		}
		if tt.err != nil && buf.Len() == 0 {
			t.Errorf("ExitCode(%v) printed nothing", tt.err)
		}
	}
}
