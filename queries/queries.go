// Package queries holds diplograph's predefined Cypher queries, one
// statement per .cypher file in this directory, embedded in the binary.
//
// Each file starts with a header of line comments:
//
//	// name: alliance-timeline
//	// description: one line shown by `diplograph query list`
//	// param: a country - what it is
//	// param: from date = 1900-01-01 - what it is
//
// A param line is NAME TYPE [= DEFAULT] [- HELP]; a param without a default
// is required. Types: string, int, float, bool, date (YYYY-MM-DD, YYYY-MM or
// YYYY), country (a state's name, alias or code, resolved to its ISO alpha-3
// code by the caller's resolver; an empty default means "any state"),
// enum(a|b|c) and map (TYPE:NUMBER pairs separated by commas, such as
// MET_WITH:2.5,WARNED:-4, bound as a map of names to floats: the relation
// weights, $weights). The statement uses the
// parameters as $NAME only: values are never spliced into Cypher text.
//
// A query with a limit parameter returns, as its last column, total: the
// number of rows before the cut, the same in every row. A result was cut
// when it has fewer rows than total (a limit of 0 returns no row, so no
// total either).
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/calendar"
)

//go:embed *.cypher
var files embed.FS

// Param is one declared parameter of a query.
type Param struct {
	Name, Type, Default, Help string
	Required                  bool
	Enum                      []string // for enum types
}

// Query is one predefined query.
type Query struct {
	Name, Description string
	Params            []Param
	Cypher            string // the statement without its header
	File              string
}

// All returns the embedded queries sorted by name.
func All() ([]Query, error) { return Load(files) }

// Load reads every .cypher file at the root of fsys.
func Load(fsys fs.FS) ([]Query, error) {
	names, err := fs.Glob(fsys, "*.cypher")
	if err != nil {
		return nil, err
	}
	var qs []Query
	seen := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("queries: %w", err)
		}
		q, err := Parse(n, string(b))
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[q.Name]; dup {
			return nil, fmt.Errorf("queries: %s: name %q already used by %s", n, q.Name, prev)
		}
		seen[q.Name] = n
		qs = append(qs, q)
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].Name < qs[j].Name })
	return qs, nil
}

// Get returns the embedded query called name.
func Get(name string) (Query, error) {
	qs, err := All()
	if err != nil {
		return Query{}, err
	}
	var names []string
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return Query{}, fmt.Errorf("queries: no query %q (have: %s)", name, strings.Join(names, ", "))
}

var paramTypes = map[string]bool{"string": true, "int": true, "float": true, "bool": true, "date": true, "country": true, "map": true}

// Parse reads a query file: header, then exactly one statement.
func Parse(file, src string) (Query, error) {
	q := Query{File: file}
	var body []string
	lineNo := 0
	inHeader := true
	for line := range strings.Lines(src) {
		lineNo++
		trimmed := strings.TrimSpace(line)
		if inHeader && strings.HasPrefix(trimmed, "//") {
			key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(trimmed, "//")), ":")
			if !ok {
				continue
			}
			val = strings.TrimSpace(val)
			switch strings.TrimSpace(key) {
			case "name":
				q.Name = val
			case "description":
				q.Description = val
			case "param":
				p, err := parseParam(val)
				if err != nil {
					return Query{}, fmt.Errorf("queries: %s:%d: %w", file, lineNo, err)
				}
				q.Params = append(q.Params, p)
			}
			continue
		}
		if trimmed != "" {
			inHeader = false
		}
		if !strings.HasPrefix(trimmed, "//") {
			body = append(body, strings.TrimRight(line, "\n"))
		}
	}
	q.Cypher = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.Join(body, "\n")), ";"))
	switch {
	case q.Name == "":
		return Query{}, fmt.Errorf("queries: %s: header has no '// name:' line", file)
	case q.Description == "":
		return Query{}, fmt.Errorf("queries: %s: header has no '// description:' line", file)
	case q.Cypher == "":
		return Query{}, fmt.Errorf("queries: %s: no statement", file)
	case strings.Contains(q.Cypher, ";"):
		return Query{}, fmt.Errorf("queries: %s: more than one statement", file)
	}
	for _, p := range q.Params {
		if !strings.Contains(q.Cypher, "$"+p.Name) {
			return Query{}, fmt.Errorf("queries: %s: parameter %s is declared but not used", file, p.Name)
		}
	}
	return q, nil
}

