#!/usr/bin/env bash
# The whole demo on a fresh machine: install, migrate, seed, build, serve on the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-3000}"
export PGLITE_DIR="${PGLITE_DIR:-.data/pglite}"
export BETTER_AUTH_URL="${BETTER_AUTH_URL:-http://localhost:${PORT}}"
# The demo lets staff skip two-factor enrolment; a real deployment keeps the default (required).
export STAFF_2FA="${STAFF_2FA:-optional}"
# The demo keeps its healthy sensors alive and sends a trickle of alerts while it runs (DEMO_LIVE=off stops it).
export DEMO_LIVE="${DEMO_LIVE:-on}"
unset DATABASE_URL
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m==> %s\033[0m\n' "$1"; }
started=$(date +%s)

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

mkdir -p .data
if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  [ -s .data/auth-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > .data/auth-secret
  BETTER_AUTH_SECRET="$(cat .data/auth-secret)"
  export BETTER_AUTH_SECRET
fi
# The audit chain's key: the seed and the server must sign with the same one (kept beside the auth secret).
if [ -z "${AUDIT_HMAC_KEY:-}" ]; then
  [ -s .data/audit-key ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > .data/audit-key
  AUDIT_HMAC_KEY="$(cat .data/audit-key)"
  export AUDIT_HMAC_KEY
fi

# The seed (three months of history: the last week's incidents through the real services, older ones and older routine
# alerts in bulk) and the build do not touch each other: run both at once. SEED_PROFILE=1 writes where the seed's time went to .data/seed.log.
step "Seeding the embedded database (${PGLITE_DIR}) while building"
npx tsx db/seed/index.ts > .data/seed.log 2>&1 &
seed_pid=$!

if [ -f .next/BUILD_ID ] && [ -z "$(find app server db emails public next.config.ts package-lock.json -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  step "Build is up to date"
else
  step "Building (next build)"
  WK_ONE_SHOT_BUILD=1 npx next build
fi

if ! wait "$seed_pid"; then
  cat .data/seed.log
  echo "The seed failed (see above)." >&2
  exit 1
fi
grep -E "seed:" .data/seed.log | grep -v "profile" | tail -4

step "Starting the server"
node node_modules/next/dist/bin/next start -p "${PORT}" &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid"' INT TERM
# Ready = database reachable, migrations current, scheduler ticking (GET /readyz).
until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
  "http://127.0.0.1:${PORT}/readyz"; do
  kill -0 "$server_pid" 2>/dev/null || { echo "The server stopped during start-up (see above)." >&2; exit 1; }
  sleep 0.5
done

step "Ready in $(( $(date +%s) - started )) s: serving on ${BETTER_AUTH_URL}"
cat <<TXT
  Open ${BETTER_AUTH_URL} and sign in (password for every demo user: watchkeeper-demo):
    provider admin   admin@northwatch.example
    SOC manager      manager@northwatch.example
    analyst          lukas.brandt@northwatch.example
    customer admin   ingrid@halvorsen.example     (Halvorsen Logistics)
    customer viewer  per@halvorsen.example        (Halvorsen Logistics)
  Stop with Ctrl+C.
TXT
wait "$server_pid"
