package article

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by [*Error]; test for them with [errors.Is].
var (
	ErrUnterminatedFrontMatter = errors.New(`no closing "---" line`)
	ErrFrontMatter             = errors.New("invalid front matter")
	ErrBadDate                 = errors.New("cannot parse date")
	ErrInvalidUTF8             = errors.New("invalid UTF-8")
	ErrBinary                  = errors.New("NUL byte (binary content?)")
	ErrEmptyText               = errors.New("empty article text")
	ErrTooLarge                = errors.New("article too large")
	ErrMissingField            = errors.New("missing")
	ErrJSON                    = errors.New("invalid JSON")
	// ErrRead marks a failure of the underlying reader (an I/O error, a
	// read that timed out): not a bad record, the rest of the input is
	// unreadable.
	ErrRead = errors.New("read failed")
)

// Error describes a problem with one input file or record.
type Error struct {
	File  string // file name as given to the parser
	Line  int    // 1-based line number, 0 when unknown
	Field string // field involved ("published", "text", ...), or ""
	Err   error  // the underlying error

	// section, when set, names the part of the file the error is in
	// ("front matter") and is written before Field.
	section string
}

// Error returns a message of the form
// "file:line: [front matter: ][field: ]cause".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.section != "" {
		b.WriteString(e.section)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown error")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// dateError reports an unparsable publication date; it matches ErrBadDate.
type dateError struct{ value string }

func (e *dateError) Error() string        { return "cannot parse " + strconv.Quote(e.value) }
func (e *dateError) Is(target error) bool { return target == ErrBadDate }

// causeError gives an error a message of our own while still wrapping the
// original error and matching a sentinel.
type causeError struct {
	msg      string
	sentinel error
	err      error
}

func (e *causeError) Error() string        { return e.msg }
func (e *causeError) Is(target error) bool { return target == e.sentinel }
func (e *causeError) Unwrap() error        { return e.err }

// readError wraps an error of the underlying reader so that it matches
// ErrRead while keeping its own message and cause.
func readError(err error) error {
	return &causeError{msg: err.Error(), sentinel: ErrRead, err: err}
}
