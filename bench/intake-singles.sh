#!/usr/bin/env bash
# Single-alert requests over the intake port: the load tool's compare.mjs (floor `values`, then the app) with
# CrowdStrike single alerts at 16 concurrent, then a second load.mjs run of the same shape with the CPU seconds of the
# server process and of all PostgreSQL processes read from /proc around it, per request. Needs a production build.
# A fresh database `wk_intake_singles` is made and dropped. BENCH_CPU_PROF_DIR: profile the server (intake-server.sh).
# Usage: DATABASE_URL=postgres://root@127.0.0.1:5432/postgres bash bench/intake-singles.sh [port] [count]
set -uo pipefail
cd "$(dirname "$0")/.."
port="${1:-3490}"
count="${2:-10000}"
db_name=wk_intake_singles
# shellcheck source=bench/intake-server.sh
. bench/intake-server.sh
tick=$(getconf CLK_TCK)
cpu_of() { local t=0; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
key=$(key_of crowdstrike)
printf '\n--- CrowdStrike single alerts, 16 concurrent, %s (load %s)\n' "$count" "$(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$tool" && DATABASE_URL="$db_url" BASE="http://127.0.0.1:$intake" node compare.mjs --key "$key" --source crowdstrike \
  --single --concurrency 16 --count "$count" --seed "s-$(date +%s%N)" 2>/dev/null | tail -n 6)
n0=$(cpu_of $server $(pgrep -P $server)); p0=$(cpu_of $(pgrep -u postgres)); t0=$(date +%s%N)
(cd "$tool" && BASE="http://127.0.0.1:$intake" node load.mjs --key "$key" --source crowdstrike --single --concurrency 16 \
  --count "$count" --seed "t-$(date +%s%N)" 2>&1 | grep -E "throughput|status:|latency|client")
n1=$(cpu_of $server $(pgrep -P $server)); p1=$(cpu_of $(pgrep -u postgres)); t1=$(date +%s%N)
echo "second run: wall $(((t1 - t0) / 1000000)) ms; server CPU $(((n1 - n0) * 1000 / tick)) ms ($(((n1 - n0) * 1000000 / tick / count)) µs a request); PostgreSQL CPU $(((p1 - p0) * 1000 / tick)) ms ($(((p1 - p0) * 1000000 / tick / count)) µs a request)"
