package article

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// result is what one Next call produced, in a comparable form.
type result struct {
	id  string // article ID on success
	err string // error message on failure, "EOF" at the end
}

func readAll(jr *JSONLReader) []result {
	var out []result
	for range 1000 {
		a, err := jr.Next()
		switch {
		case err == io.EOF:
			return append(out, result{err: "EOF"})
		case err != nil:
			out = append(out, result{err: err.Error()})
		default:
			out = append(out, result{id: a.ID})
		}
	}
	return append(out, result{err: "too many calls"})
}

func TestJSONLErrorsContinue(t *testing.T) {
	lines := []string{
		/* 1 */ `{"id": "a", "text": "Alpha.", "published": "2025-03-14 20:30:26Z", "extra": [1, {"x": 2}]}`,
		/* 2 */ `{"id": "b", "text": "Beta.", "published": "13/2020"}`,
		/* 3 */ ``,
		/* 4 */ `{"id": "c", "text": "Gamma."`,
		/* 5 */ `{"text": "no id"}`,
		/* 6 */ `{"id": "e"}`,
		/* 7 */ `{"id": "f", "text": "   "}`,
		/* 8 */ "{\"id\": \"g\", \"text\": \"bad \xff byte\"}",
		/* 9 */ `{"id": "h", "text": "nul \u0000 byte"}`,
		/* 10 */ `[1, 2]`,
		/* 11 */ `{"id": 12, "text": "numeric id ok", "published": "2025-03-14"}`,
		/* 12 */ `{"id": "i", "text": 7}`,
		/* 13 */ `{"id": "j", "title": ["x"], "text": "t"}`,
		/* 14 */ `{"id": "k", "text": "too long for the limit"}`,
		/* 15 */ `  {"id": "l", "text": "Last, no newline."}`,
	}
	in := strings.Join(lines[:14], "\n") + "\r\n" + lines[14]
	jr := NewJSONLReader("voa.jsonl", strings.NewReader(in), ParseOptions{MaxBytes: 20})
	got := readAll(jr)
	want := []result{
		{id: "a"},
		{err: `voa.jsonl:2: published: cannot parse "13/2020"`},
		{err: `voa.jsonl:4: invalid JSON at column 28: unexpected end of JSON input`},
		{err: `voa.jsonl:5: id: missing`},
		{err: `voa.jsonl:6: text: missing`},
		{err: `voa.jsonl:7: text: empty article text`},
		{err: `voa.jsonl:8: invalid UTF-8 (byte 0xff at column 26)`},
		{err: `voa.jsonl:9: text: NUL byte (binary content?) at offset 4`},
		{err: `voa.jsonl:10: invalid JSON: expected an object, got array`},
		{id: "12"},
		{err: `voa.jsonl:12: text: expected a string, got a number`},
		{err: `voa.jsonl:13: title: expected a string, got an array`},
		{err: `voa.jsonl:14: text: article too large: 22 bytes, limit 20`},
		{id: "l"},
		{err: "EOF"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("result %d = %q, want %q", i, got[i], want[i])
		}
	}
	// EOF is sticky.
	if _, err := jr.Next(); err != io.EOF {
		t.Errorf("Next after EOF = %v", err)
	}
}

func TestJSONLSentinels(t *testing.T) {
	in := "{\"id\":\"x\",\"published\":\"nope\",\"text\":\"t\"}\n{oops\n{\"id\":\"x\"}\n\"\xc3\"\n"
	jr := NewJSONLReader("s.jsonl", strings.NewReader(in), ParseOptions{})
	for i, want := range []error{ErrBadDate, ErrJSON, ErrMissingField, ErrInvalidUTF8} {
		_, err := jr.Next()
		var e *Error
		if !errors.As(err, &e) || e.Line != i+1 || e.File != "s.jsonl" {
			t.Errorf("record %d: err = %#v, want *Error at line %d", i+1, err, i+1)
		}
		if !errors.Is(err, want) {
			t.Errorf("record %d: %v does not match %v", i+1, err, want)
		}
	}
}

