package localserver

import (
	"fmt"
	"os"
	"syscall"
)

// LockFile takes an exclusive advisory lock (flock) on path, creating the
// file, and returns its release. With wait it waits for other holders;
// without, it fails at once with an error wrapping syscall.EWOULDBLOCK.
// The file is opened close-on-exec, so child processes never hold it.
func LockFile(path string, wait bool) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("localserver: %w", err)
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		return nil, fmt.Errorf("localserver: lock %s: %w", path, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	}, nil
}
