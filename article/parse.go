package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxFrontMatter bounds the size of the front matter, which is read in
// addition to the MaxBytes allowed for the text.
const maxFrontMatter = 64 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ParseFile parses one text or Markdown article read from r. name is used
// for error messages, for Article.Origin and, without its directory and
// extension, as the default ID when opts.DefaultID is empty.
//
// The file may start with YAML front matter between two "---" lines (the
// closing line may also be "..."). Recognised fields are id, url, source,
// published and title; others are ignored. Without a published field the
// article gets opts.DefaultPublished. The remainder of the file, with
// surrounding white space removed, is the article text; a leading UTF-8
// byte order mark is skipped.
//
// All errors are of type [*Error].
func ParseFile(name string, r io.Reader, opts ParseOptions) (Article, error) {
	maxBytes := opts.maxBytes()
	limit := int64(maxBytes) + maxFrontMatter
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Article{}, &Error{File: name, Err: readError(err)}
	}
	truncated := int64(len(data)) > limit

	base := 0 // offset of data[0] in the original file
	if bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
		base = len(utf8BOM)
	}
	p := fileParser{name: name, data: data}

	fm, hasFM, fmLine, closeLine, textStart, ok := splitFrontMatter(data)
	if truncated {
		line := 1
		if hasFM && ok {
			line = closeLine + 1
		}
		return Article{}, &Error{File: name, Line: line, Field: "text",
			Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, maxBytes)}
	}
	if off, verr := checkBytes(data); verr != nil {
		return Article{}, &Error{File: name, Line: p.lineAt(off), Err: verr}
	}
	if hasFM && !ok {
		return Article{}, &Error{File: name, Line: fmLine, section: "front matter", Err: ErrUnterminatedFrontMatter}
	}

	a := Article{ID: opts.DefaultID, Origin: name}
	if a.ID == "" {
		a.ID = defaultID(name)
	}
	a.Published, a.PublishedPrecision = opts.defaultPublished()
	if hasFM {
		if err := p.frontMatter(fm, fmLine+1, &a); err != nil {
			return Article{}, err
		}
	}

	text := data[textStart:]
	// Unicode white space, as the JSON-lines reader trims it.
	lead := len(text) - len(bytes.TrimLeftFunc(text, unicode.IsSpace))
	text = bytes.TrimRightFunc(text[lead:], unicode.IsSpace)
	if len(text) == 0 {
		line := 1
		msg := ErrEmptyText
		if hasFM {
			line = closeLine
			msg = fmt.Errorf("%w after front matter", ErrEmptyText)
		}
		return Article{}, &Error{File: name, Line: line, Field: "text", Err: msg}
	}
	if len(text) > maxBytes {
		return Article{}, &Error{File: name, Line: p.lineAt(textStart + lead), Field: "text",
			Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), maxBytes)}
	}
	a.Text = string(text)
	a.TextOffset = base + textStart + lead
	return a, nil
}

// defaultID returns the base name of a file without its extension.
func defaultID(name string) string {
	b := filepath.Base(filepath.ToSlash(name))
	b = path.Base(b)
	if b == "." || b == "/" {
		return ""
	}
	return strings.TrimSuffix(b, path.Ext(b))
}

// splitFrontMatter finds YAML front matter at the start of data. hasFM
// reports whether data opens with a "---" line; ok whether the closing
// line was found. fmLine is the line of the opening delimiter, closeLine
// the line of the closing one, and textStart the offset after it.
func splitFrontMatter(data []byte) (fm []byte, hasFM bool, fmLine, closeLine, textStart int, ok bool) {
	first, rest, found := bytes.Cut(data, []byte{'\n'})
	if !isDelim(first, false) {
		return nil, false, 0, 0, 0, false
	}
	if !found {
		return nil, true, 1, 0, 0, false
	}
	off := len(first) + 1
	line := 2
	for len(rest) > 0 {
		l, r, nl := bytes.Cut(rest, []byte{'\n'})
		if isDelim(l, true) {
			end := off + len(l)
			if nl {
				end++
			}
			return data[len(first)+1 : off], true, 1, line, end, true
		}
		off += len(l)
		if nl {
			off++
		}
		rest = r
		line++
	}
	return nil, true, 1, 0, 0, false
}

// isDelim reports whether line is a front matter delimiter: "---", or
// also "..." when closing, followed only by blanks.
func isDelim(line []byte, closing bool) bool {
	l := bytes.TrimRight(line, " \t\r")
	return string(l) == "---" || (closing && string(l) == "...")
}

