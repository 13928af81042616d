// Prints one "N passed, N failed" line from vitest's and Playwright's JSON reports (CI reads it)
// and exits non-zero on any failure. A missing or empty report counts as a failure, and so does
// each named check (typecheck, build) that failed. Just above that line it names every failed test
// with the first lines of its error, because CI keeps only the tail of the output.
// Usage: node scripts/summarize-tests.mjs vitest.json playwright.json [failed-check ...]
import fs from "node:fs";
import path from "node:path";

const [vitestFile, playwrightFile, ...failedChecks] = process.argv.slice(2);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = failedChecks.length;
const failures = failedChecks.map((check) => `failed check: ${check}`);
const firstLines = (text) =>
  String(text ?? "")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.trim())
    .slice(0, 4)
    .map((line) => `    ${line.trim().slice(0, 300)}`)
    .join("\n");

const vitest = read(vitestFile);
if (vitest && vitest.numTotalTests > 0) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.success === false && vitest.numFailedTests === 0 ? 1 : 0);
  for (const file of vitest.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedTests)
      failures.push(
        `failed: ${path.relative(process.cwd(), file.name)} › ${test.fullName}\n${firstLines(test.failureMessages?.join("\n"))}`,
      );
    if (file.status === "failed" && failedTests.length === 0)
      failures.push(`failed: ${path.relative(process.cwd(), file.name)}\n${firstLines(file.message)}`);
  }
} else {
  console.log("vitest produced no results");
  failed += 1;
}

const playwright = read(playwrightFile);
if (playwright && playwright.stats.expected + playwright.stats.unexpected > 0) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  if (playwright.errors?.length) failed += 1;
  for (const error of playwright.errors ?? []) failures.push(`Playwright error\n${firstLines(error.message)}`);
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) {
        if (test.status === "expected" || test.status === "skipped") continue;
        const last = test.results?.at(-1);
        failures.push(
          `${test.status}: ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}\n${firstLines(last?.error?.message)}`,
        );
      }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of playwright.suites ?? []) visit(suite, []);
} else {
  console.log("Playwright produced no results");
  failed += 1;
}

for (const failure of failures) console.log(failure);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
