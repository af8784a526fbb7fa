# Shared by the benchmark scripts: sourced, not run.
# Sets root and SVW (build.sh) and a temporary folder $dir removed on exit;
# `measure LABEL CMD...` prints wall time and peak memory.
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

# measure LABEL CMD...: runs CMD (stdout discarded, stderr kept in $dir/err) and prints
# its exit status, wall and CPU seconds (CPU is steadier on a shared machine) and peak
# resident memory; sets $status.
measure() {
  local label="$1"; shift
  status=0
  /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || status=$?
  read -r seconds user system kb < <(tail -1 "$dir/time")
  printf '%-52s exit %d  %6.2f s wall  %6.2f s CPU  %5d MB peak\n' "$label" "$status" "$seconds" \
    "$(echo "$user + $system" | bc -l)" $((kb / 1024))
}
