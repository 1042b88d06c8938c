#!/usr/bin/env bash
# Four processes doing lifecycle actions on the same reports at once (plus a headless desk):
# every action must either land once or be refused with a clear reason (exit 1, 75 or 77), the
# audit trail must hold exactly one record per landed action, and no raw "database is locked"
# may escape. Usage: soak.sh [ACTIONS_PER_WORKER=500] [BUILD=debug]
set -euo pipefail
cd "$(dirname "$0")/../.."
per=${1:-500} build=${2:-debug}
bin=$PWD/.build/$build/lapor
work=$(mktemp -d /tmp/lapor-soak.XXXXXX)
trap 'rm -rf "$work"' EXIT
db=$work/desk.sqlite
now=2026-11-23T09:00:00+07:00
"$bin" --db "$db" --as kabid --now $now demo --days 90 >/dev/null
ids=$("$bin" --db "$db" --as kabid --now $now list --where '~s new | ~s verified | ~s on_hold | ~s dispositioned' --json \
      | python3 -c 'import json,sys; print(" ".join(r["tracking_id"] for r in json.load(sys.stdin)))')
read -r -a pool <<< "$ids"
echo "pool of ${#pool[@]} reports"
"$bin" --db "$db" --as kabid user add op.sari2 --role operator >/dev/null
marker=$(sqlite3 "$db" "SELECT max(id) FROM audit;")

worker() { # actor seed
  local actor=$1 i id action
  RANDOM=$2
  for i in $(seq 1 "$per"); do
    id=${pool[$((RANDOM % ${#pool[@]}))]}
    case $((RANDOM % 5)) in
      0) action=(verify "$id") ;;
      1) action=(route "$id" --to DLH --reroute) ;;
      2) action=(route "$id" --to PUPR --reroute) ;;
      3) action=(hold "$id" --note "Mohon foto") ;;
      4) action=(release "$id") ;;
    esac
    set +e
    "$bin" --db "$db" --as "$actor" --now $now "${action[@]}" >/dev/null 2>>"$work/$actor.err"
    echo "${action[0]} $id $?" >> "$work/$actor.log"
    set -e
  done
}
worker op.sari 1 & worker op.budi 2 & worker kabid 3 & worker op.sari2 4 &
( for i in $(seq 1 8); do "$bin" --db "$db" --as pimpinan --now $now desk --headless --keys "jv" >/dev/null 2>&1 || true; done ) &
wait
fail=0
for actor in op.sari op.budi kabid op.sari2; do
  landed=$(awk '$3 == 0' "$work/$actor.log" | wc -l)
  refused=$(awk '$3 != 0' "$work/$actor.log" | wc -l)
  odd=$(awk '$3 != 0 && $3 != 1 && $3 != 75 && $3 != 77' "$work/$actor.log" | wc -l)
  audited=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE id > $marker AND actor = '$actor';")
  echo "$actor: $landed landed, $refused refused, $audited audit records"
  [ "$landed" -eq "$audited" ] || { echo "FAIL: $actor landed $landed actions but the audit has $audited"; fail=1; }
  [ "$odd" -eq 0 ] || { echo "FAIL: $actor had $odd actions with an unexpected exit code"; fail=1; }
done
if grep -h -i -E "locked|fatal|crash" "$work"/*.err | grep -v -q "stayed busy"; then
  echo "FAIL: an unclear error escaped:"; grep -h -i -E "locked|fatal|crash" "$work"/*.err | head -3; fail=1
fi
[ "$(sqlite3 "$db" 'PRAGMA integrity_check;')" = ok ] || { echo "FAIL: integrity_check"; fail=1; }
dup=$(sqlite3 "$db" "SELECT count(*) FROM (SELECT report_id FROM audit WHERE id > $marker AND action = 'verify' GROUP BY report_id HAVING count(*) > 1);")
[ "$dup" -eq 0 ] || { echo "FAIL: $dup reports verified twice"; fail=1; }
"$bin" --db "$db" --as kabid stats verify >/dev/null || { echo "FAIL: daily counters drifted"; fail=1; }
[ $fail -eq 0 ] && echo "soak: 4 workers × $per actions and a headless desk: 1 passed, 0 failed" || { echo "soak: 0 passed, 1 failed"; exit 1; }
