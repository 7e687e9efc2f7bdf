#!/usr/bin/env bash
# Packs the audit as a dotnet tool, installs it from that local pack into a temporary tool path, and checks that the
# installed command runs and that its help names it `multiwallet-audit` (Spectre's application name), not the
# repository's `dotnet run --project audit --`. Usage: docs/ci/check-tool.sh [VERSION-SUFFIX]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet pack audit/MultiWallet.Audit.csproj -c Release -o "$work/pack" -v q -nologo
dotnet tool install MultiWallet.Audit --tool-path "$work/tool" --add-source "$work/pack"
tool="$work/tool/multiwallet-audit"
help="$("$tool" --help)"
verify_help="$("$tool" verify --help)"
version="$("$tool" --version)"
echo "$help" | head -8
echo "version: $version"
fail=0
grep -q "multiwallet-audit \[OPTIONS\] <COMMAND>" <<<"$help" || { echo "FAIL: the help does not name the command multiwallet-audit"; fail=1; }
grep -q "dotnet run --project audit" <<<"$help" && { echo "FAIL: the installed tool's help names the repository command"; fail=1; }
grep -q "multiwallet-audit verify \[OPTIONS\]" <<<"$verify_help" || { echo "FAIL: verify --help does not name the command"; fail=1; }
grep -q "Exit codes: 0" <<<"$verify_help" || { echo "FAIL: verify --help lists no exit codes"; fail=1; }
grep -qE "^[0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{7,}|unknown\)" <<<"$version" || { echo "FAIL: --version prints no version and commit: $version"; fail=1; }
if [[ $fail -ne 0 ]]; then exit 1; fi
echo "tool check: passed"
