#!/usr/bin/env bash
# Loads an N-release OCDS release package (default 200,000 releases, one award each, a third
# of them with an awardUpdate later in the file) and prints the time and peak memory, to show
# that `load ocds` streams: memory should stay flat as N grows.
#
#   scripts/bench/ocds.sh [N]          (SVW=path/to/svw to use a build you already have)
set -euo pipefail
n="${1:-200000}"
source "$(dirname "$0")/build.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk -v n="$n" 'BEGIN {
    print "{\"uri\": \"bench\", \"version\": \"1.1\", \"releases\": ["
    for (i = 1; i <= n; i++) {
        update = (i % 3 == 0)
        ocid = update ? i - 1 : i
        printf "%s{\"ocid\": \"ocds-bench-%d\", \"id\": \"r%d\", \"date\": \"2021-0%d-01T00:00:00Z\", \"tag\": [\"%s\"],", \
            (i > 1 ? ",\n" : ""), ocid, i, update ? 3 : 2, update ? "awardUpdate" : "award"
        printf " \"buyer\": {\"name\": \"Council %d\"}, \"tender\": {\"title\": \"Contract %d\"},", i % 4, ocid
        printf " \"parties\": [{\"id\": \"GB-COH-%08d\", \"name\": \"Supplier %d Ltd\", \"identifier\": {\"scheme\": \"GB-COH\", \"id\": \"%08d\"},", i % 5000, i % 5000, i % 5000
        printf " \"address\": {\"streetAddress\": \"%d High Street, Stockport SK4 1AA\"}, \"roles\": [\"supplier\"], \"details\": {\"scale\": \"sme\"}}],", i
        printf " \"awards\": [{\"id\": \"A-%d\", \"status\": \"active\", \"date\": \"2021-01-15\", \"value\": {\"amount\": %d.50, \"currency\": \"GBP\"},", ocid, 1000 + i
        printf " \"suppliers\": [{\"id\": \"GB-COH-%08d\", \"name\": \"Supplier %d Ltd\"}]}]}", i % 5000, i % 5000
    }
    print "\n]}"
}' > "$work/package.json"
size=$(du -h "$work/package.json" | cut -f1)
echo "release package: $n releases, $size"
/usr/bin/time -f "load ocds: %e s, peak %M KB" "$SVW" --db "$work/bench.db" -c "load ocds $work/package.json" 2>&1 | grep -v '^loaded\|^inline\|^postcodes\|^several\|superseded'
