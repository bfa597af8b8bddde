//go:build unix

package graph

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

type existence int

const (
	existsUnknown existence = iota
	existsYes
	existsNo
)

// processExists asks the kernel whether a process has pid: signal 0 checks
// without sending anything; ESRCH means none has, EPERM one that belongs
// to another user.
func processExists(pid int) existence {
	if pid <= 0 {
		return existsUnknown
	}
	err := syscall.Kill(pid, 0)
	switch {
	case err == nil, errors.Is(err, syscall.EPERM):
		return existsYes
	case errors.Is(err, syscall.ESRCH):
		return existsNo
	}
	return existsUnknown
}

type stat struct {
	started string // field 22, starttime
	zombie  bool   // field 3, state Z (or X, dead)
}

// procStat reads /proc/<pid>/stat (Linux); ok is false where there is none.
func procStat(pid int) (stat, bool) {
	if pid <= 0 {
		return stat{}, false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return stat{}, false
	}
	// Field 2, the command in parentheses, may hold spaces and ')'; the
	// fields after the last ')' start with field 3.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return stat{}, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return stat{}, false
	}
	return stat{started: f[19], zombie: f[0] == "Z" || f[0] == "X"}, true
}

// pidNamespace names this process's pid namespace: the target of the
// /proc/self/ns/pid link (Linux), "" where there is none.
func pidNamespace() string {
	ns, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	return ns
}
