// Package cmdutil is what every command of diplograph shares: the Factory
// that gives a command its streams, its typed configuration, the database,
// the extractor and the options of an ingest; the errors a command returns
// and the one place where they become exit codes; and the output of rows
// (RowsOutput): a table fitted to the terminal with dates at their
// precision, typed JSON or CSV, cut to --limit with a notice when more
// rows exist.
package cmdutil

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
	ExitOK          = 0
	ExitError       = 1   // anything not listed below
	ExitUsage       = 2   // wrong flags, arguments or configuration
	ExitDatabase    = 3   // Neo4j unreachable, refused the login, or the local server failed to start
	ExitSetup       = 4   // Java or Maven missing, the Neo4j distribution could not be assembled, or the graph needs a newer diplograph
	ExitPartial     = 5   // the command ran, but some inputs failed (see its summary)
	ExitInterrupted = 130 // SIGINT or SIGTERM
)

// ExitCodesHelp is the exit-code table of the root command's help.
const ExitCodesHelp = `Exit codes:
  0   success
  1   error
  2   usage: wrong flags, arguments or configuration
  3   database: Neo4j unreachable, login refused, or the local server failed to start
  4   setup: Java or Maven missing, the Neo4j distribution could not be assembled,
      or the graph was migrated by a newer diplograph
  5   partial: the command ran but some inputs failed (see its summary)
  130 interrupted (SIGINT or SIGTERM)`

// UsageError marks errors in what the user typed: flags, arguments,
// configuration.
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }

// Usagef is a UsageError with a formatted message.
func Usagef(format string, a ...any) error { return UsageError{fmt.Errorf(format, a...)} }

// PartialError says the command finished, but not every input succeeded.
type PartialError struct{ Failed, Total int }

func (e PartialError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.Failed, e.Total)
}

// ServerStartError says the local server did not come up.
type ServerStartError struct{ Err error }

func (e ServerStartError) Error() string { return e.Err.Error() }
func (e ServerStartError) Unwrap() error { return e.Err }

// StartError keeps setup errors (Java, Maven, download) and interruptions
// distinct from a server that would not start.
func StartError(err error) error {
	if c := Classify(err); c == ExitSetup || c == ExitInterrupted {
		return err
	}
	return ServerStartError{err}
}

// ExitCode prints err (if any) on stderr and returns the process exit code.
func ExitCode(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	code := Classify(err)
	if code != ExitInterrupted {
		fmt.Fprintf(stderr, "diplograph: %v\n", err)
	} else {
		fmt.Fprintln(stderr, "diplograph: interrupted")
	}
	return code
}

// Classify is the exit code of err: the one place errors become exit codes.
func Classify(err error) int {
	var ue UsageError
	var pe PartialError
	var se ServerStartError
	switch {
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown command "),
		errors.Is(err, graph.ErrCredentialsInURI):
		return ExitUsage
	case errors.Is(err, localserver.ErrJavaMissing), errors.Is(err, localserver.ErrMavenMissing),
		errors.Is(err, localserver.ErrDownload), errors.Is(err, graph.ErrSchemaNewer):
		return ExitSetup
	case errors.Is(err, graph.ErrUnavailable), errors.Is(err, graph.ErrAuth), errors.As(err, &se):
		return ExitDatabase
	case errors.As(err, &pe):
		return ExitPartial
	}
	return ExitError
}
