package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/localserver"
)

// Exit codes, documented in `diplograph --help` and the README. This file is
// the one place where errors become exit codes.
const (
	exitOK          = 0
	exitError       = 1   // anything not listed below
	exitUsage       = 2   // wrong flags, arguments or configuration
	exitDatabase    = 3   // Neo4j unreachable, refused the login, or the local server failed to start
	exitSetup       = 4   // Java or Maven missing, the Neo4j distribution could not be assembled, or the graph needs a newer diplograph
	exitPartial     = 5   // the command ran, but some inputs failed (see its summary)
	exitInterrupted = 130 // SIGINT or SIGTERM
)

const exitCodesHelp = `Exit codes:
  0   success
  1   error
  2   usage: wrong flags, arguments or configuration
  3   database: Neo4j unreachable, login refused, or the local server failed to start
  4   setup: Java or Maven missing, the Neo4j distribution could not be assembled,
      or the graph was migrated by a newer diplograph
  5   partial: the command ran but some inputs failed (see its summary)
  130 interrupted (SIGINT or SIGTERM)`

// usageError marks errors in what the user typed.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// partialError: the command finished, but not every input succeeded.
type partialError struct{ failed, total int }

func (e partialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

// serverStartError: the local server did not come up.
type serverStartError struct{ err error }

func (e serverStartError) Error() string { return e.err.Error() }
func (e serverStartError) Unwrap() error { return e.err }

// exitCode prints err (if any) and returns the process exit code.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	code := classifyExit(err)
	if code != exitInterrupted {
		fmt.Fprintf(stderr, "diplograph: %v\n", err)
	} else {
		fmt.Fprintln(stderr, "diplograph: interrupted")
	}
	return code
}

func classifyExit(err error) int {
	var ue usageError
	var pe partialError
	var se serverStartError
	switch {
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown command "),
		errors.Is(err, graph.ErrCredentialsInURI):
		return exitUsage
	case errors.Is(err, localserver.ErrJavaMissing), errors.Is(err, localserver.ErrMavenMissing),
		errors.Is(err, localserver.ErrDownload), errors.Is(err, graph.ErrSchemaNewer):
		return exitSetup
	case errors.Is(err, graph.ErrUnavailable), errors.Is(err, graph.ErrAuth), errors.As(err, &se):
		return exitDatabase
	case errors.As(err, &pe):
		return exitPartial
	}
	return exitError
}