func TestJSONLTooLongLineIsSkipped(t *testing.T) {
	long := `{"id": "long", "text": "` + strings.Repeat("x", 200<<10) + `"}`
	in := `{"id": "a", "text": "A."}` + "\n" + long + "\n" + `{"id": "b", "text": "B."}` + "\n"
	jr := NewJSONLReader("l.jsonl", strings.NewReader(in), ParseOptions{MaxBytes: 100})
	got := readAll(jr)
	want := []result{
		{id: "a"},
		{err: "l.jsonl:2: article too large: line longer than 65836 bytes"},
		{id: "b"},
		{err: "EOF"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("result %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// endlessReader yields the same JSON line forever, so that reading the
// whole input first would never finish.
type endlessReader struct {
	line []byte
	pos  int
	read int
}

func (r *endlessReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.line[r.pos:])
		n += c
		r.pos = (r.pos + c) % len(r.line)
	}
	r.read += n
	return n, nil
}

func TestJSONLStreams(t *testing.T) {
	r := &endlessReader{line: []byte(`{"id":"x","text":"Streaming works."}` + "\n")}
	jr := NewJSONLReader("endless.jsonl", r, ParseOptions{})
	for i := range 5000 {
		a, err := jr.Next()
		if err != nil || a.Text != "Streaming works." {
			t.Fatalf("record %d: %+v, %v", i, a, err)
		}
	}
	if jr.Line() != 5000 || r.read > 1<<20 {
		t.Errorf("line %d, read %d bytes", jr.Line(), r.read)
	}
}

type errAfterReader struct {
	r   io.Reader
	err error
}

func (e *errAfterReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err == io.EOF {
		return n, e.err
	}
	return n, err
}

func TestJSONLReadError(t *testing.T) {
	boom := errors.New("connection reset")
	jr := NewJSONLReader("net.jsonl", &errAfterReader{strings.NewReader(`{"id":"a","text":"A"}` + "\n"), boom}, ParseOptions{})
	if a, err := jr.Next(); err != nil || a.ID != "a" {
		t.Fatalf("first: %v", err)
	}
	for range 2 {
		_, err := jr.Next()
		if !errors.Is(err, boom) || !errors.Is(err, ErrRead) || err.Error() != "net.jsonl:1: connection reset" {
			t.Errorf("err = %v", err)
		}
	}
}

func TestJSONLVOA(t *testing.T) {
	name := testdataPath(t, "corpus", "voa", "voa_stories.jsonl")
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	jr := NewJSONLReader("voa_stories.jsonl", f, ParseOptions{})
	n := 0
	for {
		a, err := jr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Error(err)
			continue
		}
		n++
		if a.ID == "" || a.URL == "" || a.Title == "" || a.Text == "" || a.PublishedPrecision != PrecisionSecond || a.Published.Year() < 2000 {
			t.Errorf("%s: incomplete article: id=%q url=%q title=%q published=%v/%q", a.Origin, a.ID, a.URL, a.Title, a.Published, a.PublishedPrecision)
		}
		if a.Origin != "voa_stories.jsonl:"+itoa(jr.Line()) || a.TextOffset != 0 {
			t.Errorf("origin %q, offset %d", a.Origin, a.TextOffset)
		}
		if n == 1 {
			want := time.Date(2025, 3, 14, 20, 30, 26, 0, time.UTC)
			if a.ID != "8011115" || !a.Published.Equal(want) {
				t.Errorf("first story: id %q published %v", a.ID, a.Published)
			}
		}
	}
	if n != 89 {
		t.Errorf("read %d stories, want 89", n)
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestArticleJSON(t *testing.T) {
	day := Article{ID: "d", Published: time.Date(2014, 6, 16, 0, 0, 0, 0, time.UTC), PublishedPrecision: PrecisionDay, Text: "T", TextOffset: 5}
	sec := Article{ID: "s", Published: time.Date(2025, 3, 14, 20, 30, 26, 0, time.UTC), PublishedPrecision: PrecisionSecond, Text: "T", Origin: "v.jsonl:1"}
	none := Article{ID: "n", Text: "T"}
	tests := []struct {
		a    Article
		want string
	}{
		{day, `{"id":"d","published":"2014-06-16","published_precision":"day","text":"T","text_offset":5}`},
		{sec, `{"id":"s","published":"2025-03-14T20:30:26Z","published_precision":"second","text":"T","origin":"v.jsonl:1"}`},
		{none, `{"id":"n","text":"T"}`},
	}
	for _, tc := range tests {
		b, err := json.Marshal(tc.a)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.want {
			t.Errorf("Marshal = %s\nwant      %s", b, tc.want)
		}
		var back Article
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !back.Published.Equal(tc.a.Published) {
			t.Errorf("round trip published %v, want %v", back.Published, tc.a.Published)
		}
		back.Published, tc.a.Published = time.Time{}, time.Time{}
		if back != tc.a {
			t.Errorf("round trip %+v, want %+v", back, tc.a)
		}
	}
	var a Article
	if err := json.Unmarshal([]byte(`{"published":"2025-03-14 20:30:26Z"}`), &a); err != nil || a.PublishedPrecision != PrecisionSecond {
		t.Errorf("unmarshal: %+v %v", a, err)
	}
	if err := json.Unmarshal([]byte(`{"published":"yesterday"}`), &a); !errors.Is(err, ErrBadDate) {
		t.Errorf("bad date: %v", err)
	}
}
