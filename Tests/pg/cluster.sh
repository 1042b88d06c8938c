#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source Tests/pg/cluster.sh; pg_cluster_start`
# runs initdb in a new folder under /tmp (its own, so the server's user can reach it), starts a server on a Unix socket there and a free loopback port, creates the
# database `lapor` and exports LAPOR_TEST_PG (a libpq URI). `pg_cluster_stop` stops it and removes
# the folder; the caller
# traps EXIT so it stops whatever happens. PostgreSQL refuses to run as root, so as root the
# server runs as an unprivileged user made for the purpose (laporpg).

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "PostgreSQL's server programs are missing (Debian: apt-get install postgresql)" >&2
    return 1
  fi
  echo "$dir"
}

pg_cluster_start() {
  local dir bin port owner
  bin=$(pg_bin_dir) || return 1
  dir=$(mktemp -d /tmp/lapor-pg.XXXXXX)
  PG_CLUSTER_DIR=$dir
  PG_CLUSTER_BIN=$bin
  owner=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    owner=laporpg
    id laporpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin laporpg
    chown laporpg "$dir"
    # The socket directory must be reachable by the tests (root) and the server.
    chmod 0755 "$dir"
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u laporpg -- "$@"; else "$@"; fi; }
  as_owner "$bin/initdb" -D "$dir/data" -U lapor -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2; return 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  export LAPOR_TEST_PG="postgresql://lapor@/lapor?host=$dir&port=$port"
  export LAPOR_TEST_PG_ADMIN="postgresql://lapor@/postgres?host=$dir&port=$port"
  psql -q -d "$LAPOR_TEST_PG_ADMIN" -c 'CREATE DATABASE lapor' >/dev/null
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on port $port ($dir)"
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] || return 0
  if [ "$(id -u)" = 0 ]; then
    runuser -u laporpg -- "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  else
    "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=
}
