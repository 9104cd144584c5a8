#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run) and as the README's test command runs it:
# static checks, then domain + route tests and Chromium journeys on PGlite, then the same on a real
# PostgreSQL server started for the run, then the cluster run (tests/cluster). Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh || exit 1
REPORTS=$(mktemp -d /tmp/qr-test-reports-XXXXXX)
status=0
run() { echo; echo "=== $1"; shift; "$@" || status=1; }

run "typecheck" npm run --silent typecheck
run "lint" npm run --silent lint
run "build the web app and the server" node scripts/build-if-stale.mjs
run "domain and route tests on PGlite" npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile="$REPORTS/pglite.json"
run "journeys in Chromium on PGlite" npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$REPORTS/e2e-pglite.json"
run "route tests and journeys on PostgreSQL" bash scripts/with-postgres.sh bash -c "
  npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile='$REPORTS/postgres.json' &&
  npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile='$REPORTS/e2e-postgres.json'"
run "the deployment: two nodes behind HAProxy, PostgreSQL primary and replica" npx vitest run --config vitest.cluster.config.ts --reporter=default --reporter=json --outputFile="$REPORTS/cluster.json"

echo
node scripts/summarize-tests.mjs "$REPORTS" || status=1
rm -rf "$REPORTS"
exit $status
