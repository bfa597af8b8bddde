package ingest

import (
	"testing"
	"time"

	"github.com/diplograph/diplograph/article"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/lexicon"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFacts(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := article.Article{ID: "003", Published: day("2014-06-16"), Text: "x"}
	res := extract.Result{
		Entities: []extract.Entity{
			{ID: "c:GBR", Kind: "country", Name: "Britain"},
			{ID: "c:IRN", Kind: "country", Name: "Iran"},
			{ID: "p:hague", Kind: "person", Name: "William Hague", Country: "GBR", Title: "foreign secretary"},
			{ID: "p:nobody", Kind: "person", Name: "An Analyst"}, // no office: not an official
			{ID: "pl:vienna", Kind: "place", Name: "Vienna", Country: "AUT"},
			{ID: "m:1", Kind: "meeting", Name: "phone call", Date: "2014-06-14", Participants: []string{"GBR", "IRN", "XXX"}},
		},
		Relations: []extract.Relation{
			{Type: "MET_WITH", Source: "p:hague", Target: "c:IRN", SourceActor: "GBR", TargetActor: "IRN", Date: "2014-06-14", DatePrecision: "day", Meeting: "m:1", Modality: "asserted"},
			{Type: "MET_WITH", Source: "c:IRN", Target: "c:GBR", SourceActor: "IRN", TargetActor: "GBR", Date: "2014-06-14", DatePrecision: "day", Modality: "asserted"}, // same event, other order
			{Type: "WARNED", SourceActor: "GBR", TargetActor: "GBR"},                                         // self: dropped
			{Type: "WARNED", SourceActor: "GBR", TargetActor: "XXX"},                                         // unknown actor: dropped
			{Type: "ACCUSED", SourceActor: "GBR", TargetActor: "ORG:Shiite militias", Date: "2014-06"},       // month precision
			{Type: "SANCTIONED", SourceActor: "GBR", TargetActor: "IRN", Date: "", DatePrecision: "unknown"}, // falls back to published
		},
	}
	f := Facts(a, res, lex, "v1")
	if len(f.Relations) != 3 {
		t.Fatalf("relations = %+v", f.Relations)
	}
	met := f.Relations[0]
	if met.SourcePerson != "william-hague@GBR" || met.Meeting != "003:m:1" || !met.Date.Equal(day("2014-06-14")) {
		t.Errorf("MET_WITH edge = %+v", met)
	}
	if acc := f.Relations[1]; acc.Target != "ORG:Shiite militias" || acc.DatePrecision != "month" || !acc.Date.Equal(day("2014-06-01")) {
		t.Errorf("ACCUSED edge = %+v", acc)
	}
	if s := f.Relations[2]; !s.Date.Equal(day("2014-06-16")) || s.DatePrecision != "day" {
		t.Errorf("SANCTIONED edge = %+v", s)
	}
	codes := map[string]bool{}
	for _, n := range f.Actors {
		codes[n.Code] = n.Country
	}
	if len(codes) != 4 || !codes["GBR"] || !codes["IRN"] || !codes["AUT"] || codes["ORG:Shiite militias"] {
		t.Errorf("actors = %+v", f.Actors)
	}
	if len(f.Persons) != 1 || f.Persons[0].Actor != "GBR" {
		t.Errorf("persons = %+v", f.Persons)
	}
	if len(f.Meetings) != 1 || f.Meetings[0].Kind != "phone call" || len(f.Meetings[0].Participants) != 2 ||
		len(f.Meetings[0].Persons) != 1 || f.Meetings[0].ID != "003:m:1" {
		t.Errorf("meetings = %+v", f.Meetings)
	}
	if f.Article.ContentHash != ArticleHash(a, "v1") {
		t.Error("the article's hash must be ArticleHash with the extractor's fingerprint")
	}
}

// Whatever the stored facts come from changes the article's hash, so that
// a corrected article, or a new extractor or dictionaries, is re-extracted;
// white space around the text and the time of day of the date do not.
func TestArticleHash(t *testing.T) {
	base := article.Article{ID: "a1", URL: "https://example.org/a1", Source: "VOA", Title: "Talks",
		Published: day("2014-06-16"), Text: "Britain met Iran."}
	cases := []struct {
		name        string
		change      func(*article.Article)
		fingerprint string
		same        bool
	}{
		{"text", func(a *article.Article) { a.Text = "Britain warned Iran." }, "v1", false},
		{"published date", func(a *article.Article) { a.Published = day("2014-06-17") }, "v1", false},
		{"no published date", func(a *article.Article) { a.Published = time.Time{} }, "v1", false},
		{"title", func(a *article.Article) { a.Title = "Talks in Vienna" }, "v1", false},
		{"URL", func(a *article.Article) { a.URL = "https://example.org/a1-corrected" }, "v1", false},
		{"source", func(a *article.Article) { a.Source = "Reuters" }, "v1", false},
		{"extractor or dictionaries", func(*article.Article) {}, "v2", false},
		{"text moved into the title", func(a *article.Article) { a.Title, a.Text = "Talks"+"Britain", " met Iran." }, "v1", false},
		{"white space around the text", func(a *article.Article) { a.Text = "\n" + a.Text + "  \n" }, "v1", true},
		{"time of day", func(a *article.Article) { a.Published = a.Published.Add(5 * time.Hour) }, "v1", true},
		{"id (the graph compares hashes under the id)", func(a *article.Article) { a.ID = "a2" }, "v1", true},
	}
	want := ArticleHash(base, "v1")
	for _, c := range cases {
		a := base
		c.change(&a)
		if got := ArticleHash(a, c.fingerprint); (got == want) != c.same {
			t.Errorf("%s: hash unchanged = %v, want %v", c.name, got == want, c.same)
		}
	}
}

// TestParseDate: a relation's date is read as package calendar reads
// query windows, keeping the extractor's precision when it gives one.
func TestParseDate(t *testing.T) {
	pub := time.Date(2014, 6, 20, 0, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		date, prec string
		published  time.Time
		want       time.Time
		wantPrec   string
	}{
		{"2014-06-14", "day", pub, day(2014, 6, 14), "day"},
		{"2014-06-09", "week", pub, day(2014, 6, 9), "week"},
		{"2014-06", "", pub, day(2014, 6, 1), "month"},
		{"2014", "unknown", pub, day(2014, 1, 1), "year"},
		{"1979", "year", pub, day(1979, 1, 1), "year"},
		{"", "", pub, pub, "day"},
		{"soon", "day", pub, pub, "day"},
		{"2014-02-30", "day", pub, pub, "day"},
		{"", "", time.Time{}, time.Time{}, "unknown"},
	}
	for _, tt := range tests {
		got, prec := parseDate(tt.date, tt.prec, tt.published)
		if !got.Equal(tt.want) || prec != tt.wantPrec {
			t.Errorf("parseDate(%q, %q) = %v %s, want %v %s", tt.date, tt.prec, got, prec, tt.want, tt.wantPrec)
		}
	}
}
