#!/usr/bin/env bash
# Where a batch waits: the batched intake through the intake port (load tool, compare.mjs, then a second load.mjs run
# of the same shape) with the CPU seconds of the server process and of all PostgreSQL processes read from /proc around
# the second run, and pg_stat_activity of the intake's database sampled every ~60 ms meanwhile (wait event and
# statement), summarised at the end. Needs a production build. A fresh database `wk_intake_waits` is made and dropped.
# Usage: DATABASE_URL=postgres://root@127.0.0.1:5432/postgres [EXTRA_ENV="INTAKE_THREADS=0"] bash bench/intake-waits.sh [port]
set -uo pipefail
cd "$(dirname "$0")/.."
port="${1:-3480}"
db_name=wk_intake_waits
# shellcheck source=bench/intake-server.sh
. bench/intake-server.sh
tick=$(getconf CLK_TCK)
cpu_of() { local t=0; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
for src in ocsf crowdstrike; do
  key=$(key_of "$src")
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
