import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { arenaCli, signIn } from "./support/accounts";

/**
 * A customer creates an API token on the Data page (shown once), a script with no cookies
 * downloads a CSV export with `Authorization: Bearer`, the customer revokes the token on the page,
 * and the script's next request is refused with a 401.
 */

const CSV_HEADER = "model_a,model_b,winner,judge,tstamp,country,region,age,education,language,replay";

/** Votes old enough to be past any holdout (the demo votes are never exported). */
function importOldVotes(): void {
  const start = Date.UTC(2024, 2, 1) / 1000;
  const lines = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({
      model_a: "e2e-token-model-a",
      model_b: "e2e-token-model-b",
      winner: i % 3 ? "model_a" : "model_b",
      judge: `e2e-token-judge-${i % 10}`,
      tstamp: start + i * 60,
    }),
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "showdown-e2e-tokens-")), "old-votes.jsonl");
  fs.writeFileSync(file, lines.join("\n"));
  expect(arenaCli("import", file)).toContain("40 votes added");
}

test("a customer's script downloads an export with a token, and the revoked token is refused", async ({ page, playwright, baseURL }) => {
  test.setTimeout(180_000); // two CLI runs (set-role, import) start a process each
  const email = `token-customer-${Date.now()}@example.com`;
  await signIn(page.request, email, { signUp: true });
  arenaCli("set-role", "--email", email, "--role", "customer");

  // The header leads customers to the Data page.
  await page.goto("/leaderboard");
  await page.getByRole("banner").getByRole("link", { name: "Data", exact: true }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.getByRole("link", { name: "GET /api/snapshots", exact: true })).toHaveAttribute("href", "/api/snapshots");
  await expect(page.getByRole("link", { name: "GET /api/openapi.json" })).toHaveAttribute("href", "/api/openapi.json");

  // Create a token: the secret is shown once.
  const tokens = page.getByTestId("api-tokens");
  await tokens.getByLabel("Token name").fill("nightly export");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^sdt_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.getByTestId("token-row").filter({ hasText: "nightly export" })).toContainText(secret.slice(0, 12));
  await tokens.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0); // never shown again

  // A script: no cookies, only the bearer token.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const first = await script.get("/api/export?format=csv");
  expect(first.status()).toBe(200);
  const firstLines = (await first.text()).trim().split(/\r?\n/);
  expect(firstLines[0]).toBe(CSV_HEADER);
  if (firstLines.length === 1) {
    // Nothing is outside the holdout yet: the page says when the first votes will be released.
    await expect(page.getByTestId("export-release")).toContainText(/first votes will be released on|No votes can be exported yet/);
  }
  importOldVotes();
  const second = await script.get("/api/export?format=csv");
  expect(second.status()).toBe(200);
  const rows = (await second.text()).trim().split(/\r?\n/);
  expect(rows[0]).toBe(CSV_HEADER);
  expect(rows.filter((r) => r.includes("e2e-token-model-a"))).toHaveLength(40);
  expect((await script.get("/api/leaderboard?language=pt")).status()).toBe(200);
  // Read-only: the token cannot vote or manage tokens.
  expect((await script.post("/api/battles", { data: {} })).status()).toBe(403);
  expect((await script.get("/api/tokens")).status()).toBe(403);

  await page.reload();
  await expect(page.getByTestId("export-release")).toHaveCount(0);
  const row = tokens.getByTestId("token-row").filter({ hasText: "nightly export" });
  await expect(row).not.toContainText("Never"); // last used is recorded

  // Revoke on the page: the script's next request is a 401.
  await row.getByRole("button", { name: "Revoke the token “nightly export”" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(tokens.getByTestId("token-row").filter({ hasText: "nightly export" })).toHaveCount(0);
  const refused = await script.get("/api/export?format=csv");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/revoked/);
  await script.dispose();
});
