//go:build !unix

package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// openRegular opens name for reading and fails for anything but a
// regular file.
func openRegular(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(fi.Mode())
	}
	return f, nil
}

// fileKey identifies a directory for loop protection. Without device and
// inode numbers, directories are not keyed: loops are then bounded by
// maxDepth only.
type fileKey struct{}

func keyOf(fs.FileInfo) (fileKey, bool) { return fileKey{}, false }

func notRegular(m fs.FileMode) error {
	return fmt.Errorf("%w (mode %s): skipped", ErrNotRegular, m.Type())
}
