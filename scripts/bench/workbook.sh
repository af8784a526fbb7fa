#!/usr/bin/env bash
# Workbook benchmark: `load contracts` and `load table` from an .xlsx sheet of ROWS rows
# (default 100,000), printing wall time and peak memory (max RSS) of each, and the same
# for a CSV of the same rows, so memory can be seen to stay flat.
#
#   scripts/bench/workbook.sh [ROWS]
#   SVW=path/to/svw to use a given binary (default: build release into .build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-100000}"
if [ -z "${SVW:-}" ]; then
  swift build --package-path "$root" -c release --product svw >&2
  SVW="$root/.build/release/svw"
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 "$root/scripts/bench/workbook-data.py" "$rows" "$dir/register.xlsx"
echo "workbook: $rows rows, $(du -h "$dir/register.xlsx" | cut -f1) compressed"

measure() {   # label, then the command
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
  read -r seconds kb < <(tail -1 "$dir/time")
  printf '%-34s %7.2f s  %6d MB peak\n' "$label" "$seconds" $((kb / 1024))
}
measure "svw (start and exit)" "$SVW" -c "SELECT 1"
measure "load contracts register.xlsx" "$SVW" -c "load contracts $dir/register.xlsx"
measure "load table register.xlsx" "$SVW" -c "load table r $dir/register.xlsx"
"$SVW" --format csv -c "load table r $dir/register.xlsx; SELECT * FROM r" > "$dir/register.csv" 2>/dev/null
measure "load table register.csv (same rows)" "$SVW" -c "load table r $dir/register.csv"
