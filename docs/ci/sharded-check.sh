#!/usr/bin/env bash
# Validates the two sharded-verify deployment files with served schemas (README.md, "Sharding"):
#   docs/ci/sharded-verify.yml      with @action-validator/cli (GitHub's workflow schema);
#   docs/ci/k8s-sharded-verify.yaml with kubernetes-models (the Kubernetes API's JSON schemas, batch/v1 Job and v1 PVC).
# Versions as served on the day they were chosen. Usage: docs/ci/sharded-check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx --yes @action-validator/cli@0.6.0 docs/ci/sharded-verify.yml
echo "workflow: valid"
(cd "$work" && npm init -y >/dev/null && npm install --silent kubernetes-models@5.1.0 js-yaml@5.5.0)
cp docs/ci/sharded-k8s-check.mjs "$work/"
node "$work/sharded-k8s-check.mjs" docs/ci/k8s-sharded-verify.yaml
echo "manifest: valid"
