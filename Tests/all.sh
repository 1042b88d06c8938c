#!/usr/bin/env bash
# Every test: the Swift test suites (unit, screens, CLI contract, terminal journeys under tmux,
# db copy/check against a throwaway PostgreSQL cluster started here and stopped whatever happens),
# workbooks read back by openpyxl and LibreOffice, the README's tour on a fresh demo, the
# reliability scripts, a 60-second libFuzzer run per target, and a small benchmark run that must
# complete (no timing asserts).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# Every temporary file of the run (tests, fuzz builds, the benchmark) goes here and goes away.
tmp=$(mktemp -d /tmp/lapor-tests.XXXXXX)
source Tests/pg/cluster.sh
trap 'pg_cluster_stop; rm -rf "$tmp"' EXIT
export TMPDIR=$tmp
swift build
pg_cluster_start
swift test
# Every suite once more with each desk a fresh database on the cluster instead of a file
# (Tests/LaporTestSupport/TestDesk.swift): the core's fixture, the command-line contract, the
# terminal journeys and the desk's screens. The PG* and db copy suites already compare the two
# engines command by command in the first run, so they are not repeated.
LAPOR_TEST_ENGINE=postgresql swift test --skip-build --skip 'LaporCLITests\.(PG[A-Za-z]*Tests|DbCopyTests)'
bash Tests/xlsx/outside-readers.sh debug
bash Tests/tour.sh debug
python3 Tests/calendar/crosscheck.py
bash Tests/reliability/kill-import.sh 20 200000 debug
bash Tests/reliability/kill-incident.sh 20 debug
bash Tests/reliability/kill-copy.sh 6 debug
bash Tests/reliability/soak.sh 500 debug
# A server restarted, and a desk machine's link cut, under writers and an import (its own cluster).
bash Tests/pg/faults.sh debug
FUZZ_SEED=1 bash Fuzz/run.sh 60
.build/debug/lapor-bench --rows 20000 --dir "$tmp/bench" > /dev/null
echo "lapor-bench --rows 20000: 1 passed, 0 failed"
# The same table with every desk on the test cluster (psql \copy the import's reference).
.build/debug/lapor-bench --rows 5000 --dir "$tmp/bench-pg" --db "$LAPOR_TEST_PG_ADMIN" > /dev/null
echo "lapor-bench --rows 5000 --db postgresql://…: 1 passed, 0 failed"
