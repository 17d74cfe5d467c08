// Sums the test results of every runner into the one closing line CI reads: "N passed, N failed".
import fs from "node:fs";
import path from "node:path";

const [dir, failedSteps = "0"] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const f of fs.readdirSync(dir)) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  console.log(`${f}: ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed`);
}
// A step that failed without test results (typecheck, lint, build) counts as one failure.
const missing = Number(failedSteps) > 0 && failed === 0 ? Number(failedSteps) : 0;
console.log(`${passed} passed, ${failed + missing} failed`);
