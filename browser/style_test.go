package browser

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/alliance"
)

func mustStyle(t *testing.T) map[string]map[string]string {
	t.Helper()
	rules, err := ParseStyle(Style())
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// importGrass is the other grass reader in Browser 5 (GraphStyleModel's
// parse, used when a style is restored): only ' quotes, and no nested
// braces. The style must read the same with both.
func importGrass(s string) map[string]map[string]string {
	bodies := map[string]string{}
	inQuote, inRule := false, false
	var sel, body strings.Builder
	for _, c := range s {
		skip := true
		switch c {
		case '{':
			if inQuote {
				skip = false
			} else {
				inRule = true
			}
		case '}':
			if inQuote {
				skip = false
			} else {
				inRule = false
				bodies[sel.String()] = body.String()
				sel.Reset()
				body.Reset()
			}
		case '\'':
			inQuote = !inQuote
		default:
			skip = false
		}
		if skip {
			continue
		}
		if inRule {
			body.WriteRune(c)
		} else if !strings.ContainsRune(" \t\n\r", c) {
			sel.WriteRune(c)
		}
	}
	out := map[string]map[string]string{}
	for k, b := range bodies {
		out[k] = map[string]string{}
		for _, d := range strings.Split(b, ";") {
			name, val, ok := strings.Cut(d, ":")
			if ok && strings.TrimSpace(name) != "" && strings.TrimSpace(val) != "" {
				out[k][strings.TrimSpace(name)] = strings.TrimSpace(val)
			}
		}
	}
	return out
}

func TestParseStyle(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]map[string]string
		wantErr  bool
	}{
		{"rule", "node.Country {\n  color: #4C8EDA;\n  caption: '{name}';\n}",
			map[string]map[string]string{"node.Country": {"color": "#4C8EDA", "caption": "{name}"}}, false},
		{"double quotes", `relationship { caption: "<type>" }`,
			map[string]map[string]string{"relationship": {"caption": "<type>"}}, false},
		{"two colons drop the declaration", "node { caption: 'a:b'; color: #FFFFFF }",
			map[string]map[string]string{"node": {"color": "#FFFFFF"}}, false},
		{"json", `{"node": {"color": "#FFFFFF"}}`,
			map[string]map[string]string{"node": {"color": "#FFFFFF"}}, false},
		{"comment joins the selector", "/* x */ node { color: #FFFFFF }",
			map[string]map[string]string{"/*x*/node": {"color": "#FFFFFF"}}, false},
		{"unterminated", "node { color: #FFFFFF", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseStyle([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && !equalRules(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func equalRules(a, b map[string]map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, pa := range a {
		pb, ok := b[k]
		if !ok || len(pa) != len(pb) {
			return false
		}
		for n, v := range pa {
			if pb[n] != v {
				return false
			}
		}
	}
	return true
}

// The style reads as Browser reads it: valid selectors, known properties,
// well-formed values, the base rules Browser needs (a loaded style replaces
// Browser's defaults entirely), and the same with Browser's other reader.
func TestStyleIsBrowserGrass(t *testing.T) {
	rules := mustStyle(t)
	again := importGrass(string(Style()))
	for sel := range rules {
		if !equalRules(map[string]map[string]string{sel: rules[sel]}, map[string]map[string]string{sel: again[sel]}) {
			t.Errorf("Browser's two readers disagree on %s: %v and %v", sel, rules[sel], again[sel])
		}
	}
	if len(again) != len(rules) {
		t.Errorf("Browser's two readers find %d and %d rules", len(rules), len(again))
	}
	selector := regexp.MustCompile(`^(node|relationship)(\.[A-Za-z_][A-Za-z0-9_]*)?$`)
	props := map[string]*regexp.Regexp{
		"color":               regexp.MustCompile(`^#[0-9A-F]{6}$`),
		"border-color":        regexp.MustCompile(`^#[0-9A-F]{6}$`),
		"text-color-internal": regexp.MustCompile(`^#[0-9A-F]{6}$`),
		"text-color-external": regexp.MustCompile(`^#[0-9A-F]{6}$`),
		"diameter":            regexp.MustCompile(`^[0-9]+px$`),
		"border-width":        regexp.MustCompile(`^[0-9]+px$`),
		"font-size":           regexp.MustCompile(`^[0-9]+px$`),
		"shaft-width":         regexp.MustCompile(`^[0-9]+px$`),
		"padding":             regexp.MustCompile(`^[0-9]+px$`),
		"caption":             regexp.MustCompile(`^(\{[a-z_]+\}|<type>|<id>)$`),
	}
	declarations := 0
	for _, line := range strings.Split(string(Style()), "\n") {
		if strings.Contains(line, ":") {
			declarations++
		}
	}
	got := 0
	for sel, ps := range rules {
		if !selector.MatchString(sel) {
			t.Errorf("selector %q is not node[.Label] or relationship[.TYPE]", sel)
		}
		for name, val := range ps {
			got++
			re, ok := props[name]
			if !ok {
				t.Errorf("%s: unknown property %q", sel, name)
			} else if !re.MatchString(val) {
				t.Errorf("%s: %s: %q does not match %s", sel, name, val, re)
			}
		}
	}
	if got != declarations {
		t.Errorf("%d declarations in the file, %d read by Browser's reader", declarations, got)
	}
	base := map[string][]string{
		"node":         {"diameter", "color", "border-color", "border-width", "text-color-internal", "font-size"},
		"relationship": {"color", "shaft-width", "font-size", "padding", "text-color-external", "text-color-internal", "caption"},
	}
	for sel, names := range base {
		for _, n := range names {
			if rules[sel][n] == "" {
				t.Errorf("base rule %s has no %s", sel, n)
			}
		}
	}
}

// graphLabelsAndTypes collects the node labels and relationship types the
// writer's and the schema's Cypher use.
func graphLabelsAndTypes(t *testing.T) (labels, types []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "graph", "cypher", "*.cypher"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no graph/cypher files: %v", err)
	}
	schema, _ := filepath.Glob(filepath.Join("..", "graph", "schema", "*.cypher"))
	labelRe := regexp.MustCompile(`\(\w*:([A-Z][A-Za-z]*)`)
	typeRe := regexp.MustCompile(`\[\w*:([A-Z_]+(?:\|[A-Z_]+)*)`)
	seen := map[string]bool{}
	for _, f := range append(files, schema...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range labelRe.FindAllStringSubmatch(string(b), -1) {
			if !seen["l"+m[1]] {
				seen["l"+m[1]] = true
				labels = append(labels, m[1])
			}
		}
		for _, m := range typeRe.FindAllStringSubmatch(string(b), -1) {
			for _, ty := range strings.Split(m[1], "|") {
				if !seen["t"+ty] {
					seen["t"+ty] = true
					types = append(types, ty)
				}
			}
		}
	}
	for ty := range alliance.DefaultWeights {
		if !seen["t"+ty] {
			seen["t"+ty] = true
			types = append(types, ty)
		}
	}
	sort.Strings(labels)
	sort.Strings(types)
	return labels, types
}

// bookkeeping labels are diplograph's own records, not part of the graph
// an analyst explores.
var bookkeeping = []string{"DiplographSchema", "DiplographLock", "IngestRun", "Feed", "Materialization", "DiplographWrites",
	"ShiftMarkers", "ShiftCount", "ShiftDirty"}

func TestStyleCoversGraph(t *testing.T) {
	rules := mustStyle(t)
	labels, types := graphLabelsAndTypes(t)
	// Organization is set dynamically ($(x.label)); the README names it.
	labels = append(labels, "Organization")
	for _, l := range labels {
		if slices.Contains(bookkeeping, l) {
			continue
		}
		r, ok := rules["node."+l]
		if !ok {
			t.Errorf("label %s has no rule node.%s", l, l)
			continue
		}
		want := "{name}"
		switch l {
		case "Article":
			want = "{title}"
		case "Report": // a report has no name: its relation type says what it is
			want = "{type}"
		}
		if r["caption"] != want {
			t.Errorf("node.%s caption = %q, want %q", l, r["caption"], want)
		}
		if r["color"] == "" {
			t.Errorf("node.%s has no color", l)
		}
	}
	if len(types) < len(alliance.DefaultWeights)+7 {
		t.Fatalf("found only relationship types %v", types)
	}
	for _, ty := range types {
		if rules["relationship."+ty]["color"] == "" {
			t.Errorf("relationship type %s has no rule relationship.%s with a color", ty, ty)
		}
	}
	// The entities an analyst tells apart have colours of their own.
	seen := map[string]string{}
	for _, l := range []string{"Country", "Organization", "Person", "Meeting", "Place", "Article"} {
		c := rules["node."+l]["color"]
		if other, dup := seen[c]; dup {
			t.Errorf("node.%s and node.%s share the color %s", l, other, c)
		}
		seen[c] = l
	}
	// Browser applies matching rules in order: a node that is both Actor
	// and Country must end up with the Country rule.
	order := regexp.MustCompile(`(?m)^(node\.[A-Za-z]+)`).FindAllString(string(Style()), -1)
	if slices.Index(order, "node.Actor") > slices.Index(order, "node.Country") ||
		slices.Index(order, "node.Actor") > slices.Index(order, "node.Organization") {
		t.Errorf("node.Actor must come before node.Country and node.Organization: %v", order)
	}
}

type rgb struct{ r, g, b int }

func parseColor(t *testing.T, s string) rgb {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		t.Fatalf("color %q is not #RRGGBB", s)
	}
	return rgb{int(v >> 16), int(v >> 8 & 0xFF), int(v & 0xFF)}
}

func (c rgb) luma() int { return 299*c.r + 587*c.g + 114*c.b }

// Relation types are coloured by polarity: cooperation green, darker for
// stronger; conflict orange to red, less green the more severe; the
// neutral types (weight 0: DEPLOYED_TO, REQUESTED) purple; structure grey.
func TestStylePolarity(t *testing.T) {
	rules := mustStyle(t)
	color := func(ty string) rgb { return parseColor(t, rules["relationship."+ty]["color"]) }
	var coop, conflict []string
	for ty, w := range alliance.DefaultWeights {
		c := color(ty)
		switch {
		case w > 0:
			coop = append(coop, ty)
			if !(c.g > c.r && c.g > c.b) {
				t.Errorf("%s (weight %v) is not green: %v", ty, w, c)
			}
		case w < 0:
			conflict = append(conflict, ty)
			if !(c.r > c.g && c.r > c.b) {
				t.Errorf("%s (weight %v) is not orange or red: %v", ty, w, c)
			}
		default:
			if !(c.b > c.g && c.r > c.g) {
				t.Errorf("%s (weight 0) is not purple: %v", ty, c)
			}
		}
	}
	w := alliance.DefaultWeights
	sort.Slice(coop, func(i, j int) bool { return w[coop[i]] < w[coop[j]] })
	for i := 1; i < len(coop); i++ {
		if color(coop[i]).luma() >= color(coop[i-1]).luma() {
			t.Errorf("%s (weight %v) is not darker than %s (weight %v)", coop[i], w[coop[i]], coop[i-1], w[coop[i-1]])
		}
	}
	sort.Slice(conflict, func(i, j int) bool { return w[conflict[i]] < w[conflict[j]] })
	for i := 1; i < len(conflict); i++ {
		if color(conflict[i]).g <= color(conflict[i-1]).g {
			t.Errorf("%s (weight %v) is not more orange than %s (weight %v)", conflict[i], w[conflict[i]], conflict[i-1], w[conflict[i-1]])
		}
	}
	_, types := graphLabelsAndTypes(t)
	for _, ty := range types {
		if _, scored := w[ty]; scored {
			continue
		}
		c := color(ty)
		if max(c.r, c.g, c.b)-min(c.r, c.g, c.b) > 0x20 {
			t.Errorf("structural type %s is not grey: %v", ty, c)
		}
	}
}
