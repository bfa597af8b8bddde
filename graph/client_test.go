package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// TestOpenHidesPasswordInURI checks that a password written into the URI
// never shows in an error: such a URI is refused, and the refusal shows it
// redacted. The port is closed, so nothing is sent anywhere.
func TestOpenHidesPasswordInURI(t *testing.T) {
	tests := []struct{ uri, shown string }{
		{"bolt://neo4j:s3cret@127.0.0.1:1", "bolt://neo4j:xxxxx@127.0.0.1:1"},
		{"neo4j://alice:s3cret@127.0.0.1:1/", "neo4j://alice:xxxxx@127.0.0.1:1/"},
		{"bolt://neo4j:s3cret@127.0.0.1:bad", "bolt://neo4j:xxxxx@127.0.0.1:bad"}, // not even a valid URL
		{"bolt://:s3cret@127.0.0.1:1", "bolt://:xxxxx@127.0.0.1:1"},
		{"bolt://u:s3c/ret@127.0.0.1:1", "bolt://u:xxxxx@127.0.0.1:1"},
		{"bolt://neo4j@127.0.0.1:1", "bolt://neo4j@127.0.0.1:1"}, // a user alone is refused too
	}
	for _, tt := range tests {
		t.Run(tt.uri, func(t *testing.T) {
			c, err := graph.Open(context.Background(), graph.Config{URI: tt.uri, User: "neo4j", Password: "other"})
			if err == nil {
				c.Close(context.Background())
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, graph.ErrCredentialsInURI) || strings.Contains(err.Error(), "s3c") ||
				!strings.Contains(err.Error(), tt.shown) {
				t.Fatalf("error %q: want it to show %q and not the password", err, tt.shown)
			}
		})
	}
}

// TestOpenUnreachableNamesURI checks the connection error of a server that
// does not answer: it names the URI and is ErrUnavailable.
func TestOpenUnreachableNamesURI(t *testing.T) {
	_, err := graph.Open(context.Background(), graph.Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "pw"})
	if !errors.Is(err, graph.ErrUnavailable) || !strings.Contains(err.Error(), "bolt://127.0.0.1:1") {
		t.Fatalf("err = %v", err)
	}
}

func TestRedactURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"bolt://db.example:7687", "bolt://db.example:7687"},
		{"bolt://neo4j@db.example:7687", "bolt://neo4j@db.example:7687"},
		{"bolt://neo4j:secret@db.example:7687", "bolt://neo4j:xxxxx@db.example:7687"},
		{"neo4j+s://u:p@ss:w@rd@db.example/x?y=z", "neo4j+s://u:xxxxx@db.example/x?y=z"},
		{"bolt://u:secret@db.example/path@x", "bolt://u:xxxxx@db.example/path@x"},
		{"bolt://u:se cret@ho st:x", "bolt://u:xxxxx@ho st:x"},
		{"db.example:7687", "db.example:7687"},
	}
	for _, tt := range tests {
		if got := graph.RedactURI(tt.in); got != tt.want {
			t.Errorf("RedactURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
