//go:build !linux

package main

// Outside Linux there is no parent-death signal: the server is stopped
// when this program is signalled (scripts/test.sh's exit trap), and a
// parent killed with SIGKILL leaves it running.
