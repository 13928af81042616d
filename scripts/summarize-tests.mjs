// Prints one "N passed, N failed" line from vitest's and Playwright's JSON reports (CI reads it)
// and exits non-zero on any failure. A missing or empty report counts as a failure, and so does
// each named check (typecheck, build) that failed.
// Usage: node scripts/summarize-tests.mjs vitest.json playwright.json [failed-check ...]
import fs from "node:fs";

const [vitestFile, playwrightFile, ...failedChecks] = process.argv.slice(2);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = failedChecks.length;
for (const check of failedChecks) console.log(`failed check: ${check}`);

const vitest = read(vitestFile);
if (vitest && vitest.numTotalTests > 0) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.success === false && vitest.numFailedTests === 0 ? 1 : 0);
} else {
  console.log("vitest produced no results");
  failed += 1;
}

const playwright = read(playwrightFile);
if (playwright && playwright.stats.expected + playwright.stats.unexpected > 0) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  if (playwright.errors?.length) failed += 1;
} else {
  console.log("Playwright produced no results");
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
