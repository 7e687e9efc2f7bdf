#!/usr/bin/env bash
# Checks report.html in headless Chromium with networking off:
#  1. load time: the page is opened as it is (no diagram forced) and a probe inserted at the top of a temporary copy
#     records PerformanceNavigationTiming.loadEventStart (navigation start to the load event: the HTML parsed, every
#     synchronous script run, the page complete) into the DOM that --dump-dom prints. It fails above LOAD_LIMIT_MS
#     (default 2000). The wall time of the whole chromium process (browser start-up included) is printed beside it.
#     The figure is the median of LOAD_RUNS (default 3) runs; on a loaded machine say so when quoting it.
#  2. diagrams: opened with #render-all, which renders every Mermaid diagram at once; every <figure class="diagram">
#     must become an <svg> and none may report a Mermaid syntax error.
#  3. without JavaScript: no raw Mermaid source is visible (it sits in <template>), every diagram has a text form.
#  4. screenshots, with and without JavaScript.
# Usage: audit/check-report.sh [report.html] [screenshot.png] (default: DIR-report.png beside the bundle directory DIR)
# Without a report path it runs `verify --cases 16` (the budget `dotnet test` runs, at which every generated
# property reaches all the classes it is about) into a temporary directory first, and that run
# must pass (exit 0): CI uses this as a smoke test of the README's main job.
set -euo pipefail
cd "$(dirname "$0")/.."
limit_ms="${LOAD_LIMIT_MS:-2000}"
runs="${LOAD_RUNS:-3}"

report="${1:-}"
if [[ -z "$report" ]]; then
  # The bundle directory holds the bundle only (verify replaces it whole; verify-bundle refuses any extra file).
  base="$(mktemp -d)"
  out="$base/evidence"
  rc=0
  dotnet run --project audit -- verify --cases 16 --out "$out" >"$base/verify.txt" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then tail -40 "$base/verify.txt"; echo "verify exited $rc" >&2; exit 1; fi
  grep -E "^│ total|PASSED" "$base/verify.txt" || true
  dotnet run --project audit -- verify-bundle "$out" || { echo "FAIL: the bundle verify wrote does not verify" >&2; exit 1; }
  report="$out/report.html"
fi
report="$(realpath "$report")"
# Screenshots go beside the bundle, never into it: a file added to a signed bundle makes verify-bundle refuse it.
shot="${2:-$(dirname "$(dirname "$report")")/$(basename "$(dirname "$report")")-report.png}"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --disable-extensions --disable-dev-shm-usage
  # networking off: every host resolves nowhere and no proxy is reachable
  --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server="http://127.0.0.1:9" --proxy-bypass-list="<-loopback>")
chrome() { local profile; profile="$(mktemp -d -p "$work")"; chromium "${flags[@]}" --user-data-dir="$profile" "$@" 2>/dev/null; }
# Scripts stripped: the mermaid bundle and report.js themselves contain the words the checks look for.
noscripts() { perl -0777 -pe 's{<script\b.*?</script>}{<script></script>}gs'; }

# 1. Load time. The probe is the first script of <head>, so it is registered before anything else runs.
probe='<script>addEventListener("load",function(){var n=performance.getEntriesByType("navigation")[0];document.documentElement.setAttribute("data-load-ms",String(Math.round(n.loadEventStart)));});</script>'
perl -0777 -pe "s{<head>}{<head>$probe}" "$report" >"$work/probe.html"
loads=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  ms=$(chrome --dump-dom "file://$work/probe.html" | grep -o 'data-load-ms="[0-9]*"' | grep -o '[0-9]*' || echo 999999)
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "load run $((i + 1)): ${ms} ms to the load event (chromium process ${wall} ms wall, start-up included)"
  loads+=("$ms")
done
median=$(printf '%s\n' "${loads[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")

# 2. Every diagram rendered (virtual time lets the render queue finish without waiting in real time).
chrome --virtual-time-budget=120000 --dump-dom "file://$report#render-all" | noscripts >"$work/rendered.html"
chrome --virtual-time-budget=30000 --window-size=1400,3000 --hide-scrollbars --screenshot="$shot" "file://$report" >/dev/null || true

# 3. Without JavaScript the browser shows the parsed HTML as it is: the page minus <script> and <template> contents
#    (headless Chromium's --dump-dom and --screenshot stop working with scripting switched off, so the check reads the
#    file with its scripts removed, and the screenshot is of that page).
noscripts <"$report" | perl -0777 -pe 's{<template\b.*?</template>}{<template></template>}gs' >"$work/nojs.html"
chrome --window-size=1400,3000 --hide-scrollbars --screenshot="${shot%.png}-nojs.png" "file://$work/nojs.html" >/dev/null || true

size=$(stat -c %s "$report")
expected=$(grep -c '<figure class="diagram"' "$report" || true)
svgs=$(grep -o '<svg[^>]*id="svg-diagram-[0-9]*"' "$work/rendered.html" | wc -l || true)
state=$(grep -o 'data-mermaid="[a-z]*"' "$work/rendered.html" | head -1 || true)
textforms=$(grep -o '<details class="textform" open>' "$work/nojs.html" | wc -l || true)
echo "report:     $report ($((size / 1024)) KiB)"
echo "load:       median ${median} ms to the load event over $runs runs (limit ${limit_ms} ms)"
echo "diagrams:   $expected in the page, $svgs rendered as <svg> with #render-all ($state)"
echo "no script:  $textforms diagrams show their text form"
echo "screenshot: $shot (without JavaScript: ${shot%.png}-nojs.png)"
fail=0
if [[ "$median" -gt "$limit_ms" ]]; then echo "FAIL: the page took ${median} ms to load (limit ${limit_ms} ms)"; fail=1; fi
if [[ "$expected" -lt 1 ]]; then echo "FAIL: the report has no diagram"; fail=1; fi
if [[ "$svgs" -lt "$expected" ]]; then echo "FAIL: not every diagram rendered"; fail=1; fi
if grep -q "Syntax error" "$work/rendered.html"; then echo "FAIL: a diagram has a Mermaid syntax error"; fail=1; fi
if [[ "$state" != 'data-mermaid="rendered"' ]]; then echo "FAIL: rendering did not finish cleanly"; fail=1; fi
if [[ "$textforms" -lt "$expected" ]]; then echo "FAIL: without JavaScript a diagram has no text form"; fail=1; fi
if grep -qE '(sequenceDiagram|stateDiagram-v2|flowchart LR)' "$work/nojs.html"; then echo "FAIL: without JavaScript raw Mermaid text shows"; fail=1; fi
if [[ ! -s "$shot" ]]; then echo "FAIL: no screenshot"; fail=1; fi
if [[ $fail -ne 0 ]]; then exit 1; fi
echo "report check: passed"
