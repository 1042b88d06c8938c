#!/usr/bin/env bash
# Issue 14's faults, on a cluster of its own: (1) the server restarted while four writers act on
# the same reports and an import runs; (2) a desk machine in its own network namespace (veth,
# the project's own test host only) whose link is cut for some seconds and restored. Either way:
# zero lost and zero doubled actions (one audit record per action reported landed, none for the
# others, versions that add up), and the import's exact totals.
# Usage: bash Tests/pg/faults.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-debug}
lapor=$PWD/.build/$config/lapor
export LANG=C.UTF-8 LC_ALL=C.UTF-8
source Tests/pg/cluster.sh
work=$(mktemp -d /tmp/lapor-faults.XXXXXX)
ns=lapor-faults-$$
cleanup() {
  ip netns del "$ns" 2>/dev/null || true
  ip link del "veth-h$$" 2>/dev/null || true
  pg_cluster_stop
  rm -rf "$work"
}
trap cleanup EXIT
pg_cluster_start >/dev/null
now=2026-11-20T09:00:00+07:00
pg_ctl_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u laporpg -- "$PG_CLUSTER_BIN/pg_ctl" "$@"; else "$PG_CLUSTER_BIN/pg_ctl" "$@"; fi
}
restart_server() {
  pg_ctl_as_owner -D "$PG_CLUSTER_DIR/data" -m fast -w -t 60 restart >/dev/null
}

# Writers: hold (two of them) and release (the other two) over the same 20 new reports, each
# action a line of JSON; the import re-numbers a demo export so that every row is new.
start_writers() { # $1 = URI, $2 = prefix for the output files, $3 = command prefix (e.g. ip netns exec)
  local uri=$1 out=$2 wrap=${3:-}
  ids=$($lapor --db "$uri" --as kabid.ikp list --state new --ids --limit 20 | tr '\n' ' ')
  pids=()
  for w in 0 1 2 3; do
    list=$(for _ in $(seq 1 20); do echo $ids; done | tr ' ' '\n' | grep . | shuf --random-source=<(yes $w) | head -400 | tr '\n' ' ')
    if [ $w -lt 2 ]; then action=(hold --note "tunda $w"); else action=(release); fi
    login=op.sari; [ $((w % 2)) = 1 ] && login=op.budi
    # shellcheck disable=SC2086
    $wrap "$lapor" --db "$uri" --as $login --now $now --json --lang en "${action[@]}" $list >"$out-$w.json" 2>"$out-$w.err" &
    pids+=($!)
  done
}

check_writers() { # $1 = owner URI, $2 = prefix, $3 = audit id before
  local code
  for p in "${pids[@]}"; do
    code=0
    wait "$p" || code=$?
    # 1: some of its actions were refused (a report changed meanwhile); 73 or 75 would be a failure.
    [ "$code" = 0 ] || [ "$code" = 1 ] || { echo "a writer exited $code"; cat "$2"-*.err; exit 1; }
  done
  python3 - "$1" "$2" "$3" <<'PY'
import json, subprocess, sys
uri, prefix, before = sys.argv[1], sys.argv[2], int(sys.argv[3])
results = []
for w in range(4):
    with open(f"{prefix}-{w}.json") as f:
        text = f.read()
    assert text.strip(), f"writer {w} wrote nothing: " + open(f"{prefix}-{w}.err").read()
    results += json.loads(text)
landed = [r for r in results if r.get("ok")]
refused = [r for r in results if not r.get("ok")]
assert len(results) == 1600, len(results)
for r in refused:
    e = r.get("error", "")
    assert "was changed by someone else" in e or "is only possible from" in e, e
rows = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-d", uri, "-c",
    f"SELECT r.tracking_id, a.action FROM audit a JOIN report r ON r.id = a.report_id WHERE a.id > {before} "
    "AND a.action IN ('hold', 'release') ORDER BY a.id"], check=True, capture_output=True, text=True).stdout.split("\n")
records = {}
for line in filter(None, rows):
    tid, action = line.split("\t")
    records.setdefault(tid, []).append(action)
per = {}
for r in landed:
    per[r["tracking_id"]] = per.get(r["tracking_id"], 0) + 1
total = sum(len(v) for v in records.values())
assert total == len(landed), f"{total} audit records for {len(landed)} landed actions"
for tid, steps in records.items():
    assert len(steps) == per.get(tid, 0), (tid, len(steps), per.get(tid))
    for n, a in enumerate(steps):
        assert a == ("hold" if n % 2 == 0 else "release"), (tid, n, a)
print(f"  {len(landed)} actions landed, {len(refused)} refused clearly; one audit record each, none doubled")
PY
  return 0
}

