package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JSONLReader reads articles from a JSON Lines stream, one JSON object
// per line. It reads incrementally and holds at most one line in memory;
// a line may be up to 3×MaxBytes+64 KiB long, enough for a text of
// MaxBytes bytes even when JSON escaping expands it.
//
// Blank lines are skipped. A JSONLReader is not safe for concurrent use.
type JSONLReader struct {
	name    string
	br      *bufio.Reader
	opts    ParseOptions
	maxLine int
	line    int
	buf     []byte
	err     error // sticky error from the underlying reader (or io.EOF)
}

// NewJSONLReader returns a reader of the articles in r. name is used in
// error messages and in Article.Origin ("name:line").
func NewJSONLReader(name string, r io.Reader, opts ParseOptions) *JSONLReader {
	return &JSONLReader{
		name:    name,
		br:      bufio.NewReaderSize(r, 64<<10),
		opts:    opts,
		maxLine: 3*opts.maxBytes() + 64<<10,
	}
}

// Line returns the number of the line last read (1-based).
func (jr *JSONLReader) Line() int { return jr.line }

// jsonlRecord holds the recognised fields of one line, undecoded.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"`
	URL       json.RawMessage `json:"url"`
	Source    json.RawMessage `json:"source"`
	Published json.RawMessage `json:"published"`
	Title     json.RawMessage `json:"title"`
	Text      json.RawMessage `json:"text"`
}

// Next returns the next article. At the end of the input it returns
// io.EOF. A malformed line yields an [*Error] naming the line; the
// following call continues with the next line, so callers may log and
// skip bad records. An error from the underlying reader is returned as
// an *Error too, matching [ErrRead], and repeated by every later call:
// a caller that skips bad records must stop on it.
func (jr *JSONLReader) Next() (Article, error) {
	for {
		if jr.err != nil {
			if jr.err == io.EOF {
				return Article{}, io.EOF
			}
			return Article{}, &Error{File: jr.name, Line: jr.line, Err: readError(jr.err)}
		}
		line, tooLong, err := jr.readLine()
		if err != nil && err != io.EOF {
			jr.err = err
			continue
		}
		if err == io.EOF {
			jr.err = io.EOF
			if line == nil && !tooLong {
				continue
			}
		}
		jr.line++
		if tooLong {
			return Article{}, &Error{File: jr.name, Line: jr.line,
				Err: fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, jr.maxLine)}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return jr.decode(line)
	}
}

// readLine reads one line without its line terminator. line is nil at
// the end of the input. When the line exceeds maxLine, the rest of it is
// discarded and tooLong is set.
func (jr *JSONLReader) readLine() (line []byte, tooLong bool, err error) {
	jr.buf = jr.buf[:0]
	read := false
	for {
		chunk, err := jr.br.ReadSlice('\n')
		if len(chunk) > 0 {
			read = true
		}
		if !tooLong {
			if len(jr.buf)+len(chunk) > jr.maxLine+1 {
				tooLong = true
				jr.buf = jr.buf[:0]
			} else {
				jr.buf = append(jr.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, false, err
		}
		if !read {
			return nil, false, err
		}
		l := bytes.TrimSuffix(jr.buf, []byte{'\n'})
		l = bytes.TrimSuffix(l, []byte{'\r'})
		if len(l) > jr.maxLine {
			tooLong = true
		}
		return l, tooLong, err
	}
}

// decode turns one non-blank line into an article.
func (jr *JSONLReader) decode(line []byte) (Article, error) {
	fail := func(field string, err error) (Article, error) {
		return Article{}, &Error{File: jr.name, Line: jr.line, Field: field, Err: err}
	}
	if !utf8.Valid(line) {
		off := 0
		for off < len(line) {
			r, size := utf8.DecodeRune(line[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return fail("", fmt.Errorf("%w (byte 0x%02x at column %d)", ErrInvalidUTF8, line[off], off+1))
	}
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		msg := err.Error()
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			msg = fmt.Sprintf("invalid JSON at column %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
		case errors.As(err, &te) && te.Field == "":
			msg = "invalid JSON: expected an object, got " + te.Value
		default:
			msg = "invalid JSON: " + strings.TrimPrefix(msg, "json: ")
		}
		return fail("", &causeError{msg: msg, sentinel: ErrJSON, err: err})
	}

	a := Article{Origin: jr.name + ":" + strconv.Itoa(jr.line)}
	fields := [...]struct {
		name string
		raw  json.RawMessage
		dst  *string
	}{
		{"id", rec.ID, &a.ID},
		{"url", rec.URL, &a.URL},
		{"source", rec.Source, &a.Source},
		{"title", rec.Title, &a.Title},
		{"text", rec.Text, &a.Text},
	}
	for _, f := range fields {
		s, _, err := jsonString(f.raw, f.name != "text")
		if err != nil {
			return fail(f.name, err)
		}
		*f.dst = s
	}
	if strings.TrimSpace(a.ID) == "" {
		return fail("id", ErrMissingField)
	}
	a.ID = strings.TrimSpace(a.ID)
	a.URL = strings.TrimSpace(a.URL)
	a.Source = strings.TrimSpace(a.Source)
	a.Title = strings.TrimSpace(a.Title)

	pub, set, err := jsonString(rec.Published, false)
	if err != nil {
		return fail("published", err)
	}
	if set && strings.TrimSpace(pub) != "" {
		t, prec, err := parsePublished(pub)
		if err != nil {
			return fail("published", err)
		}
		a.Published, a.PublishedPrecision = t, prec
	} else {
		a.Published, a.PublishedPrecision = jr.opts.defaultPublished()
	}

	if rec.Text == nil || string(rec.Text) == "null" {
		return fail("text", ErrMissingField)
	}
	if i := strings.IndexByte(a.Text, 0); i >= 0 {
		return fail("text", fmt.Errorf("%w at offset %d", ErrBinary, i))
	}
	a.Text = strings.TrimSpace(a.Text)
	if a.Text == "" {
		return fail("text", ErrEmptyText)
	}
	if max := jr.opts.maxBytes(); len(a.Text) > max {
		return fail("text", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(a.Text), max))
	}
	return a, nil
}

// jsonString decodes a JSON string. A missing value or null yields ""
// with set false. Numbers are accepted as their literal text when
// allowNumber is set (ids are sometimes numeric).
func jsonString(raw json.RawMessage, allowNumber bool) (s string, set bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false, nil
	}
	switch c := raw[0]; {
	case c == '"':
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false, &causeError{msg: "invalid string: " + err.Error(), sentinel: ErrJSON, err: err}
		}
		return s, true, nil
	case allowNumber && (c == '-' || (c >= '0' && c <= '9')):
		return string(raw), true, nil
	}
	return "", false, &causeError{msg: "expected a string, got " + jsonKind(raw[0]), sentinel: ErrJSON}
}

func jsonKind(c byte) string {
	switch {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return "invalid JSON"
}
