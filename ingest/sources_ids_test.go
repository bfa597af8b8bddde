package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// Two configured sources whose files get the same default id would
// overwrite each other on every run: the second fails, naming both.
func TestReadSourcesIDClashAcrossSources(t *testing.T) {
	one, other := t.TempDir(), t.TempDir()
	write(t, one, "x.md", bare)
	write(t, other, "x.md", bare)
	write(t, other, "y.md", bare)
	var items []Item
	_, err := ReadSources(context.Background(), []SourceConfig{
		{Name: "one", Location: one}, {Name: "other", Location: other},
	}, SourceOptions{}, nil, func(it Item) error { items = append(items, it); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3: %+v", len(items), items)
	}
	if items[0].Err != nil || items[2].Err != nil {
		t.Fatalf("unexpected failures: %v, %v", items[0].Err, items[2].Err)
	}
	clash := items[1].Err
	if !errors.Is(clash, ErrDuplicateID) {
		t.Fatalf("second x.md: error %v, want ErrDuplicateID", clash)
	}
	for _, name := range []string{filepath.Join(one, "x.md"), filepath.Join(other, "x.md")} {
		if !strings.Contains(clash.Error(), name) {
			t.Errorf("error %q does not name %s", clash, name)
		}
	}
}
