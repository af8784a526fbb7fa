#!/usr/bin/env bash
# Times `profile` on a synthetic table of N rows (default 1,000,000) with a text key, a
# partner, a date, money in pence and a nullable weighting, built with SQL in svw itself.
# Prints the seconds `profile` took (svw's own timer).
#
#   scripts/bench/profile.sh [N]          (SVW=path/to/svw to use a build you already have)
set -euo pipefail
n="${1:-1000000}"
source "$(dirname "$0")/build.sh"
"$SVW" --format csv -c "
CREATE TABLE big AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
  SELECT printf('CT%07d', i) AS contract_id, CASE i % 4 WHEN 0 THEN 'Stockport' WHEN 1 THEN 'Trafford' WHEN 2 THEN 'Rochdale' ELSE 'Tameside' END AS partner,
         date('2019-04-01', '+' || (i % 1096) || ' days') AS award_date, (i * 7919) % 100000000 AS value_pence,
         CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 9) * 5 END AS sv_weighting FROM n;
timer on;
profile big" 2>&1 >/dev/null | grep '^time:' | sed "s/^/profile on $n rows: /"
