import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PASSWORD, signIn, useStoredRole } from "./support/accounts";

const STAMP = Date.now();

/**
 * A contributor who judges every answer "both bad", far more often than the crowd does: after
 * enough counted votes the sequential test flags them. Battles go through the public API (start,
 * stream, vote); void battles and identity-leak votes are simply followed by another battle.
 */
async function voteBothBad(request: APIRequestContext, votes: number): Promise<{ leaks: number }> {
  let cast = 0;
  let leaks = 0;
  for (let attempt = 0; cast < votes && attempt < votes * 2; attempt++) {
    const start = await request.post("/api/battles", { data: {} });
    expect(start.status(), await start.text()).toBe(201);
    const { battle } = await start.json();
    const stream = await request.get(`/api/battles/${battle.id}/stream`);
    if (!(await stream.text()).includes("event: done")) continue;
    const vote = await request.post(`/api/battles/${battle.id}/vote`, { data: { outcome: "BOTH_BAD" } });
    if (vote.status() === 201) {
      cast++;
      if ((await vote.json()).isIdentityLeak) leaks++;
    }
  }
  expect(cast).toBe(votes);
  return { leaks };
}

/** The leaderboard's count of votes left out because their voters were excluded. */
async function excludedVoterVotes(page: Page): Promise<number> {
  await page.goto("/leaderboard");
  const total = Number(await page.getByTestId("excluded-total").getAttribute("data-count"));
  if (total === 0) return 0;
  return Number(await page.getByTestId("excluded-voters").getAttribute("data-count"));
}

test("an admin reviews a flagged voter, excludes their votes (the leaderboard says so), and restores them", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const voterEmail = `odd-voter-${STAMP}@example.com`;

  const voter = await playwright.request.newContext({ baseURL });
  expect((await voter.post("/api/signup", { data: { email: voterEmail, password: PASSWORD } })).status()).toBe(201);
  await signIn(voter, voterEmail);
  expect((await voter.put("/api/profile", { data: { country: "DE", ageBand: "35-44", education: "master", language: "de" } })).ok()).toBe(
    true,
  );
  // A corpus answer can name a roster word (e.g. "Gemini" the star sign): such votes are already
  // left out as identity leaks, and stay counted under that reason after the exclusion.
  const { leaks } = await voteBothBad(voter, 30);
  await voter.dispose();

  // The admin finds the voter among the flagged ones, with their vote count.
  await useStoredRole(page.context(), "admin");
  await page.goto("/admin/contributors?filter=flagged");
  const row = page.getByTestId("admin-contributors").locator(`tr[data-email="${voterEmail}"]`);
  await expect(row).toHaveAttribute("data-status", "FLAGGED");
  await expect(row.locator('[data-col="votes"]')).toHaveText("30");

  const before = await excludedVoterVotes(page);

  // Act on the unfiltered list: a filtered one drops the row (and its status message) once it changes.
  const everyone = `/admin/contributors?filter=all&q=${encodeURIComponent(voterEmail)}`;
  await page.goto(everyone);
  await row.getByLabel(`Note for ${voterEmail}`).fill("Judges every answer both bad.");
  await row.getByRole("button", { name: "Exclude votes" }).click();
  await expect(row.getByRole("status")).toHaveText("30 votes excluded.");
  expect(await excludedVoterVotes(page)).toBe(before + 30 - leaks);

  // The exclusion is in the audit log, and reversible.
  await page.goto("/admin/contributors?filter=excluded");
  await expect(row).toHaveAttribute("data-status", "EXCLUDED");
  await page.goto(everyone);
  await row.getByLabel(`Note for ${voterEmail}`).fill("Checked again: keep their votes.");
  await row.getByRole("button", { name: "Restore votes" }).click();
  await expect(row.getByRole("status")).toHaveText("30 votes restored.");
  expect(await excludedVoterVotes(page)).toBe(before);

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-log")).toContainText("voter.restore");
  await expect(page.getByTestId("audit-log")).toContainText("voter.exclude");
});

test("the contributors API and actions refuse anonymous visitors and contributors", async ({ playwright, baseURL }) => {
  const routes = [
    { method: "get" as const, url: "/api/admin/contributors?filter=flagged" },
    { method: "post" as const, url: "/api/admin/contributors/any-id/exclude", data: { note: "not allowed" } },
    { method: "post" as const, url: "/api/admin/contributors/any-id/restore", data: { note: "not allowed" } },
  ];
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const r of routes) expect((await anonymous[r.method](r.url, r.data ? { data: r.data } : {})).status(), r.url).toBe(401);
  const email = `plain-${STAMP}@example.com`;
  expect((await anonymous.post("/api/signup", { data: { email, password: PASSWORD } })).status()).toBe(201);
  await signIn(anonymous, email);
  for (const r of routes) expect((await anonymous[r.method](r.url, r.data ? { data: r.data } : {})).status(), r.url).toBe(403);
  await anonymous.dispose();
});

test("the methodology page publishes the sampling weights and the integrity rules", async ({ page }) => {
  await page.goto("/methodology");
  const sampling = page.getByTestId("sampling-section");
  await expect(sampling.getByTestId("sampling-weights").locator("tbody tr").first()).toBeVisible();
  await expect(sampling.getByTestId("sampling-model-rule")).toContainText("boost = 1 + (3 − 1) × max(0, 1 − votes / 300)");
  const integrity = page.getByTestId("integrity-section");
  await expect(integrity.getByTestId("leak-share")).toContainText("arena vote");
  await expect(integrity.getByTestId("rate-limits")).toContainText("60 battles");
  await expect(integrity.getByTestId("excluded-count")).toBeVisible();
});
