package graph

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

//go:embed cypher/*.cypher schema/*.cypher
var files embed.FS

// Statement is one Cypher statement loaded from a .cypher file.
type Statement struct {
	Name string // file name without extension
	Text string // the statement, comments removed
}

// ParseStatement reads one statement from the text of a .cypher file: line
// comments (//) are dropped, a trailing semicolon is allowed, and a second
// statement is an error.
func ParseStatement(name, src string) (Statement, error) {
	var b strings.Builder
	for line := range strings.Lines(src) {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		b.WriteString(line)
	}
	text := strings.TrimSpace(b.String())
	text = strings.TrimSpace(strings.TrimSuffix(text, ";"))
	if text == "" {
		return Statement{}, fmt.Errorf("graph: %s: no statement", name)
	}
	if i := strings.Index(text, ";"); i >= 0 && !inString(text, i) {
		return Statement{}, fmt.Errorf("graph: %s: more than one statement (a file holds exactly one)", name)
	}
	return Statement{Name: strings.TrimSuffix(path.Base(name), ".cypher"), Text: text}, nil
}

// inString reports whether byte i of s lies inside a quoted string.
func inString(s string, i int) bool {
	var quote byte
	for j := 0; j < i; j++ {
		c := s[j]
		switch {
		case quote != 0 && c == '\\':
			j++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '\'' || c == '"' || c == '`'):
			quote = c
		}
	}
	return quote != 0
}

// mustStatement loads an embedded statement; a missing or malformed file is
// a build defect, caught by the package tests.
func mustStatement(name string) Statement {
	st, err := loadStatement(files, "cypher/"+name+".cypher")
	if err != nil {
		panic(err)
	}
	return st
}

func loadStatement(fsys fs.FS, p string) (Statement, error) {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return Statement{}, fmt.Errorf("graph: %w", err)
	}
	return ParseStatement(p, string(b))
}
