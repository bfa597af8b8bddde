//go:build !linux

package localserver

import "syscall"

// setDieWithParent has no effect outside Linux, which has no parent-death
// signal: there, a server outlives a parent killed with SIGKILL.
func setDieWithParent(*syscall.SysProcAttr) error { return nil }
