#!/usr/bin/env bash
# The intake over real HTTP with the load tool (../shared/tools/ingest-load, compare.mjs) against `npm start` on
# PostgreSQL, through both listeners: Next's route (PORT) and the intake port (INTAKE_PORT = PORT + 1), each beside
# its floors in the same run (the raw upsert; a route that does nothing on the same listener; select 1; a one-row
# transaction). Needs a production build. A fresh database `wk_intake_http` is made and dropped.
# Usage: DATABASE_URL=postgres://root@127.0.0.1:5432/postgres bash bench/intake-http.sh [port]
set -uo pipefail
cd "$(dirname "$0")/.."
port="${1:-3470}"
db_name=wk_intake_http
# shellcheck source=bench/intake-server.sh
. bench/intake-server.sh
cs=$(key_of crowdstrike)
ocsf=$(key_of ocsf)
run() { # label base args…
  local label="$1" base="$2"; shift 2
  printf '\n--- %s (%s; load %s)\n' "$label" "$base" "$(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "$tool" && DATABASE_URL="$db_url" BASE="$base" node compare.mjs "$@" --seed "s-$(date +%s%N)" 2>/dev/null | tail -n 6)
}
for base in "http://127.0.0.1:$port" "http://127.0.0.1:$intake"; do
  run "CrowdStrike single alerts, 16 concurrent" "$base" --key "$cs" --source crowdstrike --single --concurrency 16 --count 5000
  printf '\n--- floors (%s)\n' "$base"
  BASE="$base" DATABASE_URL="$db_url" npx tsx bench/ingest-route-floor.ts --concurrency 16 --seconds 10
  run "OCSF batches of 500, 4 concurrent" "$base" --key "$ocsf" --source ocsf --batch 500 --concurrency 4 --count 20000
  run "CrowdStrike batches of 500, 4 concurrent" "$base" --key "$cs" --source crowdstrike --batch 500 --concurrency 4 --count 20000
done
