package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func parseString(name, s string, opts ParseOptions) (Article, error) {
	return ParseFile(name, strings.NewReader(s), opts)
}

// checkArticle verifies the invariants every successfully parsed file
// article must satisfy.
func checkArticle(t *testing.T, file []byte, a Article) {
	t.Helper()
	if a.TextOffset < 0 || a.TextOffset+len(a.Text) > len(file) || string(file[a.TextOffset:a.TextOffset+len(a.Text)]) != a.Text {
		t.Errorf("%s: Text is not file[TextOffset:TextOffset+len(Text)] (offset %d)", a.Origin, a.TextOffset)
	}
	if strings.TrimSpace(a.Text) != a.Text || a.Text == "" {
		t.Errorf("%s: Text is empty or not trimmed", a.Origin)
	}
	if (a.PublishedPrecision == "") != a.Published.IsZero() {
		t.Errorf("%s: precision %q inconsistent with Published %v", a.Origin, a.PublishedPrecision, a.Published)
	}
}

func TestParseFileGood(t *testing.T) {
	day := time.Date(2014, 6, 16, 0, 0, 0, 0, time.UTC)
	sec := time.Date(2025, 3, 14, 20, 30, 26, 0, time.UTC)
	def := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, file, in string
		opts           ParseOptions
		want           Article
	}{
		{
			name: "seed-like", file: "seeds/000.txt",
			in: "---\nsource: AFP\npublished: 2014-06-16\ntitle: US discussed Iraq\n---\nThe United States discussed.\nSecond paragraph.\n",
			want: Article{ID: "000", Source: "AFP", Title: "US discussed Iraq", Published: day, PublishedPrecision: "day",
				Text: "The United States discussed.\nSecond paragraph.", Origin: "seeds/000.txt"},
		},
		{
			name: "all fields, quoted id and date string", file: "a/b.md",
			in: "---\nid: \"6180015\"\nurl: https://example.org/x\nsource: Voice of America\npublished: \"2025-03-14 20:30:26Z\"\ntitle: \"Ankara: Defies\"\nauthor: ignored\ntags: [a, b]\n---\n\nBody.\n",
			want: Article{ID: "6180015", URL: "https://example.org/x", Source: "Voice of America", Title: "Ankara: Defies",
				Published: sec, PublishedPrecision: "second", Text: "Body.", Origin: "a/b.md"},
		},
		{
			name: "numeric id, RFC 3339 with zone", file: "x.txt",
			in:   "---\nid: 42\npublished: 2025-03-14T21:30:26+01:00\n---\nBody",
			want: Article{ID: "42", Published: sec, PublishedPrecision: "second", Text: "Body", Origin: "x.txt"},
		},
		{
			name: "local time without zone is UTC", file: "x.txt",
			in:   "---\npublished: 2025-03-14T20:30:26\n---\nBody",
			want: Article{ID: "x", Published: sec, PublishedPrecision: "second", Text: "Body", Origin: "x.txt"},
		},
		{
			name: "no front matter, default published", file: "dir/plain.md", opts: ParseOptions{DefaultPublished: def},
			in:   "  \n\nJust text.  \n",
			want: Article{ID: "plain", Published: def, PublishedPrecision: "day", Text: "Just text.", Origin: "dir/plain.md"},
		},
		{
			name: "no front matter, unknown date", file: "plain",
			in:   "Just text.",
			want: Article{ID: "plain", Text: "Just text.", Origin: "plain"},
		},
		{
			name: "front matter without published gets default", file: "x.md", opts: ParseOptions{DefaultPublished: sec},
			in:   "---\ntitle: T\n---\nText",
			want: Article{ID: "x", Title: "T", Published: sec, PublishedPrecision: "second", Text: "Text", Origin: "x.md"},
		},
		{
			name: "empty front matter, null published, dots closer", file: "x.md",
			in:   "---\npublished: ~\n...\nText",
			want: Article{ID: "x", Text: "Text", Origin: "x.md"},
		},
		{
			name: "CRLF and BOM", file: "win.txt",
			in:   "\ufeff---\r\ntitle: Win\r\npublished: 2014-06-16\r\n---\r\nLine one.\r\nLine two.\r\n",
			want: Article{ID: "win", Title: "Win", Published: day, PublishedPrecision: "day", Text: "Line one.\r\nLine two.", Origin: "win.txt"},
		},
		{
			name: "default id from the options", file: "coll/2014/001.md", opts: ParseOptions{DefaultID: "2014/001"},
			in:   "Text",
			want: Article{ID: "2014/001", Text: "Text", Origin: "coll/2014/001.md"},
		},
		{
			name: "front matter id beats the default id", file: "coll/2014/001.md", opts: ParseOptions{DefaultID: "2014/001"},
			in:   "---\nid: own\n---\nText",
			want: Article{ID: "own", Text: "Text", Origin: "coll/2014/001.md"},
		},
		{
			name: "dashes later in text are not front matter", file: "x.md",
			in:   "Text\n---\nmore",
			want: Article{ID: "x", Text: "Text\n---\nmore", Origin: "x.md"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseString(tc.file, tc.in, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, []byte(tc.in), a)
			if tc.want.Text != "" && tc.want.TextOffset == 0 && tc.want.Origin != "" {
				tc.want.TextOffset = strings.Index(tc.in, tc.want.Text)
			}
			if !a.Published.Equal(tc.want.Published) {
				t.Errorf("Published = %v, want %v", a.Published, tc.want.Published)
			}
			a.Published, tc.want.Published = time.Time{}, time.Time{}
			if a != tc.want {
				t.Errorf("got  %+v\nwant %+v", a, tc.want)
			}
		})
	}
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		name, file, in string
		opts           ParseOptions
		want           string // exact error message
		is             error
		line           int
		field          string
	}{
		{
			name: "unterminated front matter", file: "articles/x.md",
			in:   "---\ntitle: x\npublished: 2020-01-01\nText without closing line\n",
			want: `articles/x.md:1: front matter: no closing "---" line`, is: ErrUnterminatedFrontMatter, line: 1,
		},
		{
			name: "only an opening delimiter", file: "x.md", in: "---",
			want: `x.md:1: front matter: no closing "---" line`, is: ErrUnterminatedFrontMatter, line: 1,
		},
		{
			name: "bad date", file: "articles/x.md",
			in:   "---\ntitle: x\npublished: 13/2020\n---\nText\n",
			want: `articles/x.md:3: front matter: published: cannot parse "13/2020"`, is: ErrBadDate, line: 3, field: "published",
		},
		{
			name: "impossible date", file: "x.md",
			in:   "---\npublished: 2020-02-30\n---\nText\n",
			want: `x.md:2: front matter: published: cannot parse "2020-02-30"`, is: ErrBadDate, line: 2, field: "published",
		},
		{
			name: "bad YAML line is translated", file: "articles/y.md",
			in:   "---\ntitle: ok\nsource: AFP\nurl: [unclosed\n---\nText\n",
			want: `articles/y.md:4: front matter: YAML: did not find expected ',' or ']'`, is: ErrFrontMatter, line: 4,
		},
		{
			name: "bad YAML mapping", file: "y.md",
			in:   "---\ntitle: a: b: c\n---\nText\n",
			want: `y.md:2: front matter: YAML: mapping values are not allowed in this context`, is: ErrFrontMatter, line: 2,
		},
		{
			name: "YAML after BOM and CRLF", file: "y.md",
			in:   "\ufeff---\r\nid: 1\r\n  bad: indent\r\n---\r\nText\r\n",
			want: `y.md:3: front matter: YAML: mapping values are not allowed in this context`, is: ErrFrontMatter, line: 3,
		},
		{
			name: "front matter is a list", file: "y.md",
			in:   "---\n- a\n- b\n---\nText\n",
			want: `y.md:2: front matter: expected a mapping of fields, got a list`, is: ErrFrontMatter, line: 2,
		},
		{
			name: "title is a list", file: "y.md",
			in:   "---\nid: x\ntitle:\n  - a\n---\nText\n",
			want: `y.md:4: front matter: title: expected a single value, got a list`, is: ErrFrontMatter, line: 4, field: "title",
		},
		{
			name: "duplicate field", file: "y.md",
			in:   "---\ntitle: a\ntitle: b\n---\nText\n",
			want: `y.md:3: front matter: title: duplicate field`, is: ErrFrontMatter, line: 3, field: "title",
		},
		{
			name: "invalid UTF-8 in text", file: "u.txt",
			in:   "---\ntitle: x\n---\nfine\nbad \xff here\n",
			want: `u.txt:5: invalid UTF-8 (byte 0xff at offset 26)`, is: ErrInvalidUTF8, line: 5,
		},
		{
			name: "invalid UTF-8 in front matter", file: "u.txt",
			in:   "---\ntitle: caf\xc3\n---\nText\n",
			want: `u.txt:2: invalid UTF-8 (byte 0xc3 at offset 14)`, is: ErrInvalidUTF8, line: 2,
		},
		{
			name: "truncated UTF-8 at end", file: "u.txt", in: "Text \xe2\x80",
			want: `u.txt:1: invalid UTF-8 (byte 0xe2 at offset 5)`, is: ErrInvalidUTF8, line: 1,
		},
		{
			name: "empty text after front matter", file: "e.md",
			in:   "---\ntitle: x\n---\n\n   \n",
			want: `e.md:3: text: empty article text after front matter`, is: ErrEmptyText, line: 3, field: "text",
		},
		{
			name: "empty file", file: "e.md", in: "",
			want: `e.md:1: text: empty article text`, is: ErrEmptyText, line: 1, field: "text",
		},
		{
			name: "blank file", file: "e.md", in: "\n \t\n",
			want: `e.md:1: text: empty article text`, is: ErrEmptyText, line: 1, field: "text",
		},
		{
			name: "text larger than MaxBytes", file: "big.md", opts: ParseOptions{MaxBytes: 10},
			in:   "---\ntitle: x\n---\n\n0123456789A\n",
			want: `big.md:5: text: article too large: 11 bytes, limit 10`, is: ErrTooLarge, line: 5, field: "text",
		},
		{
			name: "file far larger than MaxBytes", file: "huge.md", opts: ParseOptions{MaxBytes: 10},
			in:   "---\ntitle: x\n---\n" + strings.Repeat("x", maxFrontMatter+20),
			want: `huge.md:4: text: article too large: more than 10 bytes`, is: ErrTooLarge, line: 4, field: "text",
		},
		{
			name: "NUL byte", file: "bin.dat",
			in:   "line one\nline\x00two\n",
			want: `bin.dat:2: NUL byte (binary content?)`, is: ErrBinary, line: 2,
		},
		{
			name: "binary content", file: "img.png",
			in:   "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			want: `img.png:1: invalid UTF-8 (byte 0x89 at offset 0)`, is: ErrInvalidUTF8, line: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseString(tc.file, tc.in, tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Errorf("error = %q\nwant    %q", err, tc.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error", err)
			}
			if e.File != tc.file || e.Line != tc.line || e.Field != tc.field {
				t.Errorf("Error{File:%q Line:%d Field:%q}, want {%q %d %q}", e.File, e.Line, e.Field, tc.file, tc.line, tc.field)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.is)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseFileReadError(t *testing.T) {
	_, err := ParseFile("f.txt", failingReader{}, ParseOptions{})
	if err == nil || err.Error() != "f.txt: disk on fire" || !errors.Is(err, ErrRead) {
		t.Fatalf("err = %v", err)
	}
}

