#!/usr/bin/env bash
# bench/run.sh <benchmark> [pglite|postgres|cluster]: runs bench/<benchmark>/run.ts (or bench/<benchmark>.ts, e.g.
# tracing/crowded), inside a throw-away durable
# PostgreSQL server for "postgres"; "cluster" brings up scripts/cluster/topology.ts (HAProxy, 2 nodes, replica).
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; target=${2:-pglite}
script="bench/$name/run.ts"
[ -f "bench/$name.ts" ] && script="bench/$name.ts"
# Every target serves the built server (dist/), rebuilt here when a source changed.
node scripts/build-if-stale.mjs
# PostgreSQL, HAProxy for the cluster, wrk for the read benchmarks: installed when missing.
bash scripts/ensure-system-deps.sh bench
if [ "$target" = postgres ]; then
  PG_DURABLE=1 exec bash scripts/with-postgres.sh npx tsx "$script" postgres
fi
exec npx tsx "$script" "$target"
