package localserver

import "syscall"

// setDieWithParent makes the kernel send SIGKILL to the child when the
// thread that started it ends (PR_SET_PDEATHSIG), which happens at the
// latest when this process dies, however it dies. launch starts the child
// from a goroutine locked to its thread for the child's lifetime, so that
// the signal does not fire earlier.
func setDieWithParent(attr *syscall.SysProcAttr) error {
	attr.Pdeathsig = syscall.SIGKILL
	return nil
}