// checkBytes returns the offset and error of the first NUL byte or
// invalid UTF-8 sequence in data.
func checkBytes(data []byte) (int, error) {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return i, ErrBinary
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i, fmt.Errorf("%w (byte 0x%02x at offset %d)", ErrInvalidUTF8, c, i)
		}
		i += size
	}
	return 0, nil
}

type fileParser struct {
	name string
	data []byte
}

// lineAt returns the 1-based line number of byte offset off.
func (p *fileParser) lineAt(off int) int {
	off = min(max(off, 0), len(p.data))
	return 1 + bytes.Count(p.data[:off], []byte{'\n'})
}

// frontMatter decodes the YAML in fm, whose first line is file line
// firstLine, into a.
func (p *fileParser) frontMatter(fm []byte, firstLine int, a *Article) (err error) {
	fmErr := func(line int, field string, e error) error {
		return &Error{File: p.name, Line: line, Field: field, section: "front matter", Err: e}
	}
	// at turns a YAML line number into a file line number.
	yamlLines := yamlLineStarts(fm)
	at := func(yamlLine int) int {
		if yamlLine < 1 {
			return firstLine - 1
		}
		if yamlLine > len(yamlLines) {
			yamlLine = len(yamlLines)
		}
		return firstLine + yamlLines[yamlLine-1]
	}
	defer func() {
		// yaml.v3 is not supposed to panic, but never let malformed
		// input crash the caller.
		if r := recover(); r != nil {
			err = fmErr(firstLine-1, "", &causeError{msg: fmt.Sprintf("YAML parser failed: %v", r), sentinel: ErrFrontMatter})
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return fmErr(at(line), "", &causeError{msg: msg, sentinel: ErrFrontMatter, err: err})
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil // empty front matter
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return fmErr(at(root.Line), "", &causeError{msg: "expected a mapping of fields, got " + kindName(root), sentinel: ErrFrontMatter})
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		key := k.Value
		var dst *string
		switch key {
		case "id":
			dst = &a.ID
		case "url":
			dst = &a.URL
		case "source":
			dst = &a.Source
		case "title":
			dst = &a.Title
		case "published":
		default:
			continue
		}
		if seen[key] {
			return fmErr(at(k.Line), key, &causeError{msg: "duplicate field", sentinel: ErrFrontMatter})
		}
		seen[key] = true
		for n := 0; v.Kind == yaml.AliasNode && v.Alias != nil && n < 16; n++ {
			v = v.Alias
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return fmErr(at(v.Line), key, &causeError{msg: "expected a single value, got " + kindName(v), sentinel: ErrFrontMatter})
		}
		if dst != nil {
			*dst = strings.TrimSpace(v.Value)
			continue
		}
		t, prec, err := parsePublished(v.Value)
		if err != nil {
			return fmErr(at(v.Line), key, err)
		}
		a.Published, a.PublishedPrecision = t, prec
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// yamlParserProblems are the problems reported by yaml.v3's parser (as
// opposed to its scanner). yaml.v3 v3.0.1 prints the 0-based line of the
// construct being parsed for these, but the 1-based line for scanner
// errors, and leaves the line out entirely when the 0-based line is 0.
var yamlParserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found undefined tag handle":             true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlLineStarts maps each YAML line of fm (YAML ends a line at \n, \r\n
// and a lone \r) to the number of file lines (which end at \n only)
// before it, so that a YAML position names the right line of the file.
func yamlLineStarts(fm []byte) []int {
	starts := []int{0}
	fileLines := 0
	for i := 0; i < len(fm); i++ {
		switch fm[i] {
		case '\n':
			fileLines++
			starts = append(starts, fileLines)
		case '\r':
			if i+1 < len(fm) && fm[i+1] == '\n' {
				continue // the \n ends this line
			}
			starts = append(starts, fileLines)
		}
	}
	return starts
}

// yamlErrorLine extracts the 1-based line number from a yaml.v3 error
// message ("yaml: line 3: did not find expected key") and returns the
// message without the "yaml: line N: " prefix. This is best effort: the
// line is 0 when the message cannot be understood.
func yamlErrorLine(err error) (line int, msg string) {
	msg = err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil && n > 0 {
				if yamlParserProblems[after] {
					n++
				}
				return n, "YAML: " + after
			}
		}
	}
	if strings.HasPrefix(msg, "unmarshal errors") {
		return 0, "YAML: " + msg
	}
	return 1, "YAML: " + msg
}
