#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server: initdb in a temporary directory, listen on a
# free loopback port, export TEST_DATABASE_URL, run the command, then stop the server and delete it.
#   usage: scripts/with-postgres.sh <command> [args...]
set -euo pipefail

PG_BIN=$(dirname "$(ls -1d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
# A server for tests (no fsync: its data is thrown away) lives in memory when /dev/shm has room: on this
# VM's disk (ext4, mounted with discard) copying the tests' template database took ≈ 1 s, in memory ≈ 0.1 s.
# Benchmarks (PG_DURABLE=1) keep it on disk, as a real server is.
PARENT=/tmp
[ "${PG_DURABLE:-0}" = 1 ] || PARENT=$(bash "$(dirname "$0")/scratch-dir.sh")
WORK=$(mktemp -d "$PARENT/qr-pg-XXXXXX")
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# PostgreSQL refuses to run as root: run it as the 'postgres' system user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$WORK" postgres
  chown postgres "$WORK"
  AS_PG=(runuser -u postgres --)
else
  AS_PG=()
fi

stop() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT

"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Tests trade durability for speed; benchmarks (PG_DURABLE=1) keep PostgreSQL's defaults.
OPTS="-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$WORK -c max_connections=200"
if [ "${PG_DURABLE:-0}" != 1 ]; then
  OPTS="$OPTS -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=256MB"
fi
# More server settings for a profile, e.g. PG_EXTRA_OPTS="-c shared_preload_libraries=pg_stat_statements".
OPTS="$OPTS ${PG_EXTRA_OPTS:-}"
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 start -o "$OPTS" >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"
