#!/usr/bin/env bash
# A file that is not a table must fail fast in bounded memory: a SIZE (default 2 GiB)
# file with no line end, loaded as contracts and as a table. Prints wall time, peak memory
# and the error. The file is written to a temporary folder and removed afterwards.
#
#   scripts/bench/limits.sh [SIZE_MB]
#   SVW=path/to/svw to use a given binary (default: build release into .build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
size_mb="${1:-2048}"
if [ -z "${SVW:-}" ]; then
  swift build --package-path "$root" -c release --product svw >&2
  SVW="$root/.build/release/svw"
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
head -c "$((size_mb * 1024 * 1024))" /dev/zero | tr '\0' 'a' > "$dir/one-line.csv"
{ echo "id,notes"; cat "$dir/one-line.csv"; } > "$dir/header-then-one-line.csv"
for command in "load contracts $dir/one-line.csv" "load table t $dir/one-line.csv" \
               "load table t $dir/one-line.csv --max-field-size 2G" \
               "load table t $dir/header-then-one-line.csv" \
               "load table t $dir/header-then-one-line.csv --max-field-size 16M"; do
  status=0
  /usr/bin/time -f "%e %M" -o "$dir/time" "$SVW" -c "$command" >/dev/null 2>"$dir/err" || status=$?
  read -r seconds kb < <(tail -1 "$dir/time")
  printf '%-52s exit %d  %6.2f s  %5d MB peak  (%d lines of error)\n' "${command/$dir\//}" "$status" "$seconds" $((kb / 1024)) "$(wc -l < "$dir/err")"
  head -c 300 "$dir/err" | sed "s|$dir/||g; s/^/    /"
done
