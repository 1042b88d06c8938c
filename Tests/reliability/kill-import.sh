#!/usr/bin/env bash
# Kills `lapor import` with SIGKILL at random moments and checks, after each kill, that the
# database is intact and holds whole batches only; then a final run must complete to the exact
# totals. Usage: kill-import.sh [KILLS=20] [ROWS=200000] [BUILD=debug]
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-20} rows=${2:-200000} build=${3:-debug}
bin=.build/$build
work=$(mktemp -d /tmp/lapor-kill.XXXXXX)
trap 'rm -rf "$work"' EXIT
csv=$work/reports.csv db=$work/desk.sqlite
now=2026-11-23T09:00:00+07:00
written=$("$bin/lapor-bench" --generate "$csv" --rows "$rows" --seed 7)
"$bin/lapor" --db "$db" --as kabid --now $now init >/dev/null
batch=5000
RANDOM=42
for i in $(seq 1 "$kills"); do
  "$bin/lapor" --db "$db" --as kabid --now $now import "$csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.3 + (r % 400) / 100 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check=$(sqlite3 "$db" "PRAGMA integrity_check;")
  count=$(sqlite3 "$db" "SELECT count(*) FROM report;")
  audits=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE action = 'import';")
  counters=$(sqlite3 "$db" "SELECT coalesce(sum(n), 0) FROM daily_total;")
  echo "kill $i: integrity=$check reports=$count"
  [ "$check" = ok ] || { echo "FAIL: integrity_check after kill $i: $check"; exit 1; }
  [ $((count % batch)) -eq 0 ] || [ "$count" -eq "$written" ] || { echo "FAIL: $count reports is not whole batches of $batch"; exit 1; }
  [ "$audits" -eq "$count" ] || { echo "FAIL: $audits import audit rows for $count reports"; exit 1; }
  [ "$counters" -eq "$count" ] || { echo "FAIL: daily counters say $counters, reports $count"; exit 1; }
done
before=$(sqlite3 "$db" "SELECT count(*) FROM report;")
summary=$("$bin/lapor" --db "$db" --as kabid --now $now import "$csv" --json)
inserted=$(echo "$summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["inserted"])')
unchanged=$(echo "$summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["unchanged"])')
rejected=$(echo "$summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rejected"])')
final=$(sqlite3 "$db" "SELECT count(*) FROM report;")
[ "$rejected" -eq 0 ] && [ "$unchanged" -eq "$before" ] && [ $((inserted + unchanged)) -eq "$written" ] && [ "$final" -eq "$written" ] \
  || { echo "FAIL: final run inserted=$inserted unchanged=$unchanged rejected=$rejected final=$final written=$written before=$before"; exit 1; }
"$bin/lapor" --db "$db" --as kabid stats verify >/dev/null || { echo "FAIL: daily counters differ from a recount"; exit 1; }
echo "kill-import: $kills kills, $written rows, whole batches every time, final run completed: 1 passed, 0 failed"
