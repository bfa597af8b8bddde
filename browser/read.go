package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// ParseStyle reads a style sheet as Neo4j Browser 5 does (parseGrass in
// its source): selector { name: value; ... } with white space dropped from
// selectors, quotes (' or ") around values removed, braces inside quotes
// kept, and a declaration kept only when it has exactly one colon. Browser
// has no comment syntax: a comment would become part of the next selector.
// JSON of the same shape is read as JSON, as Browser does.
func ParseStyle(grass []byte) (map[string]map[string]string, error) {
	var asJSON map[string]map[string]string
	if json.Unmarshal(grass, &asJSON) == nil {
		return asJSON, nil
	}
	rules := map[string]string{}
	var order []string
	var sel, body strings.Builder
	inQuote, inRule, nested := false, false, false
	for _, c := range string(grass) {
		skip := true
		switch c {
		case '{':
			switch {
			case inQuote:
				skip = false
			case inRule:
				nested = true
			default:
				inRule = true
			}
		case '}':
			switch {
			case inQuote:
				skip = false
			case nested:
				nested = false
			default:
				inRule = false
				if _, seen := rules[sel.String()]; !seen {
					order = append(order, sel.String())
				}
				rules[sel.String()] = body.String()
				sel.Reset()
				body.Reset()
			}
		case '\'', '"':
			inQuote = !inQuote
		default:
			skip = false
		}
		if skip {
			continue
		}
		if inRule {
			body.WriteRune(c)
		} else if !strings.ContainsRune(" \t\n\r\f\v", c) {
			sel.WriteRune(c)
		}
	}
	if inRule || inQuote || strings.TrimSpace(sel.String()) != "" {
		return nil, fmt.Errorf("browser: style: unterminated rule or quote near %q", sel.String())
	}
	out := map[string]map[string]string{}
	for _, s := range order {
		props := map[string]string{}
		for _, decl := range strings.Split(rules[s], ";") {
			kv := strings.Split(decl, ":")
			if len(kv) == 2 {
				props[strings.TrimSpace(kv[0])] = strings.TrimSpace(kv[1])
			}
		}
		out[s] = props
	}
	return out, nil
}

// Slide is one slide of a guide as Browser shows it: its first heading and
// its runnable blocks, each as the text a click puts into the editor.
type Slide struct {
	Title  string
	Blocks []string
}

// Slides reads a guide's <slide> elements as Browser does; runnable blocks
// are pre elements with the class runnable or inside an element with it.
func Slides(guide []byte) ([]Slide, error) {
	doc, err := html.Parse(bytes.NewReader(guide))
	if err != nil {
		return nil, fmt.Errorf("browser: guide: %w", err)
	}
	var slides []Slide
	var walk func(n *html.Node, in int, runnable bool) // in: index of the slide n is in, or -1
	walk = func(n *html.Node, in int, runnable bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "slide":
				slides = append(slides, Slide{})
				in = len(slides) - 1
			case in >= 0 && slides[in].Title == "" && isHeading(n.Data):
				slides[in].Title = strings.TrimSpace(textContent(n))
			case in >= 0 && n.Data == "pre" && (runnable || hasClass(n, "runnable")):
				slides[in].Blocks = append(slides[in].Blocks, strings.TrimSpace(textContent(n)))
				return
			}
			runnable = runnable || hasClass(n, "runnable")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in, runnable)
		}
	}
	walk(doc, -1, false)
	return slides, nil
}

// Param is one ":param name => expression" command.
type Param struct{ Name, Expr string }

var paramCommand = regexp.MustCompile(`^:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)$`)

// ParamCommands reads a block of ":param name => expr" commands, one a
// line, separated by semicolons as Browser needs to run them as a script;
// ok is false when the block is anything else.
func ParamCommands(block string) (params []Param, ok bool) {
	lines := strings.Split(strings.TrimSpace(block), "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		last := i == len(lines)-1
		if !last && !strings.HasSuffix(line, ";") {
			return nil, false
		}
		m := paramCommand.FindStringSubmatch(strings.TrimSuffix(line, ";"))
		if m == nil {
			return nil, false
		}
		params = append(params, Param{Name: m[1], Expr: strings.TrimSpace(m[2])})
	}
	return params, len(params) > 0
}

// cypherParams lists the $parameters a Cypher block uses, each once, in
// order of first use; text in quotes and comments is left out.
func cypherParams(cypher string) []string {
	var names []string
	var quote rune
	rs := []rune(cypher)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote != 0 && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '/' && i+1 < len(rs) && rs[i+1] == '/':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case c == '$':
			j := i + 1
			for j < len(rs) && (rs[j] == '_' || rs[j] >= 'a' && rs[j] <= 'z' || rs[j] >= 'A' && rs[j] <= 'Z' || rs[j] >= '0' && rs[j] <= '9') {
				j++
			}
			if name := string(rs[i+1 : j]); name != "" && !slices.Contains(names, name) {
				names = append(names, name)
			}
			i = j - 1
		}
	}
	return names
}

func isHeading(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), class) {
			return true
		}
	}
	return false
}

func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textContent(c))
	}
	return b.String()
}
