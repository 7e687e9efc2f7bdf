#!/usr/bin/env bash
# Validates the CI and deployment files with served schemas (README.md, "Sharding" and "Install as a tool"):
#   docs/ci/github-actions.yml and docs/ci/sharded-verify.yml  with @action-validator/cli (GitHub's workflow schema);
#   docs/ci/k8s-sharded-verify.yaml with kubernetes-models (the Kubernetes API's JSON schemas, batch/v1 Job and v1 PVC).
# Versions as served on the day they were chosen. Usage: docs/ci/check-ci-files.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx --yes @action-validator/cli@0.6.0 docs/ci/github-actions.yml
npx --yes @action-validator/cli@0.6.0 docs/ci/sharded-verify.yml
echo "workflows: valid"
(cd "$work" && npm init -y >/dev/null && npm install --silent kubernetes-models@5.1.0 js-yaml@5.5.0)
cp docs/ci/sharded-k8s-check.mjs "$work/"
node "$work/sharded-k8s-check.mjs" docs/ci/k8s-sharded-verify.yaml
echo "manifest: valid"
