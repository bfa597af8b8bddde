// Package sharedtest locates the read-only material beside the repository
// (../shared: seed articles, gold annotations, the VOA corpus) for tests.
// Tests read it in place; it is never copied into the repository.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the ../shared directory next to the module root (the
// directory holding go.mod). When it is absent the test is skipped, except
// with CI=true, where it fails: CI must not pass by skipping.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("sharedtest: no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if fi, err := os.Stat(shared); err != nil || !fi.IsDir() {
		if os.Getenv("CI") == "true" {
			t.Fatalf("sharedtest: %s not found (CI=true, so this fails instead of skipping)", shared)
		}
		t.Skipf("sharedtest: %s not present", shared)
	}
	return shared
}

// Path joins elem to the shared directory.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{Dir(t)}, elem...)...)
}
