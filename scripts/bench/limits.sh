#!/usr/bin/env bash
# A file that is not a table must fail fast in bounded memory: a SIZE_MB (default 2048)
# file with no line end, loaded as contracts and as a table, and the same after a header
# line. Prints exit status, wall time, peak memory and the error. The files are written
# to a temporary folder and removed afterwards.
#
#   scripts/bench/limits.sh [SIZE_MB]
#   SVW=path/to/svw to use a given binary (default: build release into .build)
set -euo pipefail
size_mb="${1:-2048}"
source "$(dirname "$0")/common.sh"
cd "$dir"
head -c "$((size_mb * 1024 * 1024))" /dev/zero | tr '\0' 'a' > "$dir/one-line.csv"
{ echo "id,notes"; cat "$dir/one-line.csv"; } > "$dir/header-then-one-line.csv"
for command in "load contracts one-line.csv" "load table t one-line.csv" \
               "load table t one-line.csv --max-field-size 2G" \
               "load table t header-then-one-line.csv" \
               "load table t header-then-one-line.csv --max-field-size 16M"; do
  measure "$command" "$SVW" -c "$command"
  echo "    $(head -c 300 "$dir/err") ($(wc -l < "$dir/err") line of error)"
done