func parseDir(t *testing.T, dir string) []Article {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []Article
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseFile(name, strings.NewReader(string(data)), ParseOptions{})
		if err != nil {
			t.Errorf("ParseFile: %v", err)
			continue
		}
		checkArticle(t, data, a)
		if a.Title == "" || a.Published.IsZero() || a.PublishedPrecision != PrecisionDay {
			t.Errorf("%s: missing title or day-precision date: %+v", name, a)
		}
		out = append(out, a)
	}
	return out
}

func TestParseSeeds(t *testing.T) {
	arts := parseDir(t, testdataPath(t, "eval", "seeds", "articles"))
	if len(arts) == 0 {
		t.Fatal("no seed articles")
	}
	for _, a := range arts {
		if a.Source == "" {
			t.Errorf("%s: no source", a.Origin)
		}
	}
}

func TestParseDevArticles(t *testing.T) {
	arts := parseDir(t, testdataPath(t, "eval", "dev", "articles"))
	if len(arts) != 40 {
		t.Errorf("parsed %d dev articles, want 40", len(arts))
	}
	for _, a := range arts {
		if a.ID != strings.TrimSuffix(filepath.Base(a.Origin), ".txt") {
			t.Errorf("%s: id %q does not match the file name", a.Origin, a.ID)
		}
		if a.URL == "" || a.Source == "" {
			t.Errorf("%s: missing url or source", a.Origin)
		}
	}
}
