package main

import (
	"fmt"
	"os"
	"syscall"
)

// init asks the kernel to send this process SIGTERM when its parent dies,
// however the parent dies, so that the shared server is stopped then
// too. The request belongs to the thread that makes it and lasts as long
// as that thread; init runs on the main thread, which lives as long as
// the process.
func init() {
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, uintptr(syscall.SIGTERM), 0); errno != 0 {
		fmt.Fprintf(os.Stderr, "testserver: PR_SET_PDEATHSIG: %v\n", errno)
		os.Exit(1)
	}
}
