#!/usr/bin/env bash
# Workbook benchmark: `load contracts` and `load table` from an .xlsx sheet of ROWS rows
# (default 100,000), printing wall time and peak memory (max RSS) of each, and the same
# for a CSV of the same rows, so memory can be seen to stay flat.
#
#   scripts/bench/workbook.sh [ROWS]
#   SVW=path/to/svw to use a given binary (default: build release into .build)
set -euo pipefail
rows="${1:-100000}"
source "$(dirname "$0")/common.sh"
python3 "$root/scripts/bench/workbook-data.py" "$rows" "$dir/register.xlsx"
echo "workbook: $rows rows, $(du -h "$dir/register.xlsx" | cut -f1) compressed"
measure "svw (start and exit)" "$SVW" -c "SELECT 1"
measure "sheets register.xlsx" "$SVW" -c "sheets $dir/register.xlsx"
measure "load contracts register.xlsx" "$SVW" -c "load contracts $dir/register.xlsx"
measure "load table register.xlsx" "$SVW" -c "load table r $dir/register.xlsx"
"$SVW" --format csv -c "load table r $dir/register.xlsx; SELECT * FROM r" > "$dir/register.csv" 2>/dev/null
measure "load table register.csv (the same rows as CSV)" "$SVW" -c "load table r $dir/register.csv"
