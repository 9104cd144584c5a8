#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run) and as the README's test command runs it: the static
# checks (type check, typed lint) and two sides, all at once (they share nothing but the machine's two
# cores, and each waits on browsers, servers and disks at different times):
#   - the embedded database: domain + route tests, then Chromium journeys, on PGlite;
#   - PostgreSQL: route tests and the journeys that need a server of their own, on a real PostgreSQL
#     server started for the run; then the deployment (two nodes behind HAProxy, a primary and its
#     replica) with the other journeys through its balancer.
# Each part's output is printed when it ends. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh || exit 1
REPORTS=$(mktemp -d /tmp/qr-test-reports-XXXXXX)
# The tests' temporary files (a data directory copied for each server started, browser profiles, PDFs)
# in memory when there is room (scripts/scratch-dir.sh): a server's data directory is copied in ≈ 0.1 s.
export TMPDIR
TMPDIR=$(mktemp -d "$(bash scripts/scratch-dir.sh)/qr-test-tmp-XXXXXX")
chmod 1777 "$TMPDIR" # as /tmp: the PostgreSQL servers of the tests run as the 'postgres' user
status=0
started=$SECONDS
run() { echo; echo "=== $1 ($((SECONDS - started)) s)"; shift; "$@" || status=1; }
run_vitest() { npx vitest run --reporter=default --reporter=json "$@"; }
export -f run_vitest # for the PostgreSQL run, inside with-postgres.sh

run "build the web app and the server" node scripts/build-if-stale.mjs

# Type check and lint (each prints nothing when all is well) beside the tests: the typed lint is one
# thread for ≈ 30 s, which left the other core idle when the tests waited for it.
static_checks() {
  run "typecheck and lint" bash -c 'npm run --silent typecheck & t=$!; npm run --silent lint; l=$?; wait $t && exit $l'
  return $status
}

embedded_side() {
  run "domain and route tests on PGlite" run_vitest --config vitest.config.ts --outputFile="$REPORTS/pglite.json"
  run "journeys in Chromium on PGlite" run_vitest --config vitest.e2e.config.ts --outputFile="$REPORTS/e2e-pglite.json"
  return $status
}
postgres_side() {
  run "route tests and journeys on PostgreSQL" bash scripts/with-postgres.sh bash -c "
    run_vitest --config vitest.config.ts --outputFile='$REPORTS/postgres.json' &&
    run_vitest --config vitest.e2e.config.ts --outputFile='$REPORTS/e2e-postgres.json'"
  run "the deployment: two nodes behind HAProxy, PostgreSQL primary and replica" \
    run_vitest --config vitest.cluster.config.ts --outputFile="$REPORTS/cluster.json"
  return $status
}

echo; echo "=== the static checks, the PGlite side and the PostgreSQL side, at once ($((SECONDS - started)) s)"
static_checks > "$REPORTS/static.log" 2>&1 &
static=$!
embedded_side > "$REPORTS/embedded.log" 2>&1 &
embedded=$!
postgres_side > "$REPORTS/postgres.log" 2>&1 &
postgres=$!
# Each one's output as soon as it ends (the shortest first).
declare -A side=([$static]=static [$embedded]=embedded [$postgres]=postgres)
while [ ${#side[@]} -gt 0 ]; do
  wait -n -p ended "${!side[@]}" || status=1
  cat "$REPORTS/${side[$ended]}.log"
  echo "=== the ${side[$ended]} part ended ($((SECONDS - started)) s)"
  unset "side[$ended]"
done

echo
node scripts/summarize-tests.mjs "$REPORTS" || status=1
rm -rf "$REPORTS" "$TMPDIR"
exit $status
