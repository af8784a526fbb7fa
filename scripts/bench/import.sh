#!/usr/bin/env bash
# Import benchmark: svw's checked `load contracts` against sqlite3's own `.import`
# of the same CSV, both into an in-memory database.
#
#   scripts/bench/import.sh [ROWS] [CSV_DIR]
#     ROWS     contracts to generate (default 1000000)
#     CSV_DIR  a folder already holding suppliers.csv and contracts.csv (skips generation)
#   SVW=path/to/svw to use a given binary (default: build release into .build)
#
# svw's time for contracts alone is (suppliers + contracts) minus (suppliers only); each
# figure is the best of three runs. The target is ratio = sqlite3 / svw >= 1.5.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rows="${1:-1000000}"
dir="${2:-}"

if [ -z "${SVW:-}" ]; then
  swift build --package-path "$root" -c release --product svw >&2
  SVW="$root/.build/release/svw"
fi
if [ -z "$dir" ]; then
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  echo "generating $rows contracts in $dir" >&2
  python3 "$root/scripts/bench/import-data.py" "$rows" "$dir"
fi
contracts="$dir/contracts.csv"
suppliers="$dir/suppliers.csv"

best() {   # best wall-clock seconds of three runs of "$@"
  local best=""
  for _ in 1 2 3; do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

size=$(du -h "$contracts" | cut -f1)
lines=$(($(wc -l < "$contracts") - 1))
sqlite_s=$(best sqlite3 :memory: ".import --csv '$contracts' t")
svw_both=$(best "$SVW" -c "load suppliers '$suppliers'; load contracts '$contracts'")
svw_sup=$(best "$SVW" -c "load suppliers '$suppliers'")
svw_s=$(echo "$svw_both - $svw_sup" | bc -l)
ratio=$(echo "$sqlite_s / $svw_s" | bc -l)

printf 'file               %s (%s rows, %s)\n' "$contracts" "$lines" "$size"
printf 'sqlite3 .import    %8.3f s\n' "$sqlite_s"
printf 'svw load contracts %8.3f s  (suppliers + contracts %.3f s, suppliers alone %.3f s)\n' "$svw_s" "$svw_both" "$svw_sup"
printf 'ratio              %8.2f  (sqlite3 / svw; target >= 1.50)\n' "$ratio"
