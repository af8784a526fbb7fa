#!/usr/bin/env bash
# Benchmark: `svw sample` writing a large set (default 1,000,000 contracts, about 2.8M
# commitments). Prints wall time, CPU time and peak memory from /usr/bin/time -v, and row
# counts and sizes of the files written.
#   scripts/bench/generate.sh [CONTRACTS] [SEED]
# Environment: SCRATCH=.build-NAME to build in another scratch folder (default .build);
#              OUT=DIR to keep the files (default: a temporary folder, removed afterwards).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
contracts="${1:-1000000}"
seed="${2:-1}"
scratch="${SCRATCH:-.build}"

"$root/scripts/setup"
swift build --package-path "$root" --scratch-path "$root/$scratch" -c release --product svw >&2
svw="$root/$scratch/release/svw"

if [ -n "${OUT:-}" ]; then out="$OUT"; else out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT; fi
timing="$(mktemp)"
/usr/bin/time -v "$svw" sample --contracts "$contracts" --seed "$seed" --out "$out" 2> "$timing" || { cat "$timing" >&2; exit 1; }

echo "svw sample --contracts $contracts --seed $seed"
grep -E "^svw sample:" "$timing" | sed 's/^/  /'
grep -E "Elapsed \(wall clock\)|User time|System time|Maximum resident set size" "$timing" | sed 's/^[[:space:]]*/  /'
for file in suppliers.csv contracts.csv commitments.csv; do
  printf '  %-16s %10d rows %8d MB\n' "$file" "$(( $(wc -l < "$out/$file") - 1 ))" "$(( $(stat -c %s "$out/$file") / 1048576 ))"
done
rm -f "$timing"
