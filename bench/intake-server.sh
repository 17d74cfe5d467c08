# Sourced by the intake benchmarks over HTTP (intake-http.sh, intake-waits.sh): the load tool copied and installed in
# `$tool`, a fresh database `$db_name` with the bench's keys (`$tool/keys.json`), and `npm start` on PostgreSQL on
# `$port` with the intake port `$intake` = port + 1 (`$server` its PID; `EXTRA_ENV` added to its environment). The
# server is stopped and the database dropped on exit. Needs DATABASE_URL, a production build, `db_name` and `port`.
# BENCH_CPU_PROF_DIR: the server runs under `node --cpu-prof` (a profile per thread, written when it stops; summarise
# with bench/ingest-profile.ts).
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server}"
intake=$((port + 1))
work="$(mktemp -d)"
tool="$work/ingest-load"
cp -r ../shared/tools/ingest-load "$tool" && (cd "$tool" && npm ci --no-audit --no-fund --silent) || exit 2
db_url="${DATABASE_URL%/*}/$db_name"
psql "$DATABASE_URL" -qc "drop database if exists $db_name with (force)" -c "create database $db_name" || exit 2
DATABASE_URL="$db_url" npx tsx bench/ingest-keys.ts >"$tool/keys.json" || exit 2
# shellcheck disable=SC2086
env ${EXTRA_ENV:-} DATABASE_URL="$db_url" JOBS=off LOG_LEVEL=warn NODE_ENV=production INTAKE_PORT="$intake" \
  BETTER_AUTH_SECRET=intake-bench-secret-0123456789abcdef AUDIT_HMAC_KEY=intake-bench-audit-key-0123456789abcdef \
  BETTER_AUTH_URL="http://127.0.0.1:$port" \
  node ${BENCH_CPU_PROF_DIR:+--cpu-prof --cpu-prof-dir="$BENCH_CPU_PROF_DIR"} node_modules/next/dist/bin/next start --keepAliveTimeout 65000 -p "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; psql "$DATABASE_URL" -qc "drop database if exists $db_name with (force)"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
key_of() { node -e "console.log(require('$tool/keys.json').$1)"; }
