#!/usr/bin/env bash
# bench/run.sh <benchmark> [pglite|postgres]: runs bench/<benchmark>/run.ts, inside a throw-away durable
# PostgreSQL server for "postgres".
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; target=${2:-pglite}
if [ "$target" = postgres ]; then
  PG_DURABLE=1 exec bash scripts/with-postgres.sh npx tsx "bench/$name/run.ts" postgres
fi
exec npx tsx "bench/$name/run.ts" "$target"
