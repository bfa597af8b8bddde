package graph

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMigrations(t *testing.T) {
	ok := "CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.b)"
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []int
		err   string
	}{
		{"ordered by number", fstest.MapFS{
			"s/0002_b.cypher": {Data: []byte(ok)},
			"s/0010_c.cypher": {Data: []byte(ok)},
			"s/0001_a.cypher": {Data: []byte(ok)},
			"s/README.md":     {Data: []byte("ignored")},
		}, []int{1, 2, 10}, ""},
		{"no number", fstest.MapFS{"s/index.cypher": {Data: []byte(ok)}}, nil, "s/index.cypher: name must start"},
		{"duplicate number", fstest.MapFS{
			"s/0001_a.cypher": {Data: []byte(ok)},
			"s/01_b.cypher":   {Data: []byte(ok)},
		}, nil, "version 1 already used"},
		{"two statements", fstest.MapFS{"s/0001_a.cypher": {Data: []byte(ok + ";\n" + ok)}}, nil, "s/0001_a.cypher: more than one statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := loadMigrations(tt.files, "s")
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.Version)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("versions = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("versions = %v, want %v", got, tt.want)
				}
			}
		})
	}
}
