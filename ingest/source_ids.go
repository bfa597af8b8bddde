package ingest

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrDuplicateID marks an article whose id an earlier article of the same
// Read already has; the first one is kept.
var ErrDuplicateID = errors.New("duplicate id")

// idSet remembers the ids read so far and where each came from. To keep
// memory small on large JSON-lines files, it holds a 128-bit hash of each
// id and a reference to its origin.
type idSet struct {
	files []string            // origin files, by index
	index map[string]int      // file -> index in files
	ids   map[[16]byte]origin // hash of id -> where it was first read
}

type origin struct {
	file int32
	line int32 // 0 = the whole file
}

func newIDSet() *idSet {
	return &idSet{index: map[string]int{}, ids: map[[16]byte]origin{}}
}

// add records id, read at where ("dir/x.md" or "corpus.jsonl:12"). If an
// earlier article had it, add returns an error naming both.
func (s *idSet) add(id, where string) error {
	h := sha256.Sum256([]byte(id))
	var k [16]byte
	copy(k[:], h[:])
	if first, dup := s.ids[k]; dup {
		return fmt.Errorf("%s: %w %q, already read from %s", where, ErrDuplicateID, id, s.name(first))
	}
	file, line := where, 0
	if i := strings.LastIndexByte(where, ':'); i > 0 {
		if n, err := strconv.Atoi(where[i+1:]); err == nil && n > 0 && n <= 1<<31-1 {
			file, line = where[:i], n
		}
	}
	fi, ok := s.index[file]
	if !ok {
		fi = len(s.files)
		s.files = append(s.files, file)
		s.index[file] = fi
	}
	s.ids[k] = origin{file: int32(fi), line: int32(line)}
	return nil
}

func (s *idSet) name(o origin) string {
	if o.line == 0 {
		return s.files[o.file]
	}
	return s.files[o.file] + ":" + strconv.Itoa(int(o.line))
}
