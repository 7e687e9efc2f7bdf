#!/usr/bin/env bash
# Renders report.html in headless Chromium with networking off and checks the Mermaid diagrams
# became SVG (no "Syntax error"). Usage: audit/check-report.sh [report.html] [screenshot.png]
# Without a report path it runs `verify --cases 16` (the budget `dotnet test` runs, at which every generated
# property reaches all the classes it is about) into a temporary directory first, and that run
# must pass (exit 0): CI uses this as a smoke test of the README's main job.
set -euo pipefail
cd "$(dirname "$0")/.."

report="${1:-}"
if [[ -z "$report" ]]; then
  out="$(mktemp -d)"
  rc=0
  dotnet run --project audit -- verify --cases 16 --out "$out" >"$out/verify.txt" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then tail -40 "$out/verify.txt"; echo "verify exited $rc" >&2; exit 1; fi
  grep -E "^│ total|PASSED" "$out/verify.txt" || true
  report="$out/report.html"
fi
report="$(realpath "$report")"
shot="${2:-${report%.html}.png}"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium
fi

profile="$(mktemp -d)"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --disable-extensions --disable-dev-shm-usage
  # networking off: every host resolves nowhere and no proxy is reachable
  --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server="http://127.0.0.1:9" --proxy-bypass-list="<-loopback>"
  --user-data-dir="$profile" --virtual-time-budget=10000)

dom="$(mktemp)"
chromium "${flags[@]}" --dump-dom "file://$report" 2>/dev/null \
  | perl -0777 -pe 's{<script\b.*?</script>}{<script></script>}gs' >"$dom" # the inlined bundle itself contains "Syntax error"
chromium "${flags[@]}" --window-size=1280,4000 --hide-scrollbars --screenshot="$shot" "file://$report" >/dev/null 2>&1 || true

expected=$(grep -c '<pre class="mermaid">' "$report" || true)
svgs=$(grep -o '<svg[^>]*id="mermaid-[^"]*"' "$dom" | wc -l || true)
state=$(grep -o 'data-mermaid="[a-z]*"' "$dom" | head -1 || true)
echo "report:     $report"
echo "diagrams:   $expected in the page, $svgs rendered as <svg> ($state)"
echo "screenshot: $shot"
fail=0
if [[ "$expected" -lt 1 ]]; then echo "FAIL: the report has no diagram"; fail=1; fi
if [[ "$svgs" -lt "$expected" ]]; then echo "FAIL: not every diagram rendered"; fail=1; fi
if grep -q "Syntax error" "$dom"; then echo "FAIL: a diagram has a Mermaid syntax error"; fail=1; fi
if [[ "$state" != 'data-mermaid="rendered"' ]]; then echo "FAIL: mermaid.run did not finish cleanly"; fail=1; fi
if [[ ! -s "$shot" ]]; then echo "FAIL: no screenshot"; fail=1; fi
rm -rf "$profile" "$dom"
if [[ $fail -ne 0 ]]; then exit 1; fi
echo "report check: passed"
