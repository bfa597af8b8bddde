package browser

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/queries"
)

// guideTemplate is the guide's text. Its slides call
//
//	{{template "query" (query "NAME" "param=value" ...)}}
//
// to show a predefined query: its description, a runnable block that sets
// every parameter (the given values, the defaults for the others) and a
// runnable block with the query's Cypher as it is in queries/NAME.cypher.
//
//go:embed guide.html.tmpl
var guideTemplate string

// queryBlocks is what a guide slide shows of one predefined query.
type queryBlocks struct {
	Name, Description string
	Params            string // ":param k => expr" lines, separated by semicolons
	Cypher            string
	Command           string // the same query with diplograph on the command line
}

// Guide renders the guide for the embedded queries.
func Guide() ([]byte, error) {
	qs, err := queries.All()
	if err != nil {
		return nil, fmt.Errorf("browser: %w", err)
	}
	return RenderGuide(qs)
}

// RenderGuide renders the guide for qs. A slide that names a query not in
// qs, or a parameter the query does not declare, is an error.
func RenderGuide(qs []queries.Query) ([]byte, error) {
	b, _, err := renderGuide(qs)
	return b, err
}

// renderGuide renders the guide and returns the queries its slides show,
// by name, with the parameter values they use.
func renderGuide(qs []queries.Query) ([]byte, map[string]queryBlocks, error) {
	byName := map[string]queries.Query{}
	for _, q := range qs {
		byName[q.Name] = q
	}
	shown := map[string]queryBlocks{}
	funcs := template.FuncMap{
		"query": func(name string, values ...string) (queryBlocks, error) {
			q, ok := byName[name]
			if !ok {
				return queryBlocks{}, fmt.Errorf("no query %q", name)
			}
			gq, err := guideQuery(q, values)
			if err != nil {
				return queryBlocks{}, err
			}
			if _, dup := shown[name]; !dup {
				shown[name] = gq
			}
			return gq, nil
		},
		"style": func() string { return strings.TrimSpace(string(style)) },
	}
	t, err := template.New(GuideFile).Funcs(funcs).Parse(guideTemplate)
	if err != nil {
		return nil, nil, fmt.Errorf("browser: guide: %w", err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, nil); err != nil {
		return nil, nil, fmt.Errorf("browser: guide: %w", err)
	}
	return buf.Bytes(), shown, nil
}

// guideQuery binds values ("name=value", in the types the query declares)
// over the query's defaults.
func guideQuery(q queries.Query, values []string) (queryBlocks, error) {
	raw := map[string]string{}
	cmd := []string{"diplograph query " + q.Name}
	for _, v := range values {
		k, val, ok := strings.Cut(v, "=")
		if !ok {
			return queryBlocks{}, fmt.Errorf("query %s: %q is not name=value", q.Name, v)
		}
		raw[k] = val
		cmd = append(cmd, "-p "+shellWord(k+"="+val))
	}
	block, err := paramBlock(q, raw)
	if err != nil {
		return queryBlocks{}, err
	}
	return queryBlocks{Name: q.Name, Description: q.Description, Params: block, Cypher: q.Cypher,
		Command: strings.Join(cmd, " ")}, nil
}

// paramBlock is one ":param name => expr" line per parameter of q, in the
// order the query declares them, with the values of raw or else the
// defaults, separated by semicolons so that Browser runs them as a script.
// Required parameters must be in raw.
func paramBlock(q queries.Query, raw map[string]string) (string, error) {
	bound, err := q.Bind(raw, nil)
	if err != nil {
		return "", fmt.Errorf("browser: %w", err)
	}
	var lines []string
	for _, p := range q.Params {
		expr, err := cypherLiteral(bound[p.Name])
		if err != nil {
			return "", fmt.Errorf("browser: query %s: parameter %s: %w", q.Name, p.Name, err)
		}
		if strings.HasPrefix(expr, "{") {
			// Browser reads ":param x => {" as the start of a map of
			// parameters, not as a map value: parenthesized, it is one.
			expr = "(" + expr + ")"
		}
		lines = append(lines, fmt.Sprintf(":param %s => %s", p.Name, expr))
	}
	return strings.Join(lines, ";\n"), nil
}

// cypherLiteral writes v as a Cypher expression of the same type.
func cypherLiteral(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'", nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s, nil
	case bool:
		return strconv.FormatBool(v), nil
	case dbtype.Date:
		return "date('" + time.Time(v).Format("2006-01-02") + "')", nil
	case map[string]any:
		keys := slices.Sorted(maps.Keys(v))
		parts := make([]string, len(keys))
		for i, k := range keys {
			val, err := cypherLiteral(v[k])
			if err != nil {
				return "", err
			}
			if !cypherName.MatchString(k) {
				k = "`" + strings.ReplaceAll(k, "`", "``") + "`"
			}
			parts[i] = k + ": " + val
		}
		return "{" + strings.Join(parts, ", ") + "}", nil
	}
	return "", fmt.Errorf("no Cypher literal for %T", v)
}

// cypherName is a map key Cypher takes without backquotes.
var cypherName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// shellWord quotes s for a POSIX shell when it needs it.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=_-.,:/") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
