// Package testfiles locates the files tests read from the module's testdata
// directory (seed articles, evaluation sets with their gold annotations, the
// VOA corpus), wherever the test runs from inside the module, and compares
// golden files.
package testfiles

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the module root: the nearest directory holding go.mod, going
// up from the working directory (a test's working directory is its
// package's directory).
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("testfiles: working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("testfiles: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Path returns the path of testdata/elem... under the module root. The test
// fails (it never skips) when the module root or the file is missing: the
// files are part of the repository.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(append([]string{root, "testdata"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("testfiles: %v", err)
	}
	return p
}

// Golden compares got with the golden file at path or, with update (a
// test's -update flag), writes got there, creating its directory.
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (check, then run with -update):\n--- got\n%s--- want\n%s", path, got, want)
	}
}
