#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
#   chromium (end-to-end journeys), poppler-utils (pdftoppm renders PDFs), postgresql (the PostgreSQL run),
#   strace (counts the embedded database's fsync calls), haproxy (the cluster test's load balancer).
# With "bench" (bench/run.sh): what the benchmarks need instead, PostgreSQL, HAProxy and wrk (the load
# generator of the read benchmarks, bench/support/wrk.ts).
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || missing+=(postgresql)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ "${1:-}" = bench ]; then
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
else
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v strace >/dev/null 2>&1 || missing+=(strace)
  fc-list 2>/dev/null | grep -qi 'dejavu' || missing+=(fonts-dejavu-core)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing missing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
  echo "Need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
