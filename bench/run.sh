#!/usr/bin/env bash
# bench/run.sh <benchmark> [pglite|postgres|cluster]: runs bench/<benchmark>/run.ts, inside a throw-away durable
# PostgreSQL server for "postgres"; "cluster" brings up scripts/cluster/topology.ts (HAProxy, 2 nodes, replica).
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; target=${2:-pglite}
if [ "$target" = cluster ]; then
  bash scripts/ensure-system-deps.sh && node scripts/build-if-stale.mjs
fi
if [ "$target" = postgres ]; then
  PG_DURABLE=1 exec bash scripts/with-postgres.sh npx tsx "bench/$name/run.ts" postgres
fi
exec npx tsx "bench/$name/run.ts" "$target"
