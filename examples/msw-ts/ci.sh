#!/usr/bin/env bash
# Builds and tests msw-ts, then runs the campaign against it: honest (must pass) and with its routing defect (must
# fail with a counterexample). Usage: examples/msw-ts/ci.sh [CASES]   (default 8)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cases="${1:-8}"
cd "$here"
command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm; }
npm ci --no-audit --no-fund --loglevel=error
npm test

log="$(mktemp -d)"
pid=""
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap 'stop; rm -rf "$log"' EXIT

# Starts the server with the given flags and sets $url to its provisioning URL.
start() {
  node dist/src/main.js --port 0 "$@" >"$log/server.out" 2>"$log/server.err" &
  pid=$!
  for _ in $(seq 1 100); do
    url="$(sed -n 's/^provisioning at //p' "$log/server.out")"
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "msw-ts did not start:"; cat "$log/server.err"; exit 1
}

# Built once here; each campaign then starts without a rebuild.
dotnet build "$repo/audit" -v q -nologo
audit=(dotnet run --no-build --project "$repo/audit" --)
echo "== campaign against msw-ts (honest), $cases cases"
start
"${audit[@]}" verify --sut "MSW=$url" --cases "$cases" --out "$log/honest"
stop

echo "== campaign against msw-ts --defect route-first-listed, $cases cases (must fail)"
start --defect route-first-listed
set +e
"${audit[@]}" verify --sut "MSW=$url" --cases "$cases" --out "$log/defect" | tee "$log/defect.txt"
code=${PIPESTATUS[0]}
set -e
stop
if [ "$code" -ne 1 ]; then echo "the routing defect was not caught (exit $code, expected 1)"; exit 1; fi
grep -qi "counterexample" "$log/defect.txt" || { echo "no counterexample shown for the routing defect"; exit 1; }
echo "msw-ts: honest passes, defect caught"
