#!/usr/bin/env bash
# CPU seconds per thread name of running processes (a Neo4j server's JIT
# compilers, query workers, GC...), summed over the processes given:
#
#   scripts/thread-cpu.sh PID...
#
# It samples /proc/PID/task/*/stat every 2 s, so threads that end between
# samples (pooled query workers) still count with their last reading, and
# prints the totals when every PID has exited, or on Ctrl-C or SIGTERM
# (after a last sample): stop it while the processes still run for exact
# totals (after an exit, up to the last 2 s are missing). A number after
# "-", "#" or a space ends a thread's name and is dropped ("GC Thread#3"
# counts as "GC Thread#", "neo4j.BoltWorker-7" as "neo4j.BoltWorker").
# Linux only. The README's figures on where a test or bench server spends
# its CPU were measured this way.
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: $0 PID..." >&2; exit 2; }
pids=("$@")
declare -A ticks name
sample() {
  local p t stat comm f
  for p in "${pids[@]}"; do
    for t in /proc/"$p"/task/*; do
      stat=$(cat "$t/stat" 2>/dev/null) || continue
      comm=${stat#*(}
      comm=${comm%) *}
      if [[ $comm =~ ^(.*[-#\ ])[0-9]+$ ]]; then
        comm=${BASH_REMATCH[1]%[- ]}
      fi
      read -r -a f <<<"${stat##*) }"
      # utime and stime: fields 14 and 15 of stat, 12 and 13 after the name.
      ticks["$p/${t##*/}"]=$((f[11] + f[12]))
      name["$p/${t##*/}"]=$comm
    done
  done
}
report() {
  local k hz
  sample
  declare -A sum
  hz=$(getconf CLK_TCK)
  for k in "${!ticks[@]}"; do
    sum[${name[$k]}]=$(( ${sum[${name[$k]}]:-0} + ticks[$k] ))
  done
  for k in "${!sum[@]}"; do
    awk -v n="$k" -v c="${sum[$k]}" -v hz="$hz" 'BEGIN { printf "%10.1f s  %s\n", c / hz, n }'
  done | sort -rn
  exit 0
}
trap report INT TERM
while :; do
  alive=0
  for p in "${pids[@]}"; do [ -d /proc/"$p" ] && alive=1; done
  [ "$alive" = 1 ] || break
  sample
  sleep 2
done
report
