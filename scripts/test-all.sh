#!/usr/bin/env bash
# Runs every test: typecheck, lint, format check, production build, unit + integration tests (vitest, embedded
# PostgreSQL), and Playwright in Debian's chromium. Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
OUT=.test-results
rm -rf "$OUT" && mkdir -p "$OUT"
failed_checks=()

echo "== typecheck"
npx tsc --noEmit || failed_checks+=(typecheck)
echo "== lint (ESLint: Next.js core-web-vitals + TypeScript, zero warnings)"
npx eslint . --max-warnings=0 || failed_checks+=(lint)
echo "== format (Prettier)"
npx prettier --check . --log-level=warn || failed_checks+=(format)
echo "== build"
npx next build || failed_checks+=(build)
echo "== unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile="$OUT/vitest.json"
echo "== browser tests"
PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" npx playwright test --reporter=list,json

node scripts/summarize-tests.mjs "$OUT/vitest.json" "$OUT/playwright.json" "${failed_checks[@]}"
