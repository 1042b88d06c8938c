#!/usr/bin/env bash
# Issue 13: `lapor db copy` is one transaction on the target. Copies a demo desk into PostgreSQL
# and into a new SQLite file and kills the copy with SIGKILL at random moments; after each kill
# the target holds no desk (the copy may start again) or the whole desk, and a rerun (or the
# finished copy) gives a target whose every table's count equals the source's and whose checks pass.
# Needs LAPOR_TEST_PG_ADMIN (Tests/pg/cluster.sh). Usage: kill-copy.sh [KILLS=6] [BUILD=debug]
set -euo pipefail
cd "$(dirname "$0")/../.."
kills=${1:-6} build=${2:-debug}
bin=$PWD/.build/$build/lapor
: "${LAPOR_TEST_PG_ADMIN:?start a cluster first (source Tests/pg/cluster.sh; pg_cluster_start)}"
work=$(mktemp -d /tmp/lapor-kill-copy.XXXXXX)
trap 'rm -rf "$work"' EXIT
now=2026-11-24T09:00:00+07:00
source_db=$work/source.sqlite
"$bin" --db "$source_db" --as kabid.ikp --now $now demo --days 90 >/dev/null 2>&1
expected=$("$bin" --as kabid.ikp db copy "$source_db" "$work/reference.sqlite" --json)
RANDOM=13
finished=0 empty=0
for i in $(seq 1 "$kills"); do
  name=kill_copy_$i
  psql -q -d "$LAPOR_TEST_PG_ADMIN" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null 2>&1
  pg=${LAPOR_TEST_PG_ADMIN/\/postgres\?/\/$name?}
  for target in "$pg" "$work/target-$i.sqlite"; do
    "$bin" --as kabid.ikp db copy "$source_db" "$target" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.3f", 0.1 + (r % 2500) / 1000 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if "$bin" --as kabid.ikp db copy "$source_db" "$target" --json > "$work/again.json" 2> "$work/again.err"; then
      empty=$((empty + 1))
      got=$(cat "$work/again.json")
    else
      # Refused: the killed copy had committed; its counts must be the whole desk's.
      grep -q 'already holds a desk' "$work/again.err" || { echo "kill-copy: $target: $(cat "$work/again.err")"; exit 1; }
      finished=$((finished + 1))
      got=$("$bin" --as kabid.ikp db copy "$target" "$work/back-$i-$RANDOM.sqlite" --json)
    fi
    strip() { grep -v '"from"\|"to"'; }
    if [ "$(echo "$expected" | strip)" != "$(echo "$got" | strip)" ]; then
      echo "kill-copy: $target holds other counts than the source after a kill"; exit 1
    fi
    "$bin" --db "$target" db check >/dev/null || { echo "kill-copy: db check failed on $target"; exit 1; }
  done
done
echo "kill-copy: $((kills * 2)) copies killed ($empty left no desk and copied again, $finished had finished): 1 passed, 0 failed"
