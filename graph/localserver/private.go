package localserver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// makePrivate takes group and other permissions away from the home and
// everything in it (so directories end up 0700 and files 0600), which fixes
// a home created before diplograph made homes private, or by hand. The
// distribution's lib/ and plugins/, when they lie in the home (the default),
// are left as Maven made them (0755 and 0644): they hold nothing secret, and
// the home's own 0700 keeps other users out of them. Symbolic links are not
// followed. What the server creates later is private through its umask (see
// privateArgs).
func (s *Server) makePrivate() error {
	home := s.opt.Home
	if err := os.MkdirAll(home, 0o700); err != nil {
		return fmt.Errorf("localserver: %w", err)
	}
	skip := map[string]bool{
		filepath.Join(s.opt.Dist, "lib"):     true,
		filepath.Join(s.opt.Dist, "plugins"): true,
	}
	err := filepath.WalkDir(home, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walk
			}
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		if d.IsDir() && skip[p] {
			return fs.SkipDir
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		} else if err != nil {
			return err
		}
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			if err := os.Chmod(p, perm&^0o077); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("localserver: making the home %s private: %w", home, err)
	}
	return nil
}
