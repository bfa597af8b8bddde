package testfiles

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPath(t *testing.T) {
	tests := []struct {
		elem []string
		dir  bool
	}{
		{[]string{"seeds"}, true},
		{[]string{"eval", "seeds", "articles"}, true},
		{[]string{"eval", "seeds", "gold"}, true},
		{[]string{"eval", "dev", "articles"}, true},
		{[]string{"eval", "dev", "gold"}, true},
		{[]string{"eval", "dev2", "articles"}, true},
		{[]string{"eval", "dev2", "gold"}, true},
		{[]string{"corpus", "voa", "voa_stories.jsonl"}, false},
	}
	for _, tc := range tests {
		t.Run(filepath.Join(tc.elem...), func(t *testing.T) {
			p := Path(t, tc.elem...)
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.IsDir() != tc.dir {
				t.Errorf("%s: directory %v, want %v", p, fi.IsDir(), tc.dir)
			}
			if !filepath.IsAbs(p) {
				t.Errorf("%s is not absolute", p)
			}
		})
	}
}

func TestRoot(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("no go.mod in %s: %v", root, err)
	}
}
