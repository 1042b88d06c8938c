#!/usr/bin/env bash
# Issue 12: an action on an incident's primary with 25 members is one transaction. Routes the
# primary and kills the process with SIGKILL at random moments; after each kill every report of
# the incident is routed or none is, with exactly one route record per routed report.
# Usage: kill-incident.sh [KILLS=20] [BUILD=debug]
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-20} build=${2:-debug}
bin=.build/$build/lapor
work=$(mktemp -d /tmp/lapor-kill-incident.XXXXXX)
trap 'rm -rf "$work"' EXIT
now=2026-11-23T09:00:00+07:00
base=$work/base.sqlite
"$bin" --db "$base" --as kabid --now $now demo --days 3 >/dev/null
{
  echo "tracking_id,submitted_at,title,body,category,channel,reporter_name,reporter_contact,kecamatan,kelurahan"
  for i in $(seq 0 25); do
    printf 'INC%02d,2026-11-23T0%d:%02d:00,Banjir di Jl. Pakel,Jl. Pakel RT 03 tergenang sejak subuh,Bencana,web,Warga %d,0813%06d,Laweyan,Pajang\n' \
      "$i" $((2 + i / 10)) $(((i % 10) * 5)) "$i" "$i"
  done
} > "$work/burst.csv"
"$bin" --db "$base" --as op.sari --now $now import "$work/burst.csv" >/dev/null
members=$(seq -f 'INC%02g' 1 25 | tr '\n' ' ')
# shellcheck disable=SC2086
"$bin" --db "$base" --as op.sari --now $now group $members --into INC00 >/dev/null
RANDOM=12
all=0 none=0
for i in $(seq 1 "$kills"); do
  db=$work/desk-$i.sqlite
  cp "$base" "$db"
  "$bin" --db "$db" --as op.sari --now $now route INC00 --to BPBD >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.3f", (r % 300) / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check=$(sqlite3 "$db" "PRAGMA integrity_check;")
  routed=$(sqlite3 "$db" "SELECT count(*) FROM report WHERE tracking_id LIKE 'INC%' AND state = 'dispositioned';")
  records=$(sqlite3 "$db" "SELECT count(*) FROM audit JOIN report ON report.id = audit.report_id
                           WHERE report.tracking_id LIKE 'INC%' AND audit.action = 'route';")
  most=$(sqlite3 "$db" "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM audit JOIN report ON report.id = audit.report_id
                        WHERE report.tracking_id LIKE 'INC%' AND audit.action = 'route' GROUP BY audit.report_id);")
  echo "kill $i: integrity=$check routed=$routed route_records=$records"
  [ "$check" = ok ] || { echo "FAIL: integrity_check after kill $i: $check"; exit 1; }
  [ "$routed" -eq 0 ] || [ "$routed" -eq 26 ] || { echo "FAIL: $routed of 26 routed after kill $i"; exit 1; }
  [ "$records" -eq "$routed" ] && [ "$most" -le 1 ] || { echo "FAIL: $records route records for $routed routed reports"; exit 1; }
  if [ "$routed" -eq 26 ]; then all=$((all + 1)); else none=$((none + 1)); fi
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "kill-incident: $kills kills ($all after the commit, $none before): all or none every time: 1 passed, 0 failed"
