package browser

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/queries"
)

func mustGuide(t *testing.T) ([]byte, []Slide) {
	t.Helper()
	g, err := Guide()
	if err != nil {
		t.Fatal(err)
	}
	slides, err := Slides(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(slides) < 5 {
		t.Fatalf("%d slides", len(slides))
	}
	return g, slides
}

func mustQueries(t *testing.T) []queries.Query {
	t.Helper()
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// The guide is well-formed: it reads as strict XML (every element closed,
// attributes quoted, only numeric or XML entities), so no browser repairs
// it differently, and every slide has a title.
func TestGuideWellFormed(t *testing.T) {
	g, slides := mustGuide(t)
	d := xml.NewDecoder(bytes.NewReader(g))
	d.Strict = true
	var stack []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("guide is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed elements %v", stack)
	}
	if !bytes.Contains(g, []byte(`<article class="guide">`)) || bytes.Count(g, []byte("<slide ")) != len(slides) {
		t.Errorf("guide is not an article of slides")
	}
	for i, s := range slides {
		if s.Title == "" {
			t.Errorf("slide %d has no heading", i+1)
		}
		if i == 0 && s.Title != "diplograph: alliances between states" {
			t.Errorf("first slide is %q", s.Title)
		}
	}
}

// Browser strips script elements, on* attributes and javascript: links
// from a guide (cleanHtml in its source); the guide must have none of them,
// or runnable text would be cut.
func TestGuideSurvivesBrowserSanitizer(t *testing.T) {
	g, _ := mustGuide(t)
	onAttr := regexp.MustCompile(`(?i)(\s+(on[^\s=]+)[^\s=]*\s*=\s*("[^"]*"|'[^']*'|[\w\-.:]+\s*))`)
	if m := onAttr.Find(g); m != nil {
		t.Errorf("Browser would strip %q", m)
	}
	for _, bad := range []string{"<script", "javascript:"} {
		if bytes.Contains(bytes.ToLower(g), []byte(bad)) {
			t.Errorf("guide contains %q", bad)
		}
	}
}

// Every predefined query has a slide with a runnable block holding exactly
// its Cypher, after a block that sets its parameters.
func TestGuideCoversQueries(t *testing.T) {
	_, slides := mustGuide(t)
	for _, q := range mustQueries(t) {
		t.Run(q.Name, func(t *testing.T) {
			for _, s := range slides {
				i := slices.Index(s.Blocks, q.Cypher)
				if i < 0 {
					continue
				}
				if i == 0 {
					t.Fatalf("slide %q: no parameter block before the query", s.Title)
				}
				params, ok := ParamCommands(s.Blocks[i-1])
				if !ok {
					t.Fatalf("slide %q: block before the query is not :param commands:\n%s", s.Title, s.Blocks[i-1])
				}
				var names []string
				for _, p := range params {
					names = append(names, p.Name)
				}
				for _, p := range q.Params {
					if !slices.Contains(names, p.Name) {
						t.Errorf("slide %q does not set %s", s.Title, p.Name)
					}
				}
				return
			}
			t.Errorf("no slide runs %s", q.Name)
		})
	}
}

// Every Cypher block uses only parameters that its slide sets with :param,
// and every runnable block is a command Browser knows or Cypher.
func TestGuideParams(t *testing.T) {
	_, slides := mustGuide(t)
	for _, s := range slides {
		set := map[string]bool{}
		for _, b := range s.Blocks {
			if params, ok := ParamCommands(b); ok {
				for _, p := range params {
					set[p.Name] = true
				}
			}
		}
		for _, b := range s.Blocks {
			if _, ok := ParamCommands(b); ok {
				continue
			}
			if strings.HasPrefix(b, ":") {
				if cmd := strings.Fields(b)[0]; cmd != ":style" && cmd != ":params" {
					t.Errorf("slide %q: unexpected command %s", s.Title, cmd)
				}
				continue
			}
			for _, p := range cypherParams(b) {
				if !set[p] {
					t.Errorf("slide %q: $%s is not set with :param on the slide:\n%s", s.Title, p, b)
				}
			}
		}
	}
}

// The guide carries the style, runnable with :style, for when it is loaded
// without the style's URL.
func TestGuideInlineStyle(t *testing.T) {
	_, slides := mustGuide(t)
	want := ":style\n" + strings.TrimSpace(string(Style()))
	for _, s := range slides {
		if slices.Contains(s.Blocks, want) {
			return
		}
	}
	t.Error("no slide has the style as a :style block")
}

func TestParamCommands(t *testing.T) {
	tests := []struct {
		block string
		want  []Param
		ok    bool
	}{
		{":param a => 'USA'", []Param{{"a", "'USA'"}}, true},
		{":param a => 'USA';\n:param from => date('2014-01-01')", []Param{{"a", "'USA'"}, {"from", "date('2014-01-01')"}}, true},
		{":param a => 'USA'\n:param b => 'IRN'", nil, false}, // Browser would read one command
		{":param a: 'USA'", nil, false},
		{"MATCH (n) RETURN n", nil, false},
		{":params", nil, false},
	}
	for _, tt := range tests {
		got, ok := ParamCommands(tt.block)
		if ok != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("ParamCommands(%q) = %v, %v; want %v, %v", tt.block, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCypherParams(t *testing.T) {
	tests := []struct {
		cypher string
		want   []string
	}{
		{"MATCH (c {code: $a})-[r]-(o) WHERE r.date >= $from AND r.date <= $to AND $a <> ''", []string{"a", "from", "to"}},
		{"RETURN '$not' AS x, \"$no\" AS y // $comment\nRETURN $yes", []string{"yes"}},
		{"RETURN 1", nil},
	}
	for _, tt := range tests {
		if got := cypherParams(tt.cypher); !slices.Equal(got, tt.want) {
			t.Errorf("cypherParams(%q) = %v, want %v", tt.cypher, got, tt.want)
		}
	}
}

func TestCypherLiteral(t *testing.T) {
	d, _ := queries.ParseDate("2014-06-01")
	tests := []struct {
		in   any
		want string
	}{
		{"USA", "'USA'"},
		{"it's", `'it\'s'`},
		{`a\b`, `'a\\b'`},
		{int64(50), "50"},
		{0.5, "0.5"},
		{1.0, "1.0"},
		{true, "true"},
		{d, "date('2014-06-01')"},
		{map[string]any{"WARNED": -4.0, "MET_WITH": 2.5, "a b": int64(1)}, "{MET_WITH: 2.5, WARNED: -4.0, `a b`: 1}"},
		{map[string]any{}, "{}"},
	}
	for _, tt := range tests {
		got, err := cypherLiteral(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("cypherLiteral(%#v) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := cypherLiteral(dbtype.Duration{}); err == nil {
		t.Error("a duration has no literal here; want an error")
	}
}

func TestRenderGuideErrors(t *testing.T) {
	qs := mustQueries(t)
	if _, err := RenderGuide(qs[1:]); err == nil || !strings.Contains(err.Error(), qs[0].Name) {
		t.Errorf("guide without query %s: err = %v", qs[0].Name, err)
	}
	q := qs[0]
	if _, err := guideQuery(q, []string{"nosuch=1"}); err == nil {
		t.Error("unknown parameter: want an error")
	}
	if _, err := guideQuery(q, []string{"novalue"}); err == nil {
		t.Error("value without name=: want an error")
	}
}

// The favourites zip holds one script per query in the folder diplograph,
// named by its first line, that sets every parameter the query uses and
// ends with the query.
func TestFavorites(t *testing.T) {
	qs := mustQueries(t)
	b, err := Favorites(qs)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(qs) {
		t.Fatalf("%d files for %d queries", len(zr.File), len(qs))
	}
	for i, f := range zr.File {
		q := qs[i]
		if f.Name != "diplograph/"+q.Name+".cypher" {
			t.Errorf("file %s, want diplograph/%s.cypher", f.Name, q.Name)
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		text := string(body)
		if first, _, _ := strings.Cut(text, "\n"); first != "// "+q.Name {
			t.Errorf("%s: first line %q", f.Name, first)
		}
		if !strings.HasSuffix(text, q.Cypher+"\n") {
			t.Errorf("%s does not end with the query", f.Name)
		}
		var params []string
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, ":param ") {
				if !strings.HasSuffix(line, ";") {
					t.Errorf("%s: %q does not end with ';'", f.Name, line)
				}
				ps, ok := ParamCommands(strings.TrimSuffix(line, ";"))
				if !ok {
					t.Errorf("%s: %q", f.Name, line)
					continue
				}
				params = append(params, ps[0].Name)
			}
		}
		for _, p := range cypherParams(q.Cypher) {
			if !slices.Contains(params, p) {
				t.Errorf("%s does not set $%s", f.Name, p)
			}
		}
	}
	again, _ := Favorites(qs)
	if !bytes.Equal(b, again) {
		t.Error("the zip differs from run to run")
	}
}
