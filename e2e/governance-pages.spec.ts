import { expect, test, type APIRequestContext } from "@playwright/test";
import { pauseUnreachableModelsAfterAll, useStoredRole } from "./support/accounts";

// The models these tests add point at a port nothing listens on: pause them when done.
pauseUnreachableModelsAfterAll(test, "http://127.0.0.1:9/v1");

async function addVariant(request: APIRequestContext, organization: string, codename: string, visibility = "PRIVATE_TESTING") {
  const response = await request.post("/api/admin/models", {
    data: {
      name: codename,
      displayName: `Codename ${codename}`,
      organization,
      licenseKind: "PROPRIETARY",
      provider: "openai-compatible",
      providerConfig: { baseUrl: "http://127.0.0.1:9/v1", modelId: "m" },
      visibility,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).model as { id: string; name: string };
}

test("the changelog publishes the deprecation rule and every roster event, newest first", async ({ page }) => {
  await page.goto("/changelog");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Roster changelog");
  const rule = page.getByTestId("deprecation-rule");
  await expect(rule.locator("li")).toHaveCount(4);
  await expect(rule).toContainText("unavailable for 14 consecutive days");
  await expect(rule).toContainText("open weights or proprietary alike");
  // The seeded roster was added, open-weights and proprietary models alike.
  const events = page.getByTestId("roster-events");
  await expect(events.locator('tr[data-model="gpt-4o-2024-05-13"][data-kind="added"]')).toContainText("OpenAI · proprietary");
  await expect(events.locator('tr[data-model="Mistral-7B-Instruct-v0.2"][data-kind="added"]')).toContainText("open weights");

  await useStoredRole(page.context(), "admin");
  const model = await addVariant(page.request, "Changelog Labs", `e2e-changelog-${Date.now()}`, "PUBLIC");
  const paused = await page.request.post(`/api/admin/models/${model.id}/actions`, { data: { action: "pause" } });
  expect(paused.status()).toBe(200);
  await page.goto("/changelog");
  const rows = events.locator(`tr[data-model="${model.name}"]`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-kind", "paused");
  await expect(rows.nth(1)).toHaveAttribute("data-kind", "added");
});

test("making a private variant public publishes the scores of every variant its provider tested", async ({ page }) => {
  await useStoredRole(page.context(), "admin");
  const organization = `Variant Labs ${Date.now()}`;
  const stamp = Date.now();
  const kept = await addVariant(page.request, organization, `e2e-nebula-${stamp}`);
  const shipped = await addVariant(page.request, organization, `e2e-comet-${stamp}`);
  const published = await page.request.post(`/api/admin/models/${shipped.id}/actions`, { data: { action: "publish" } });
  expect(published.status()).toBe(200);

  await page.goto("/tested-variants");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tested variants");
  const report = page.locator(`[data-testid="tested-variants-report"][data-organization="${organization}"]`);
  await expect(report.getByRole("heading")).toContainText(`${organization}: Codename ${shipped.name} was made public`);
  await expect(report.locator(`tr[data-variant="${shipped.name}"]`)).toContainText("public");
  await expect(report.locator(`tr[data-variant="${kept.name}"]`)).toContainText("still in private testing");
  await expect(report.locator(`tr[data-variant="${kept.name}"]`)).toContainText("not enough votes");

  // The changelog links the event to the report.
  await page.goto("/changelog");
  await page
    .getByTestId("roster-events")
    .locator(`tr[data-model="${shipped.name}"][data-kind="published"]`)
    .getByRole("link", { name: "Scores of every variant this provider tested" })
    .click();
  await expect(page).toHaveURL(/\/tested-variants#report-/);
});

test("the data-share page shows each provider's share of battles and prompts over time", async ({ page }) => {
  await page.goto("/data-share");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data share");
  const table = page.getByTestId("data-share");
  // The demo votes cover every seeded provider; OpenAI has four models on the roster.
  await expect(table.locator('tr[data-organization="OpenAI"]')).toBeVisible();
  const share = await table.locator('tr[data-organization="OpenAI"] [data-testid="battle-share"]').textContent();
  expect(Number(share!.replace("%", ""))).toBeGreaterThan(0);
  await expect(page.getByTestId("data-share-chart-battles").locator(".recharts-line")).not.toHaveCount(0);
  await expect(page.getByTestId("data-share-chart-prompts")).toBeVisible();
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "By week" }).click();
  await expect(page).toHaveURL(/period=week/);
  await expect(page.getByRole("link", { name: "By week" })).toHaveAttribute("aria-current", "page");
});

test("the data page lists exports and the snapshot API for customers only", async ({ page }) => {
  await page.goto("/data");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdata/);
  await useStoredRole(page.context(), "contributor");
  await page.goto("/data");
  await expect(page.getByTestId("data-forbidden")).toContainText("Customers only");
  // Leave the page first: a request it still has in flight could set the contributor's session cookie again.
  await page.goto("about:blank");
  await page.context().clearCookies();
  await useStoredRole(page.context(), "customer");
  await page.goto("/data");
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", "/api/export?format=csv");
  await expect(page.getByTestId("holdout")).toContainText("hold out the most recent");
  await expect(page.getByText("GET /api/snapshots", { exact: false }).first()).toBeVisible();
});