# 1. The server restarts under four writers and an import.
uri=$LAPOR_TEST_PG
$lapor --db "$uri" --as kabid.ikp --now $now demo --days 30 --seed 5 >/dev/null
$lapor --db "$uri" --as kabid.ikp export -o "$work/all.csv"
{ head -1 "$work/all.csv"; tail -n +2 "$work/all.csv" | sed 's/^3/8/'; tail -n +2 "$work/all.csv" | sed 's/^3/9/'; } >"$work/new.csv"
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline=""))))' "$work/new.csv")
reports_before=$(psql -X -At -d "$uri" -c 'SELECT count(*) FROM report')
before=$(psql -X -At -d "$uri" -c 'SELECT max(id) FROM audit')
start_writers "$uri" "$work/restart"
$lapor --db "$uri" --as op.sari --now $now --json import "$work/new.csv" >"$work/import.json" 2>"$work/import.err" &
import_pid=$!
sleep 1.5
restart_server
wait $import_pid || { cat "$work/import.err"; exit 1; }
check_writers "$uri" "$work/restart" "$before"
# Evidence that the restart met them: the server ended their sessions mid-work.
cut=$(grep -c 'terminating connection due to administrator command' "$PG_CLUSTER_DIR/server.log" || true)
[ "$cut" -ge 3 ] || { echo "the restart came after the work ($cut sessions ended); nothing was tested"; exit 1; }
echo "  server restarted under the writers and the import ($cut sessions ended by it)"
python3 - "$work/import.json" "$rows" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
rows = int(sys.argv[2])
totals = {k: result[k] for k in ("rows", "inserted", "updated", "unchanged", "rejected", "conflicts")}
assert totals == {"rows": rows, "inserted": rows, "updated": 0, "unchanged": 0, "rejected": 0, "conflicts": 0}, totals
PY
reports_after=$(psql -X -At -d "$uri" -c 'SELECT count(*) FROM report')
[ $((reports_after - reports_before)) = "$rows" ] || { echo "import: $reports_after - $reports_before != $rows"; exit 1; }
echo "  import: exactly $rows reports inserted across the restart"
$lapor --db "$uri" --as kabid.ikp db check >/dev/null
echo "restart under writers and an import: 1 passed, 0 failed"

# 1b. A desk open on the screen while the server stops and starts again: it says so, keeps its
# screen, and reloads on return (under tmux, the terminal a person would use).
if command -v tmux >/dev/null; then
  sock=$work/tmux
  tmux -S "$sock" new-session -d -x 120 -y 32 \
    "$lapor --db '$uri' --as kabid.ikp --lang en --now $now desk 2>$work/desk.err; echo DESK-EXIT=\$? >$work/desk.exit"
  pane() { tmux -S "$sock" capture-pane -p 2>/dev/null || true; }
  wait_for() { # $1 = text, $2 = seconds
    for _ in $(seq 1 $(( $2 * 10 ))); do pane | grep -q "$1" && return 0; sleep 0.1; done
    echo "the desk never showed '$1':"; pane; cat "$work/desk.err" 2>/dev/null; exit 1
  }
  wait_for "Queue" 20
  pg_ctl_as_owner -D "$PG_CLUSTER_DIR/data" -m fast -w -t 60 stop >/dev/null
  wait_for "Disconnected from the server" 15
  pg_ctl_as_owner -D "$PG_CLUSTER_DIR/data" -w -t 60 -l "$PG_CLUSTER_DIR/server.log" start \
    -o "-k $PG_CLUSTER_DIR -p $(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$uri") -c listen_addresses=127.0.0.1 -c fsync=off" \
    >/dev/null
  wait_for "Connected again" 20
  tmux -S "$sock" send-keys q
  for _ in $(seq 1 50); do [ -s "$work/desk.exit" ] && break; sleep 0.1; done
  grep -q "DESK-EXIT=0" "$work/desk.exit" || { echo "the desk did not quit cleanly"; cat "$work/desk.err"; exit 1; }
  echo "desk across a stop and start: 1 passed, 0 failed"
else
  echo "desk across a restart: skipped (no tmux)"
fi

# 2. A desk machine on its own network namespace loses its link for six seconds.
if ! ip netns add "$ns" 2>/dev/null; then
  echo "link cut: skipped (this host cannot make network namespaces)"
  exit 0
fi
ip link add "veth-h$$" type veth peer name "veth-d$$"
ip link set "veth-d$$" netns "$ns"
ip addr add 10.231.$(( $$ % 200 )).1/24 dev "veth-h$$"
ip link set "veth-h$$" up
ip netns exec "$ns" ip addr add 10.231.$(( $$ % 200 )).2/24 dev "veth-d$$"
ip netns exec "$ns" ip link set "veth-d$$" up
ip netns exec "$ns" ip link set lo up
host=10.231.$(( $$ % 200 )).1
port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$uri")
echo "host all all 10.231.0.0/16 trust" >>"$PG_CLUSTER_DIR/data/pg_hba.conf"
pg_ctl_as_owner -D "$PG_CLUSTER_DIR/data" -m fast -w -t 60 restart \
  -o "-k $PG_CLUSTER_DIR -p $port -c listen_addresses=127.0.0.1,$host -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  >/dev/null
remote="postgresql://lapor@$host:$port/lapor"
before=$(psql -X -At -d "$uri" -c 'SELECT max(id) FROM audit')
start_writers "$remote" "$work/cut" "ip netns exec $ns"
sleep 1.5
ip link set "veth-h$$" down
sleep 6
ip link set "veth-h$$" up
echo "  link cut for 6 s under the writers, then restored"
for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
[ "${alive:-0}" = 1 ] || { echo "the writers finished before the cut ended; nothing was tested"; exit 1; }
check_writers "$uri" "$work/cut" "$before"
$lapor --db "$uri" --as kabid.ikp db check >/dev/null
echo "link cut under writers: 1 passed, 0 failed"
