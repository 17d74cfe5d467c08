#!/usr/bin/env bash
# Every benchmark, one after another, on a quiet machine (nothing else running): the figures in docs/benchmarks.md.
# Needs a production build (`npm run build`) for the HTTP ones and a PostgreSQL server.
# Usage: DATABASE_URL=postgres://root@127.0.0.1:5432/postgres bash bench/run-all.sh [out-dir]
set -uo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server; each benchmark makes and drops its own database}"
out="${1:-.data/bench-$(date -u +%Y%m%dT%H%M)}"
mkdir -p "$out"
[ -f .next/BUILD_ID ] || { echo "run npm run build first" >&2; exit 2; }
run() {
  local name="$1"; shift
  printf '\n==> %s (load %s)\n' "$name" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
  local t0; t0=$(date +%s)
  "$@" >"$out/$name.log" 2>&1
  local rc=$?
  tail -n 25 "$out/$name.log" | tee -a "$out/summary.txt"
  printf '    (%s s, exit %s)\n' "$(( $(date +%s) - t0 ))" "$rc" | tee -a "$out/summary.txt"
}
run roster npx tsx bench/roster.ts
run sla npx tsx bench/sla.ts
run ingest npx tsx bench/ingest.ts
run posture npx tsx bench/posture.ts --customers 1000
run visibility npx tsx bench/visibility.ts --customers 1000 --assets 250000
run coverage npx tsx bench/coverage.ts --customers 1000
run reports npx tsx bench/reports.ts --customers 200
run render-isolation npx tsx bench/render-isolation.ts
run intake-http bash bench/intake-http.sh
run month-end-1000 npx tsx bench/reports.ts --customers 1000 --renders 3 --dual-only
echo "summary: $out/summary.txt"