// parseParam reads "NAME TYPE [= DEFAULT] [- HELP]".
func parseParam(s string) (Param, error) {
	var p Param
	spec, help, _ := strings.Cut(s, " - ")
	p.Help = strings.TrimSpace(help)
	spec, def, hasDef := strings.Cut(spec, "=")
	fields := strings.Fields(spec)
	if len(fields) != 2 {
		return p, fmt.Errorf("param %q: want NAME TYPE [= DEFAULT] [- HELP]", s)
	}
	p.Name, p.Type = fields[0], fields[1]
	if strings.HasPrefix(p.Type, "enum(") && strings.HasSuffix(p.Type, ")") {
		p.Enum = strings.Split(strings.TrimSuffix(strings.TrimPrefix(p.Type, "enum("), ")"), "|")
		p.Type = "enum"
	} else if !paramTypes[p.Type] {
		return p, fmt.Errorf("param %s: unknown type %q", p.Name, p.Type)
	}
	if hasDef {
		p.Default = strings.TrimSpace(def)
		if _, err := convert(p, p.Default, nil); err != nil {
			return p, fmt.Errorf("param %s: default: %w", p.Name, err)
		}
	} else {
		p.Required = true
	}
	return p, nil
}

// Resolver turns a state's name, alias or code into its ISO alpha-3 code.
type Resolver func(string) (string, error)

// Bind checks raw values against the query's parameters, converts them to
// their types, resolves countries and fills in defaults.
func (q Query) Bind(raw map[string]string, resolve Resolver) (map[string]any, error) {
	out := make(map[string]any, len(q.Params))
	known := map[string]bool{}
	for _, p := range q.Params {
		known[p.Name] = true
		v, given := raw[p.Name]
		if !given {
			if p.Required {
				return nil, fmt.Errorf("query %s: parameter %s (%s) is required", q.Name, p.Name, p.Type)
			}
			v = p.Default
		}
		val, err := convert(p, v, resolve)
		if err != nil {
			return nil, fmt.Errorf("query %s: parameter %s: %w", q.Name, p.Name, err)
		}
		out[p.Name] = val
	}
	var unknown []string
	for k := range raw {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		var names []string
		for _, p := range q.Params {
			names = append(names, p.Name)
		}
		return nil, fmt.Errorf("query %s: unknown parameter %s (parameters: %s)", q.Name, strings.Join(unknown, ", "), strings.Join(names, ", "))
	}
	return out, nil
}

func convert(p Param, v string, resolve Resolver) (any, error) {
	switch p.Type {
	case "string":
		return v, nil
	case "int":
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a whole number", v)
		}
		return n, nil
	case "float":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", v)
		}
		return f, nil
	case "bool":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("%q is not true or false", v)
		}
		return b, nil
	case "date":
		if p.Name == "to" {
			return ParseEndDate(v)
		}
		return ParseDate(v)
	case "enum":
		for _, e := range p.Enum {
			if v == e {
				return v, nil
			}
		}
		return nil, fmt.Errorf("%q is not one of %s", v, strings.Join(p.Enum, ", "))
	case "map":
		return ParseMap(v)
	case "country":
		if v == "" {
			return "", nil // an optional country left empty means any
		}
		if resolve == nil {
			return v, nil
		}
		return resolve(v)
	}
	return nil, fmt.Errorf("unknown type %q", p.Type)
}

// ParseDate reads a date as package calendar does (YYYY-MM-DD, YYYY-MM or
// YYYY) as a Neo4j date: its first day, so the first of the month or of
// January. A window's end is read with ParseEndDate.
func ParseDate(v string) (dbtype.Date, error) {
	d, err := calendar.Parse(v)
	return dbtype.Date(d.First), err
}

// ParseEndDate reads the last day of a window: YYYY-MM-DD, YYYY-MM (the
// last day of the month) or YYYY (the 31st of December), so that
// from=2014 to=2014 is the whole year.
func ParseEndDate(v string) (dbtype.Date, error) {
	d, err := calendar.Parse(v)
	return dbtype.Date(d.Last()), err
}

// ParseMap reads a map param: NAME:NUMBER pairs separated by commas
// ("MET_WITH:2.5,WARNED:-4"; spaces around them are ignored, "" is the
// empty map) as a map of names to float64, the form a Cypher map
// parameter takes.
func ParseMap(v string) (map[string]any, error) {
	m := map[string]any{}
	if strings.TrimSpace(v) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(v, ",") {
		k, num, ok := strings.Cut(pair, ":")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("%q is not NAME:NUMBER", strings.TrimSpace(pair))
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("%s: %q is not a number", k, strings.TrimSpace(num))
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("%s is given twice", k)
		}
		m[k] = f
	}
	return m, nil
}

// FormatMap writes m as ParseMap reads it, keys sorted.
func FormatMap(m map[string]float64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ":" + strconv.FormatFloat(m[k], 'g', -1, 64)
	}
	return strings.Join(parts, ",")
}
