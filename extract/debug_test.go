package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
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
	r := x.Extract(a)
	var b strings.Builder
	r.Text(&b)
	t.Log("\n" + b.String())
	for _, rel := range r.Relations {
		t.Logf("%s %s->%s neg=%v %s | %s", rel.Type, rel.SourceActor, rel.TargetActor, rel.Negated, rel.Modality, rel.Trigger)
	}
}
