#!/usr/bin/env bash
# Where a batch waits: the batched intake through the intake port (load tool, compare.mjs, then a second load.mjs run
# of the same shape) with the CPU seconds of the server process and of all PostgreSQL processes read from /proc around
# the second run, and pg_stat_activity of the intake's database sampled every ~60 ms meanwhile (wait event and
# statement), summarised at the end. Needs a production build. A fresh database `wk_intake_waits` is made and dropped.
# Usage: DATABASE_URL=postgres://root@127.0.0.1:5432/postgres [EXTRA_ENV="INTAKE_THREADS=0"] bash bench/intake-waits.sh [port]
set -uo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server}"
port="${1:-3480}"
intake=$((port + 1))
work="$(mktemp -d)"
tool="$work/ingest-load"
cp -r ../shared/tools/ingest-load "$tool" && (cd "$tool" && npm ci --no-audit --no-fund --silent) || exit 2
db_url="${DATABASE_URL%/*}/wk_intake_waits"
psql "$DATABASE_URL" -qc "drop database if exists wk_intake_waits with (force)" -c "create database wk_intake_waits" || exit 2
DATABASE_URL="$db_url" npx tsx bench/ingest-keys.ts >"$tool/keys.json" || exit 2
# shellcheck disable=SC2086
env ${EXTRA_ENV:-} DATABASE_URL="$db_url" JOBS=off LOG_LEVEL=warn NODE_ENV=production INTAKE_PORT="$intake" \
  BETTER_AUTH_SECRET=intake-bench-secret-0123456789abcdef AUDIT_HMAC_KEY=intake-bench-audit-key-0123456789abcdef \
  BETTER_AUTH_URL="http://127.0.0.1:$port" \
  node node_modules/next/dist/bin/next start -p "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; psql "$DATABASE_URL" -qc "drop database if exists wk_intake_waits with (force)"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
tick=$(getconf CLK_TCK)
cpu_of() { local t=0; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
for src in ocsf crowdstrike; do
  key=$(node -e "console.log(require('$tool/keys.json').$src)")
  printf '\n--- %s, batches of 500, 4 concurrent (load %s)\n' "$src" "$(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "$tool" && DATABASE_URL="$db_url" BASE="http://127.0.0.1:$intake" node compare.mjs --key "$key" --source "$src" \
    --batch 500 --concurrency 4 --count 20000 --seed "s-$(date +%s%N)" 2>/dev/null | tail -n 5)
  (for _ in $(seq 1 400); do
    psql "$db_url" -Atqc "select coalesce(wait_event_type, 'cpu') || ':' || coalesce(wait_event, '-') || ' ' ||
      left(regexp_replace(query, '\s+', ' ', 'g'), 40) from pg_stat_activity
      where datname = 'wk_intake_waits' and state = 'active' and pid <> pg_backend_pid()"
    sleep 0.05
  done >"$work/waits-$src.txt") &
  sampler=$!
  n0=$(cpu_of $server $(pgrep -P $server)); p0=$(cpu_of $(pgrep -u postgres)); t0=$(date +%s%N)
  (cd "$tool" && BASE="http://127.0.0.1:$intake" node load.mjs --key "$key" --source "$src" --batch 500 --concurrency 4 \
    --count 20000 --seed "t-$(date +%s%N)" 2>&1 | grep -E "throughput|status:")
  n1=$(cpu_of $server $(pgrep -P $server)); p1=$(cpu_of $(pgrep -u postgres)); t1=$(date +%s%N)
  kill $sampler 2>/dev/null
  echo "second run: wall $(((t1 - t0) / 1000000)) ms; server CPU $(((n1 - n0) * 1000 / tick)) ms; PostgreSQL CPU $(((p1 - p0) * 1000 / tick)) ms"
  echo "sampled backends (wait event, statement):"
  sort "$work/waits-$src.txt" | uniq -c | sort -rn | head -6
done
