#!/usr/bin/env bash
# Start-up to a ready prompt (`svw -c ''`), on a new in-memory workspace and, given one, on an
# existing workspace file (opened read-only in effect: svw -c '' changes nothing in it).
#   scripts/bench/startup.sh [WORKSPACE.db] [RUNS]     (RUNS default 31)
# Prints, per case, the median, fastest and slowest wall time; with perf, the mean CPU time
# (task-clock); with valgrind, the instructions executed, which do not move with the load of
# a shared machine (loader, ArgumentParser, SQLite: all of it, in user space).
set -euo pipefail
source "$(dirname "$0")/common.sh"
workspace="${1:-}"
runs="${2:-31}"

startup() {   # startup LABEL [SVW ARGS...]
    local label="$1"; shift
    local i start end
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        "$SVW" "$@" -c '' > /dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 ))
    done | sort -n | awk -v label="$label" -v runs="$runs" '
        { t[NR] = $1 }
        END { printf "%-40s wall median %.1f ms (fastest %.1f, slowest %.1f; %d runs)\n",
                     label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, runs }'
    if command -v perf > /dev/null; then
        perf stat -r "$runs" -x, -e task-clock "$SVW" "$@" -c '' 2>&1 > /dev/null \
            | awk -F, -v label="$label" '/task-clock/ { printf "%-40s CPU mean %.1f ms (perf task-clock)\n", label, $1 }'
    fi
    if command -v valgrind > /dev/null; then
        # valgrind cannot read the release build's debug information: measure a stripped copy.
        strip -o "$dir/svw" "$SVW"
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$dir/svw" "$@" -c '' 2>&1 > /dev/null \
            | awk -v label="$label" '/Collected/ { printf "%-40s instructions %d\n", label, $NF }'
    fi
}

echo "svw start-up: load average $(cut -d' ' -f1-3 /proc/loadavg)"
startup "new in-memory workspace"
if [[ -n "$workspace" ]]; then
    startup "workspace $(basename "$workspace")" --db "$workspace"
fi
