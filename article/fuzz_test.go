package article

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph/internal/testfiles"
)

// seedFiles returns the contents of the files of the module's testdata
// that match the pattern sub (joined with the path separator). Fuzzing
// starts from them and from the inline seeds; no matching file is an error.
func seedFiles(f *testing.F, sub ...string) [][]byte {
	f.Helper()
	root, err := testfiles.Root()
	if err != nil {
		f.Fatal(err)
	}
	pattern := filepath.Join(append([]string{root, "testdata"}, sub...)...)
	names, err := filepath.Glob(pattern)
	if err != nil || len(names) == 0 {
		f.Fatalf("no seed files match %s (%v)", pattern, err)
	}
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func FuzzParseFile(f *testing.F) {
	for _, b := range seedFiles(f, "eval", "seeds", "articles", "*.txt") {
		f.Add(b)
	}
	for _, s := range []string{
		"", "---", "---\n---\n", "---\ntitle: x\n---\nText",
		"---\npublished: 13/2020\n---\nx", "---\nurl: [\n---\nx",
		"\ufeff---\r\nid: 1\r\n---\r\nText\r\n", "a\x00b", "\xff", "---\n: :\n...\nx",
		"---\n&a [*a]\n---\nx", "---\ntitle: &a x\nid: *a\n---\ny",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz/in.md"
		a, err := ParseFile(name, bytes.NewReader(data), ParseOptions{MaxBytes: 1 << 16})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			if e.File != name || e.Line < 1 || e.Line > bytes.Count(data, []byte{'\n'})+1 {
				t.Fatalf("bad error location %q line %d", e.File, e.Line)
			}
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("message %q does not start with the file name", err)
			}
			return
		}
		if a.Text == "" || strings.TrimSpace(a.Text) != a.Text || !utf8.ValidString(a.Text) || strings.IndexByte(a.Text, 0) >= 0 {
			t.Fatalf("bad text %q", a.Text)
		}
		if a.TextOffset < 0 || a.TextOffset+len(a.Text) > len(data) || string(data[a.TextOffset:a.TextOffset+len(a.Text)]) != a.Text {
			t.Fatalf("TextOffset %d does not locate Text", a.TextOffset)
		}
		if (a.PublishedPrecision == "") != a.Published.IsZero() {
			t.Fatalf("precision %q with published %v", a.PublishedPrecision, a.Published)
		}
	})
}

func FuzzJSONL(f *testing.F) {
	for _, b := range seedFiles(f, "corpus", "voa", "voa_stories.jsonl") {
		// One line of the real corpus and a small multi-line sample.
		lines := bytes.SplitN(b, []byte{'\n'}, 4)
		f.Add(lines[0])
		if len(lines) > 2 {
			f.Add(bytes.Join(lines[:3], []byte{'\n'}))
		}
	}
	for _, s := range []string{
		"", "\n\n", `{"id":"a","text":"t"}`, "{\"id\":1,\"text\":\"t\"}\r\n{bad\n{\"id\":\"x\"}",
		`{"id":"a","text":"t","published":"2025-03-14 20:30:26Z"}`, `[]`, `null`, "\xff\n{}",
		`{"id":"a","text":"\u0000"}`, `{"id":{"x":1},"text":"t"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.jsonl"
		jr := NewJSONLReader(name, bytes.NewReader(data), ParseOptions{MaxBytes: 1 << 10})
		maxCalls := bytes.Count(data, []byte{'\n'}) + 2
		last := 0
		for call := 0; ; call++ {
			if call > maxCalls {
				t.Fatalf("more than %d calls without EOF", maxCalls)
			}
			a, err := jr.Next()
			if err == io.EOF {
				break
			}
			if jr.Line() <= last {
				t.Fatalf("line did not advance: %d after %d", jr.Line(), last)
			}
			last = jr.Line()
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.File != name || e.Line != last {
					t.Fatalf("bad error %#v (line %d)", err, last)
				}
				continue
			}
			if a.ID == "" || a.Text == "" || strings.TrimSpace(a.Text) != a.Text || len(a.Text) > 1<<10 || strings.IndexByte(a.Text, 0) >= 0 {
				t.Fatalf("bad article %+v", a)
			}
			if (a.PublishedPrecision == "") != a.Published.IsZero() {
				t.Fatalf("precision %q with published %v", a.PublishedPrecision, a.Published)
			}
		}
	})
}
