package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract/segment"
)

// TestDebugText prints the actors and relations of $EXTRACT_TEXT.
func TestDebugText(t *testing.T) {
	text := os.Getenv("EXTRACT_TEXT")
	if text == "" {
		t.Skip("EXTRACT_TEXT not set")
	}
	x := testExtractor(t)
	day := os.Getenv("EXTRACT_DATE")
	if day == "" {
		day = "2020-06-15"
	}
	pub, _ := time.Parse("2006-01-02", day)
	a := article.Article{ID: "dbg", Text: text, Published: pub, PublishedPrecision: article.PrecisionDay}
	for _, m := range x.lex.Find(text) {
		t.Logf("mention %q kind=%v form=%v code=%s amb=%v", m.Text, m.Kind, m.Form, m.Code, m.Ambiguous)
	}
	if os.Getenv("EXTRACT_PARSE") != "" {
		x2 := *x
		x2.traceParse = func(s string) { t.Log(s) }
		x = &x2
	}
	r := x.Extract(a)
	var b strings.Builder
	r.Text(&b)
	t.Log("\n" + b.String())
	for _, rel := range r.Relations {
		t.Logf("%s %s->%s neg=%v %s | %s", rel.Type, rel.SourceActor, rel.TargetActor, rel.Negated, rel.Modality, rel.Trigger)
	}
}

// TestDebugArticle prints every sentence of the article file
// $EXTRACT_ARTICLE with its actors marked [CODE ...] and the relations
// found in it.
func TestDebugArticle(t *testing.T) {
	path := os.Getenv("EXTRACT_ARTICLE")
	if path == "" {
		t.Skip("EXTRACT_ARTICLE not set")
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.ParseFile(path, fh, article.ParseOptions{})
	fh.Close()
	if err != nil {
		t.Fatal(err)
	}
	x := testExtractor(t)
	r := x.Extract(a)
	var b strings.Builder
	dd := &doc{x: x, a: a, ents: map[string]*Entity{}, symSeen: map[string]int{}, pub: a.Published}
	dd.norm, dd.offs = segment.Normalize(a.Text)
	dd.readSentences(func() {
		for i, tk := range dd.toks {
			if ai := dd.at[i]; ai >= 0 && dd.actors[ai].t0 == i && dd.actors[ai].code != "" {
				ac := dd.actors[ai]
				flag := ""
				if ac.place {
					flag += "@"
				}
				if ac.adj {
					flag += "~"
				}
				if ac.person {
					flag += "p"
				}
				b.WriteString("[" + ac.code + flag + " ")
			}
			b.WriteString(tk.raw)
			if ai := dd.at[i]; ai >= 0 && dd.actors[ai].t1 == i+1 && dd.actors[ai].code != "" {
				b.WriteString("]")
			}
			b.WriteString(" ")
		}
		b.WriteString("\n")
		for _, rel := range r.Relations {
			if rel.Span == dd.osent {
				neg := ""
				if rel.Negated {
					neg = " NEG"
				}
				b.WriteString("   => " + rel.Type + " " + rel.SourceActor + "->" + rel.TargetActor + " " + rel.Modality + neg + " | " + rel.Trigger + "\n")
			}
		}
	})
	t.Log("\n" + b.String())
}

// TestDebugLines extracts each line of the file $EXTRACT_LINES as an
// article and prints its relations.
func TestDebugLines(t *testing.T) {
	path := os.Getenv("EXTRACT_LINES")
	if path == "" {
		t.Skip("EXTRACT_LINES not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		r := extractText(t, line, "2020-06-15")
		out.WriteString(line + "\n")
		for _, rel := range r.Relations {
			neg := ""
			if rel.Negated {
				neg = " NEG"
			}
			out.WriteString("   => " + rel.Type + " " + rel.SourceActor + "->" + rel.TargetActor + " " + rel.Modality + neg + " | " + rel.Trigger + "\n")
		}
	}
	t.Log("\n" + out.String())
}
