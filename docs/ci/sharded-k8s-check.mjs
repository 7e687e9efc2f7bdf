// Validates docs/ci/k8s-sharded-verify.yaml against the Kubernetes API schemas that kubernetes-models carries
// (run by docs/ci/check-ci-files.sh; node sharded-k8s-check.mjs FILE).
import { readFileSync } from "node:fs";
import { loadAll } from "js-yaml";
import { Job } from "kubernetes-models/batch/v1";
import { PersistentVolumeClaim } from "kubernetes-models/v1";
const kinds = { "batch/v1 Job": Job, "v1 PersistentVolumeClaim": PersistentVolumeClaim };
let failed = 0;
for (const doc of loadAll(readFileSync(process.argv[2], "utf8"))) {
  const key = `${doc.apiVersion} ${doc.kind}`;
  const Model = kinds[key];
  if (!Model) { console.log(`FAIL ${key}: no schema here`); failed++; continue; }
  try { new Model(doc).validate(); console.log(`ok ${key} ${doc.metadata.name}`); }
  catch (e) { console.log(`FAIL ${key} ${doc.metadata?.name}: ${e.message}`); failed++; }
}
process.exit(failed ? 1 : 0);
